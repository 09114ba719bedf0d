// Loopback TCP ports: which process listens on one, and finding a free one.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import net from "node:net";

/** The pid listening on a loopback TCP port, from /proc/net/tcp{,6} and /proc/<pid>/fd. */
export function pidListeningOn(port: number): number | null {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    try {
      for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
        const cols = line.trim().split(/\s+/);
        if (cols.length < 10) continue;
        const localPort = parseInt(cols[1]!.split(":")[1]!, 16);
        if (localPort === port && cols[3] === "0A") inodes.add(cols[9]!);
      }
    } catch {
      // no such table
    }
  }
  if (inodes.size === 0) return null;
  for (const name of readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
    try {
      for (const fd of readdirSync(`/proc/${name}/fd`)) {
        let link = "";
        try {
          link = readlinkSync(`/proc/${name}/fd/${fd}`);
        } catch {
          // closed meanwhile
        }
        const match = link.match(/^socket:\[(\d+)\]$/);
        if (match && inodes.has(match[1]!)) return Number(name);
      }
    } catch {
      // not ours to read, or gone
    }
  }
  return null;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function freePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port++) if (await portIsFree(port)) return port;
  throw new Error(`No free port in ${from}–${to}.`);
}
