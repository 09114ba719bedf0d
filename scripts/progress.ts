// Progress for long command-line jobs (content import and export, the benchmark corpus): a bar on
// one line of the terminal, redrawn at most ten times a second, and cleared when the job ends so
// that its summary line takes its place. When the output is not a terminal (CI, a log file, a
// pipe) nothing is drawn: the logs get the summary line alone.
import type { Writable } from "node:stream";

export interface Progress {
  /** `done` of the total so far (a new total may come with it, once it is known). */
  update(done: number, total?: number): void;
  /** Clears the bar; returns the seconds since the job started, for the summary line. */
  finish(): number;
}

type Output = Pick<Writable, "write"> & { isTTY?: boolean; columns?: number };

const REDRAW_MS = 100;
const BAR_WIDTH = 24;

export function startProgress(
  label: string,
  total: number,
  { unit = "articles", stream = process.stderr as Output, now = () => performance.now() } = {},
): Progress {
  const started = now();
  const drawing = stream.isTTY === true;
  let lastDraw = -Infinity;
  let drawn = false;
  let count = total;
  return {
    update(done, newTotal) {
      if (newTotal !== undefined) count = newTotal;
      if (!drawing) return;
      const at = now();
      if (at - lastDraw < REDRAW_MS && done < count) return;
      lastDraw = at;
      drawn = true;
      stream.write(`\r${progressLine(label, done, count, unit, at - started, stream.columns)}\x1b[K`);
    },
    finish() {
      if (drawn) stream.write("\r\x1b[K");
      drawn = false;
      return (now() - started) / 1000;
    },
  };
}

/** `Importing [██████░░░░░░] 50% 5,000/10,000 articles · 3.2 s`, cut to the terminal's width. */
export function progressLine(label: string, done: number, total: number, unit: string, elapsedMs: number, columns = 80): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * BAR_WIDTH);
  const bar = `${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}`;
  const line = `${label} ${bar} ${String(Math.floor(share * 100)).padStart(3)}% ${formatCount(done)}/${formatCount(total)} ${unit} · ${formatSeconds(elapsedMs / 1000)}`;
  return line.length > columns - 1 ? line.slice(0, Math.max(0, columns - 1)) : line;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** `0.4 s`, `12 s`, `3 min 05 s`. */
export function formatSeconds(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, "0")} s`;
}
