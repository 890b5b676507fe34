/**
 * Problems a person can act on: each names the file, the line where there is one, the key path,
 * what was expected and what was found. A CampaignError carries every problem found at once.
 * At the bottom of the source tree: every room may use it, it uses none.
 */
import path from "node:path";

export interface Problem {
  /** The file at fault, as given (the CLI prints it relative to the working directory). */
  file: string;
  line?: number;
  /** Key path such as `theme.text` or `hotlines[0].number`. */
  key?: string;
  message: string;
}

export class CampaignError extends Error {
  override name = "CampaignError";
  readonly problems: Problem[];

  constructor(problems: Problem[], options?: ErrorOptions) {
    super(problems.map((problem) => formatProblem(problem)).join("\n"), options);
    this.problems = problems;
  }
}

/** `campaigns/x/campaign.yaml:7 theme.text: contrast … ` */
export function formatProblem(problem: Problem, cwd = process.cwd()): string {
  const file = path.isAbsolute(problem.file) ? path.relative(cwd, problem.file) : problem.file;
  const where = problem.line ? `${file}:${problem.line}` : file;
  return problem.key ? `${where} ${problem.key}: ${problem.message}` : `${where}: ${problem.message}`;
}

/** Joins a zod-style path into `hotlines[0].number`. */
export function keyPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((segment, index) =>
      typeof segment === "number" ? `[${segment}]` : `${index === 0 ? "" : "."}${String(segment)}`,
    )
    .join("");
}
