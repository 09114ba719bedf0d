// CPU and memory of the whole machine and of process trees (Linux: /proc and ps).
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

// ---------------------------------------------------------------------------------------------
// CPU, from /proc

/** Busy CPU seconds of the whole machine so far, from /proc/stat. */
export function machineBusySeconds(): number | null {
  try {
    const cols = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cols;
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) of a process and all its descendants, living or reaped, from /proc. */
export function treeCpuSeconds(rootPid: number): number | null {
  const ticks = 100; // USER_HZ on Linux
  const stats = new Map<number, { ppid: number; cpu: number }>();
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  for (const name of entries) {
    try {
      const text = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      // fields[0] is state (field 3); ppid is field 4, utime 14, stime 15, and cutime 16, cstime 17:
      // the CPU of children already reaped (Chromium's short-lived renderers, build workers).
      const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
      stats.set(Number(name), { ppid: Number(fields[1]), cpu: (utime! + stime! + cutime! + cstime!) / ticks });
    } catch {
      // exited meanwhile
    }
  }
  if (!stats.has(rootPid)) return null;
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    total += stats.get(pid)?.cpu ?? 0;
    for (const [child, info] of stats) if (info.ppid === pid) stack.push(child);
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// Memory, by polling ps

interface PsRow {
  pid: number;
  ppid: number;
  rssKb: number;
}

async function psTable(): Promise<PsRow[]> {
  const { stdout } = await execFileAsync("ps", ["-e", "-o", "pid=,ppid=,rss="]);
  return stdout
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter((cols) => cols.length === 3 && cols.every(Number.isFinite))
    .map(([pid, ppid, rssKb]) => ({ pid: pid!, ppid: ppid!, rssKb: rssKb! }));
}

/** Sum and max RSS of a process and all its descendants. */
async function treeRss(rootPid: number): Promise<{ sumKb: number; maxKb: number }> {
  const rows = await psTable();
  const children = new Map<number, PsRow[]>();
  for (const row of rows) children.set(row.ppid, [...(children.get(row.ppid) ?? []), row]);
  let sumKb = 0;
  let maxKb = 0;
  const root = rows.find((row) => row.pid === rootPid);
  const stack = root ? [root] : [];
  while (stack.length) {
    const row = stack.pop()!;
    sumKb += row.rssKb;
    maxKb = Math.max(maxKb, row.rssKb);
    stack.push(...(children.get(row.pid) ?? []));
  }
  return { sumKb, maxKb };
}

/** Polls the tree's RSS until stop(), which returns the peaks: of the sum and of the largest process. */
export function pollTreeRss(rootPid: number, everyMs = 250) {
  let peakSumKb = 0;
  let peakMaxKb = 0;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    treeRss(rootPid)
      .then(({ sumKb, maxKb }) => {
        peakSumKb = Math.max(peakSumKb, sumKb);
        peakMaxKb = Math.max(peakMaxKb, maxKb);
      })
      .catch(() => {})
      .finally(() => (busy = false));
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return { peakSumKb, peakMaxKb };
    },
  };
}
