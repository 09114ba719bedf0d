// npm run db:restore -- --from <backup> [--force] — loads a backup made by npm run db:backup into
// the database in DATABASE_URL. A database that holds anything is only replaced with --force.
// The backup is checked first; nothing is changed when it is not a whole backup of this app.
import { existsSync } from "node:fs";
import { databaseUrl } from "./load-env";
import { progressPrinter, readFlags, runCommand } from "./backup-cli";
import { BackupError, describeCounts } from "../lib/backup/common";
import { postgresTargetRows, restorePostgres } from "../lib/backup/postgresql";
import { checkSqliteFile, restoreSqlite, sqliteTargetRows } from "../lib/backup/sqlite";
import { databaseProvider } from "../lib/database-url";

const USAGE = `Usage: npm run db:restore -- --from <backup file> [--force]
  --from    a file made by npm run db:backup
  --force   replace the database even though it holds data (stop the site first: what it writes meanwhile is lost)`;

const flags = readFlags({ from: { type: "string" }, force: { type: "boolean", default: false } }, USAGE);

await runCommand(async () => {
  if (!flags.from) throw new BackupError(`Name the backup to restore with --from.\n\n${USAGE}`);
  if (!existsSync(flags.from)) throw new BackupError(`There is no file at ${flags.from}. Nothing was changed.`);
  const provider = databaseProvider(databaseUrl);

  if (provider === "sqlite") {
    const target = databaseUrl.replace(/^file:/, "");
    const check = checkSqliteFile(flags.from);
    if (check.problem) throw new BackupError(`Cannot restore: ${check.problem}. Nothing was changed.`);
    await refuseLiveDatabase(target, sqliteTargetRows(target));
    console.error(`Restoring ${flags.from} (${describeCounts(check.counts)}) into ${target}…`);
    const summary = await restoreSqlite(flags.from, target, progressPrinter("Restored", "pages"));
    console.log(`Restored in ${summary.seconds.toFixed(1)} s, checked: ${describeCounts(summary.counts)}.`);
  } else {
    const name = new URL(databaseUrl).pathname.slice(1);
    await refuseLiveDatabase(`PostgreSQL database ${name}`, await postgresTargetRows(databaseUrl));
    console.error(`Restoring ${flags.from} into PostgreSQL database ${name} (one transaction: all of it or nothing)…`);
    const summary = await restorePostgres(databaseUrl, flags.from, progressPrinter("Restored", "tables"));
    console.log(`Restored in ${summary.seconds.toFixed(1)} s: ${describeCounts(summary.counts)}.`);
  }
  console.log("If the backup is older than this version of the site, run npm run db:migrate next.");
});

async function refuseLiveDatabase(target: string, rows: number) {
  if (rows === 0) return;
  if (!flags.force) {
    throw new BackupError(
      `${target} holds ${rows.toLocaleString("en")} rows. Restoring would replace them all, so nothing was changed.\n` +
        "To replace it anyway, stop the site and run the same command with --force.",
    );
  }
  console.error(`Replacing ${target}, which holds ${rows.toLocaleString("en")} rows (--force).`);
}
