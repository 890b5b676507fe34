/**
 * Problems a person can act on: each names the file, the line where there is one, the key path,
 * what was expected and what was found. A CampaignError carries every problem found at once.
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

/** The closest candidate within a small edit distance, for "did you mean …?" hints. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}
