// Running one command from the project root: timed, its process tree's peak memory polled, its
// output kept for the error message.
import { spawn } from "node:child_process";
import path from "node:path";
import { projectRoot } from "./paths";
import { pollTreeRss } from "./process";

export interface RunResult {
  ms: number;
  output: string;
  peak: { peakSumKb: number; peakMaxKb: number };
}

export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv, { echo = false } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: projectRoot, env, stdio: ["ignore", "pipe", "pipe"] });
    const poll = pollTreeRss(child.pid!);
    let output = "";
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 200_000) output = output.slice(-100_000);
      if (echo) process.stderr.write(chunk);
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    child.on("error", (error) => {
      poll.stop();
      reject(error);
    });
    child.on("close", (code, signal) => {
      const ms = performance.now() - started;
      const peak = poll.stop();
      if (code === 0) resolve({ ms, output, peak });
      else reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (${signal ?? `exit ${code}`}):\n${output.slice(-4000)}`));
    });
  });
}
