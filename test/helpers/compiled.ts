/**
 * The compiled command line (dist/cli.js), run as a person runs it: a separate Node process in
 * a project folder. `npm test` compiles before the suites run; a dist/ older than src/ fails
 * here rather than testing stale code.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import * as assert from "uvu/assert";
import { ROOT } from "./fixtures.ts";

export const CLI = path.join(ROOT, "dist/cli.js");

/** Fails when dist/ is missing or older than a file of src/. */
export function assertCompiled(): void {
  const built = fs.statSync(CLI, { throwIfNoEntry: false });
  assert.ok(built, "dist/cli.js is missing: run npm run compile");
  const src = path.join(ROOT, "src");
  for (const file of fs.readdirSync(src, { recursive: true, encoding: "utf8" })) {
    const stat = fs.statSync(path.join(src, file));
    if (stat.isFile() && stat.mtimeMs > (built as fs.Stats).mtimeMs + 1000) {
      assert.unreachable(`src/${file} is newer than dist/: run npm run compile`);
    }
  }
}

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `campaign <args>` to its end in `cwd`. */
export async function runCompiled(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Result> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

export interface LongRunning {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  output(): string;
  /** The first match of `pattern` in the output, waiting for it. */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpExecArray>;
  stop(): Promise<void>;
}

/** Starts `campaign <args>` in `cwd` and leaves it running (a server). */
export function startCompiled(args: string[], cwd: string): LongRunning {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  return {
    child,
    output: () => output,
    async waitFor(pattern, ms = 120_000) {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        const match = pattern.exec(output);
        if (match) return match;
        if (child.exitCode !== null) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return assert.unreachable(`no ${pattern} within ${ms / 1000} s; it printed:\n${output}`) as never;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
