/**
 * Whole processes measured from outside, as the shell sees them: wall time, the peak of the
 * resident memory of the process and all its descendants together (polled from /proc), and the
 * processor time of the tree (through /usr/bin/time when it exists, which counts every child once
 * it has exited; otherwise from the polls).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";

export interface Measured {
  seconds: number;
  /** The largest sum of the tree's resident memory seen, in MB. */
  peakMb: number;
  /** Processor time of the whole tree over wall time, in % of one core. */
  cpuPercent: number;
  stdout: string;
  stderr: string;
  code: number | null;
}

const TIME = "/usr/bin/time";
const PAGE_KB = 4;
const TICKS = 100;

/** Every process's parent, from /proc. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      // The command name is in parentheses and may hold spaces: the fields start after the last ")".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      map.set(Number(name), Number(fields[1]));
    } catch {
      // gone meanwhile
    }
  }
  return map;
}

function tree(root: number): number[] {
  const byParent = new Map<number, number[]>();
  for (const [pid, parent] of parents()) byParent.set(parent, [...(byParent.get(parent) ?? []), pid]);
  const found = [root];
  for (let i = 0; i < found.length; i++) found.push(...(byParent.get(found[i]) ?? []));
  return found;
}

/** Resident kB and processor ticks of one process, or undefined once it is gone. */
function usage(pid: number): { rssKb: number; ticks: number } | undefined {
  try {
    const statm = fs.readFileSync(`/proc/${pid}/statm`, "utf8").split(" ");
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name.
    return { rssKb: Number(statm[1]) * PAGE_KB, ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/** Runs `command args` in `cwd` to its end, polling its tree every `pollMs`. */
export async function measure(
  command: string,
  args: string[],
  cwd: string,
  options: { pollMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<Measured> {
  const timed = fs.existsSync(TIME);
  const started = performance.now();
  const child = timed
    ? spawn(TIME, ["-f", "time: %e %U %S", command, ...args], { cwd, env: options.env ?? process.env })
    : spawn(command, args, { cwd, env: options.env ?? process.env });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  let peakKb = 0;
  const ticks = new Map<number, number>();
  const poll = () => {
    let sum = 0;
    for (const pid of tree(child.pid as number)) {
      const use = usage(pid);
      if (!use) continue;
      // /usr/bin/time itself is not the work measured.
      if (!(timed && pid === child.pid)) sum += use.rssKb;
      ticks.set(pid, use.ticks);
    }
    peakKb = Math.max(peakKb, sum);
  };
  const timer = setInterval(poll, options.pollMs ?? 50);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  let cpuSeconds = [...ticks.values()].reduce((sum, value) => sum + value, 0) / TICKS;
  const reported = /time: ([\d.]+) ([\d.]+) ([\d.]+)\s*$/.exec(stderr);
  if (reported) {
    cpuSeconds = Number(reported[2]) + Number(reported[3]);
    stderr = stderr.slice(0, reported.index);
  }
  return { seconds, peakMb: peakKb / 1024, cpuPercent: (100 * cpuSeconds) / seconds, stdout, stderr, code };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The machine's load average over the last minute, to say how quiet a run was. */
export function loadAverage(): number {
  return Number(fs.readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
}
