/**
 * The output is written in a folder beside it and swapped in with two renames only when
 * everything succeeded: a failed, interrupted or killed build leaves the previous output as it was.
 */
import { rmSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";

export interface Staging {
  dir: string;
  /** Replaces the output with the staged folder. */
  swapIn(): Promise<void>;
  /** Drops the staged folder (after a failure). */
  discard(): Promise<void>;
  /** Stops listening for Ctrl-C; call when done either way. */
  release(): void;
}

/**
 * A fresh staging folder for `outDir`. Ctrl-C or a kill while it exists drops it (after
 * `beforeExit`, which stops what still writes into it) and leaves the output as it was.
 */
export async function stage(outDir: string, beforeExit: () => void = () => {}): Promise<Staging> {
  await removeStaleStaging(outDir);
  const dir = `${outDir}.building-${process.pid}`;
  const interrupted = (signal: NodeJS.Signals) => {
    beforeExit();
    rmSync(dir, { recursive: true, force: true });
    console.error(`\nInterrupted (${signal}): the previous output is unchanged.`);
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  await fs.mkdir(dir, { recursive: true });
  return {
    dir,
    swapIn: () => swapIn(dir, outDir),
    discard: () => fs.rm(dir, { recursive: true, force: true }),
    release: () => {
      process.removeListener("SIGINT", interrupted);
      process.removeListener("SIGTERM", interrupted);
    },
  };
}

/** Replaces outDir with staging in two renames, so the output is never half-written. */
async function swapIn(staging: string, outDir: string): Promise<void> {
  const previous = `${outDir}.previous-${process.pid}`;
  const hadOutput = await exists(outDir);
  if (hadOutput) await fs.rename(outDir, previous);
  try {
    await fs.rename(staging, outDir);
  } catch (error) {
    if (hadOutput) await fs.rename(previous, outDir);
    throw error;
  }
  if (hadOutput) await fs.rm(previous, { recursive: true, force: true });
}

export async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/** Staging folders left by a build that was killed outright (SIGKILL, power loss). */
async function removeStaleStaging(outDir: string): Promise<void> {
  const parent = path.dirname(outDir);
  const prefix = `${path.basename(outDir)}.building-`;
  for (const name of await fs.readdir(parent).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (pid !== process.pid && !isRunning(pid))
      await fs.rm(path.join(parent, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
