// What npm run db:backup and db:restore share: strict flags, progress on stderr, plain failures.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { BackupError, formatBytes } from "../lib/backup/common";

/** Parses flags; anything unknown or malformed prints the usage and stops (exit 2), changing nothing. */
export function readFlags<T extends NonNullable<ParseArgsConfig["options"]>>(options: T, usage: string) {
  try {
    return parseArgs({ options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
}

/** Progress on one line in a terminal, a line per tenth otherwise (CI logs). */
export function progressPrinter(label: string, unit: "bytes" | "pages" | "tables") {
  let lastTenth = -1;
  return (done: number, total: number) => {
    const share = total > 0 ? done / total : 0;
    const amount = unit === "bytes" ? `${formatBytes(done)} of ${formatBytes(total)}` : `${done} of ${total} ${unit}`;
    const text = `${label}: ${Math.floor(share * 100)}% (${amount})`;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${text}\x1b[K`);
      if (done >= total) process.stderr.write("\n");
    } else if (Math.floor(share * 10) > lastTenth) {
      lastTenth = Math.floor(share * 10);
      console.error(text);
    }
  };
}

/** Runs a command: a BackupError is printed as it is (exit 1), anything else with its stack. */
export async function runCommand(main: () => Promise<void>) {
  try {
    await main();
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}
