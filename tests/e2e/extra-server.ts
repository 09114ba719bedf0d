// A second site for one spec: its own port, SQLite database and build folder, derived from the
// suite's E2E_PORT so it never touches the main server's, started by scripts/e2e-server.sh
// (migrations, content import, production build, the server) with extra environment variables.
//
// It runs under a small watchdog shell, in a process group of its own. stop() asks the watchdog to
// end every process the server started (its process group, plus descendants that left it); the
// watchdog does the same by itself within a second if the Playwright worker that started it dies
// without cleaning up (killed on a timeout, Ctrl-C), so no server outlives the run.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { E2E_PORT } from "./constants";

/** The main suite's port + 1000: 3200 → 4200, 3310 → 4310. */
export const EXTRA_PORT_OFFSET = 1000;

export interface ExtraServer {
  port: number;
  baseURL: string;
  logFile: string;
  /** Resolves once `/` answers; rejects with the end of the log if the server stops or is too slow. */
  ready(timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
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
export async function launchExtraServer({ env, logDir }: { env: Record<string, string>; logDir: string }): Promise<ExtraServer> {
  const port = E2E_PORT + EXTRA_PORT_OFFSET;
  const baseURL = `http://127.0.0.1:${port}`;
  // Refuse before scripts/e2e-server.sh resets a database that something on this port may be using.
  if (await portInUse(port)) throw new Error(`Port ${port} (E2E_PORT ${E2E_PORT} + ${EXTRA_PORT_OFFSET}) is already in use; stop what runs there or pick another E2E_PORT.`);

  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `extra-server-${port}.log`);
  const log = openSync(logFile, "w");
  const child = spawn("bash", ["-c", WATCHDOG, "extra-server", String(port), String(process.pid)], {
    detached: true, // its own process group, so stop() reaches npx, next build and the server alike
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      DATABASE_URL: `file:./data/e2e-${port}.db`,
      NEXT_DIST_DIR: `.next-e2e-${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
  });
  closeSync(log);
  const running = () => child.exitCode === null && child.signalCode === null;

  const server: ExtraServer = {
    port,
    baseURL,
    logFile,
    async ready(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (!running()) {
          throw new Error(`The extra server on port ${port} stopped (${child.exitCode ?? child.signalCode}) before answering. End of ${logFile}:\n${tail(logFile)}`);
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
  };
  return server;
}
