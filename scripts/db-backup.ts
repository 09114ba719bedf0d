// npm run db:backup [-- --out backups/helpdesk.db] — a backup of the database in DATABASE_URL,
// taken while the site keeps running: a SQLite file (VACUUM INTO) or a pg_dump custom-format file.
// Never overwrites a file; prints progress, then what the backup holds.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { databaseUrl } from "./load-env";
import { progressPrinter, readFlags, runCommand } from "./backup-cli";
import { BackupError, describeCounts, formatBytes } from "../lib/backup/common";
import { backupPostgres } from "../lib/backup/postgresql";
import { backupSqlite } from "../lib/backup/sqlite";
import { databaseProvider } from "../lib/database-url";

const USAGE = `Usage: npm run db:backup [-- --out <file>]
  --out   where to write the backup (default: backups/helpdesk-<date and time>.db for SQLite, .dump for PostgreSQL)`;

const flags = readFlags({ out: { type: "string" } }, USAGE);

await runCommand(async () => {
  const provider = databaseProvider(databaseUrl);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
  const out = flags.out ?? path.join("backups", `helpdesk-${stamp}.${provider === "sqlite" ? "db" : "dump"}`);
  if (!out.trim()) throw new BackupError(`--out needs a file name.\n\n${USAGE}`);
  if (existsSync(out)) throw new BackupError(`${out} already exists. Backups are never overwritten: choose another --out.`);
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });

  const source = provider === "sqlite" ? databaseUrl.replace(/^file:/, "") : `PostgreSQL database ${new URL(databaseUrl).pathname.slice(1)}`;
  console.error(`Backing up ${source} to ${out} while the site keeps running…`);
  const summary =
    provider === "sqlite"
      ? await backupSqlite(databaseUrl.replace(/^file:/, ""), out, progressPrinter("Copied", "bytes"))
      : await backupPostgres(databaseUrl, out, progressPrinter("Dumped", "tables"));
  console.log(`Backup written to ${summary.file}: ${formatBytes(summary.bytes)} in ${summary.seconds.toFixed(1)} s, checked.`);
  console.log(`It holds the database as it was when the backup started: ${describeCounts(summary.counts)}.`);
  console.log(`Restore it with: npm run db:restore -- --from ${summary.file}`);
});
