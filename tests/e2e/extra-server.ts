// A site of its own for one spec: its own port, database (SQLite, or PostgreSQL on a server the spec
// names) and build folder, derived from the suite's E2E_PORT so it never touches the main server's,
// started by scripts/e2e-server.sh (migrations, content import, a copy of the main build — one
// build serves every server of the run — then the server) with extra environment variables.
//
// It runs under a small watchdog shell, in a process group of its own. stop() asks the watchdog to
// end every process the server started (its process group, plus descendants that left it); the
// watchdog does the same by itself within a second if the Playwright worker that started it dies
// without cleaning up (killed on a timeout, Ctrl-C), so no server outlives the run.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import pg from "pg";
import { E2E_DIST_DIR, E2E_PORT } from "./constants";

/** The main suite's port + 1000 + slot: 3200 → 4200…4209, 3310 → 4310…4319. */
const EXTRA_PORT_OFFSET = 1000;

export interface ExtraServerOptions {
  /** 0–9, one per spec that runs such a server: specs that may run at once need different slots. */
  slot: number;
  env?: Record<string, string>;
  logDir: string;
  /** A PostgreSQL server (the URL of any database on it) to create this site's database on; SQLite without. */
  postgresServerUrl?: string;
  /** Start again on the database and build the last server of this slot left (after crash()). */
  keepData?: boolean;
}

export interface ExtraServer {
  port: number;
  baseURL: string;
  /** The site's own database, for the spec to look into. */
  databaseUrl: string;
  logFile: string;
  /** Resolves once `/` answers; rejects with the end of the log if the server stops or is too slow. */
  ready(timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
  /** SIGKILL to the server process alone, as a crash or the OOM killer would: no clean shutdown. */
  crash(): Promise<void>;
  /** Drops a PostgreSQL database made for this site (SQLite files stay in data/, as the main suite's). */
  removeDatabase(): Promise<void>;
}

async function onPostgres(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const WATCHDOG = `
port="$1"; parent="$2"
# Everything the server started, also what left the process group (next build's type check does).
tree() { local child; for child in $(ps -o pid= --ppid "$1"); do echo "$child"; tree "$child"; done; }
stop() { trap - TERM; kill -TERM $(tree $$) 2>/dev/null; kill -TERM -- -$$ 2>/dev/null; exit 143; }
trap stop TERM
bash scripts/e2e-server.sh "$port" &
server=$!
while kill -0 "$parent" 2>/dev/null; do
  if ! kill -0 "$server" 2>/dev/null; then wait "$server"; exit $?; fi
  sleep 1
done
echo "extra-server: the Playwright worker $parent is gone, stopping the server" >&2
stop
`;

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

function tail(file: string, chars = 4_000): string {
  try {
    return readFileSync(file, "utf8").slice(-chars);
  } catch {
    return "";
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

function groupAlive(child: ChildProcess): boolean {
  try {
    process.kill(-child.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // The group is already gone.
  }
}

/**
 * Starts the extra server (call ready() to wait until it answers `/`). Call stop() in afterAll
 * whatever happened: it is safe on a server that failed to start or already stopped.
 */
export async function launchExtraServer({ slot, env = {}, logDir, postgresServerUrl, keepData = false }: ExtraServerOptions): Promise<ExtraServer> {
  if (!Number.isInteger(slot) || slot < 0 || slot > 9) throw new Error(`slot must be 0 to 9, not ${slot}`);
  const port = E2E_PORT + EXTRA_PORT_OFFSET + slot;
  const baseURL = `http://127.0.0.1:${port}`;
  // Refuse before scripts/e2e-server.sh resets a database that something on this port may be using.
  if (await portInUse(port))
    throw new Error(`Port ${port} (E2E_PORT ${E2E_PORT} + ${EXTRA_PORT_OFFSET + slot}) is already in use; stop what runs there or pick another E2E_PORT.`);

  let databaseUrl = `file:./data/e2e-${port}.db`;
  const postgresName = `helpdesk_e2e_${port}`;
  if (postgresServerUrl) {
    const url = new URL(postgresServerUrl);
    url.pathname = `/${postgresName}`;
    databaseUrl = url.toString();
    if (!keepData) {
      await onPostgres(postgresServerUrl, `DROP DATABASE IF EXISTS "${postgresName}" WITH (FORCE)`);
      await onPostgres(postgresServerUrl, `CREATE DATABASE "${postgresName}"`);
    }
  }

  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `extra-server-${port}.log`);
  const log = openSync(logFile, keepData ? "a" : "w");
  const child = spawn("bash", ["-c", WATCHDOG, "extra-server", String(port), String(process.pid)], {
    detached: true, // its own process group, so stop() reaches npx and the server alike
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXT_DIST_DIR: `.next-e2e-${port}`,
      // The main server's build, made before any test runs.
      E2E_BUILD_FROM: E2E_DIST_DIR,
      ...(keepData ? { E2E_SKIP_SETUP: "1" } : {}),
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
  });
  closeSync(log);
  const running = () => child.exitCode === null && child.signalCode === null;

  const server: ExtraServer = {
    port,
    baseURL,
    databaseUrl,
    logFile,
    async ready(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (!running()) {
          throw new Error(
            `The extra server on port ${port} stopped (${child.exitCode ?? child.signalCode}) before answering. End of ${logFile}:\n${tail(logFile)}`,
          );
        }
        try {
          if ((await fetch(`${baseURL}/`, { signal: AbortSignal.timeout(5_000) })).ok) return;
        } catch {
          // Not listening yet.
        }
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
      throw new Error(`The extra server on port ${port} did not answer within ${timeoutMs / 1000} s. End of ${logFile}:\n${tail(logFile)}`);
    },
    async stop() {
      // The watchdog stops the whole tree on SIGTERM (within a second); without it, the group.
      if (running()) process.kill(child.pid!, "SIGTERM");
      else signalGroup(child, "SIGTERM");
      const deadline = Date.now() + 10_000;
      await Promise.race([exited(child), new Promise((resolve) => setTimeout(resolve, 10_000))]);
      while (groupAlive(child) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      signalGroup(child, "SIGKILL"); // anything in the group still there after 10 s
    },
    async crash() {
      // The watchdog's child: scripts/e2e-server.sh, which exec'd the server.
      const pid = Number(
        execFileSync("ps", ["-o", "pid=", "--ppid", String(child.pid)], { encoding: "utf8" })
          .trim()
          .split(/\s+/)[0],
      );
      if (!pid) throw new Error(`No server process under the watchdog ${child.pid}`);
      process.kill(pid, "SIGKILL");
      // The watchdog leaves as soon as its server is gone.
      await Promise.race([exited(child), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    },
    async removeDatabase() {
      if (postgresServerUrl) await onPostgres(postgresServerUrl, `DROP DATABASE IF EXISTS "${postgresName}" WITH (FORCE)`);
    },
  };
  return server;
}
