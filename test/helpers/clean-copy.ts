/**
 * A copy of the project as a clone would hold it, and commands run in it as a person types them:
 * the files git tracks (as they are in the working tree) plus new files it does not ignore,
 * made a git repository so that .gitignore applies. Used by the suites that follow the README's
 * and the guide's commands, and by the guide's screenshot script.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import * as assert from "uvu/assert";
import type { Result } from "./compiled.ts";
import { ROOT } from "./fixtures.ts";

const run = promisify(execFile);

export interface CopyOptions {
  /**
   * Reuse this checkout's install instead of running `npm ci` in the copy: node_modules/ is
   * linked and the compiled dist/ copied (both are ignored by git, so a clone has neither).
   */
  reuseInstall?: boolean;
}

/** Copies the project into `<parent>/<name>` and returns that folder. */
export async function cleanCopy(parent: string, name: string, options: CopyOptions = {}): Promise<string> {
  const copy = path.join(parent, name);
  const { stdout } = await run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const file of stdout.split("\0").filter(Boolean)) {
    const from = path.join(ROOT, file);
    // A file deleted in the working tree but not yet in git's index is not in the copy.
    if (!(await fs.stat(from).catch(() => undefined))?.isFile()) continue;
    await fs.mkdir(path.dirname(path.join(copy, file)), { recursive: true });
    await fs.copyFile(from, path.join(copy, file));
  }
  await run("git", ["init", "--quiet"], { cwd: copy });
  if (options.reuseInstall) {
    await fs.symlink(
      await fs.realpath(path.join(ROOT, "node_modules")),
      path.join(copy, "node_modules"),
      "dir",
    );
    await fs.cp(path.join(ROOT, "dist"), path.join(copy, "dist"), { recursive: true });
  }
  return copy;
}

/** Runs a command (`["npm", "run", …]`) in `cwd` to its end; a failure is a result, not a throw. */
export async function runIn(cwd: string, argv: string[]): Promise<Result> {
  const [command, ...args] = argv;
  try {
    const { stdout, stderr } = await run(command, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as Result;
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

/**
 * Runs a command to its end as a terminal window shows it: what it prints on stdout and stderr
 * in one, in the order it printed it.
 */
export async function runInTerminal(cwd: string, argv: string[]): Promise<{ code: number; output: string }> {
  const [command, ...args] = argv;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "campaign-terminal-"));
  const file = path.join(dir, "output");
  const handle = await fs.open(file, "w");
  try {
    const child = spawn(command, args, { cwd, stdio: ["ignore", handle.fd, handle.fd] });
    const code = await new Promise<number>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", (exit) => resolve(exit ?? 1));
    });
    return { code, output: await fs.readFile(file, "utf8") };
  } finally {
    await handle.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export function succeeded(result: Result, what: string): Result {
  assert.is(result.code, 0, `${what} failed:\n${result.stdout}\n${result.stderr}`);
  return result;
}

export interface Started {
  match: RegExpExecArray;
  output(): string;
  /** Stops it as Ctrl+C in its terminal window would: SIGINT to npm and what it started. */
  stop(): Promise<void>;
}

/** A command left running (a server); resolves once `ready` appears in its output. */
export async function startIn(cwd: string, argv: string[], ready: RegExp, ms = 120_000): Promise<Started> {
  const [command, ...args] = argv;
  const child: ChildProcess = spawn(command, args, {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
    // npm and the command it starts are one process group, as in a terminal window.
    detached: true,
  });
  let output = "";
  let closed = false;
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on("data", (chunk) => {
      output += chunk;
    });
  }
  // Everything it printed has been read once its output streams close.
  child.once("close", () => {
    closed = true;
  });
  const deadline = Date.now() + ms;
  let match = ready.exec(output);
  while (!match && !closed && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    match = ready.exec(output);
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-(child.pid as number), "SIGINT");
    await exited;
    // npm may leave before the command it started has closed: wait for the whole group.
    while (groupAlive(child.pid as number)) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  if (!match) {
    await stop();
    assert.unreachable(`${argv.join(" ")} did not print ${ready}:\n${output}`);
  }
  return { match: match as RegExpExecArray, output: () => output, stop };
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
