// A PostgreSQL server of the spec's own, which it may stop and start again: the shared server (the
// one TEST_POSTGRES_URL names) must never be stopped under other people's tests. It is made with
// the installed server's initdb and pg_ctl (Debian: /usr/lib/postgresql/<version>/bin), in
// /tmp/helpdesk-e2e-pg-<port>, run as the postgres user when we are root, with trust
// authentication on 127.0.0.1 only. A server left behind by a run that died is stopped and
// replaced by the next run on the same port.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, chownSync } from "node:fs";
import path from "node:path";

export interface PrivatePostgres {
  /** A URL of its `postgres` database, for creating others. */
  url: string;
  stop(): void;
  start(): void;
  destroy(): void;
}

function findBinaries(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

/** Why a private server cannot be made here, or null when it can. */
export function privatePostgresUnavailable(): string | null {
  if (!findBinaries()) return "PostgreSQL's server programs are not installed (apt-get install postgresql)";
  if (process.getuid?.() === 0) {
    try {
      execFileSync("id", ["postgres"], { stdio: "ignore" });
    } catch {
      return "running as root, but there is no postgres user to run the server as";
    }
  }
  return null;
}

export function startPrivatePostgres(port: number): PrivatePostgres {
  const bin = findBinaries();
  if (!bin) throw new Error(privatePostgresUnavailable() ?? "no PostgreSQL");
  const dir = `/tmp/helpdesk-e2e-pg-${port}`;
  const data = path.join(dir, "data");
  const asServerUser = process.getuid?.() === 0;
  const run = (program: string, args: string[]) => {
    const [command, all] = asServerUser ? ["runuser", ["-u", "postgres", "--", path.join(bin, program), ...args]] : [path.join(bin, program), args];
    return execFileSync(command, all, { stdio: "pipe", encoding: "utf8" });
  };
  const pgCtl = (...args: string[]) => run("pg_ctl", ["-D", data, "-w", "-t", "60", ...args]);

  if (existsSync(data)) {
    try {
      pgCtl("stop", "-m", "immediate");
    } catch {
      // not running
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (asServerUser) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  run("initdb", ["-D", data, "-A", "trust", "-U", "helpdesk", "--no-sync"]);
  const start = () => pgCtl("start", "-l", path.join(dir, "server.log"), "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`);
  start();
  return {
    url: `postgresql://helpdesk@127.0.0.1:${port}/postgres`,
    stop: () => void pgCtl("stop", "-m", "fast"),
    start: () => void start(),
    destroy() {
      try {
        pgCtl("stop", "-m", "immediate");
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
