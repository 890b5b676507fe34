/**
 * What every command shares: the project's folders, printing warnings, and turning an error into
 * the lines a person reads and an exit code. Light on purpose: `--help` loads nothing heavier.
 */
import path from "node:path";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { CampaignError, formatProblem, type Problem } from "../problems/problem.ts";
import { projectPaths } from "../project/paths.ts";

export interface CommandContext {
  /** Project root holding campaigns/, templates/ and .cache/. */
  root: string;
}

/** A mistake on the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** Options every command accepts, besides its own. */
export const COMMON_OPTIONS = {
  campaigns: { type: "string" },
  debug: { type: "boolean" },
} as const satisfies ParseArgsConfig["options"];

/** parseArgs with the common options; a wrong option becomes a UsageError. */
export function parseOptions<O extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: { ...COMMON_OPTIONS, ...options } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function campaignsDirOf(root: string, campaigns: string | undefined): string {
  return path.resolve(campaigns ?? projectPaths(root).campaignsDir);
}

export function printWarnings(warnings: Problem[]): void {
  for (const warning of warnings) console.warn(`warning: ${formatProblem(warning)}`);
}

/** Prints what went wrong (problems one a line, no stack trace unless --debug); returns the exit code. */
export function report(error: unknown, debug: boolean): number {
  if (error instanceof CampaignError) {
    for (const problem of error.problems) console.error(formatProblem(problem));
    const count = error.problems.length;
    console.error(`\n${count} problem${count === 1 ? "" : "s"} found; nothing was built.`);
  } else if (error instanceof UsageError) {
    console.error(error.message);
    return 2;
  } else if (error instanceof Error && (error.name === "ScaffoldError" || error.name === "PortInUse")) {
    console.error(error.message);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Build failed: ${message}`);
    if (!debug) console.error("Run again with --debug for details.");
  }
  if (debug && error instanceof Error) console.error(error.stack);
  return 1;
}

/** Runs a command body, reporting its errors the same way for every command. */
export async function guarded(argv: string[], body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    return report(error, argv.includes("--debug"));
  }
}
