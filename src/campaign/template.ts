/**
 * A campaign's `template:` must name a folder of templates/ whose chain of layers resolves
 * (src/layers/lookup.ts). An unknown name is the campaign's mistake and points at its line; a
 * broken template.json is the template's, and points at that file.
 */
import path from "node:path";
import { knownTemplates, resolveLayers } from "../layers/lookup.ts";
import type { Problem } from "../problems/problem.ts";
import { closest } from "../problems/suggest.ts";

export function templateProblems(
  templatesDir: string,
  name: string,
  at: { file: string; line?: number },
): Problem[] {
  const known = knownTemplates(templatesDir);
  if (!known.includes(name)) {
    const near = closest(name, known);
    const folder = path.relative(process.cwd(), templatesDir) || "templates";
    return [
      {
        ...at,
        key: "template",
        message: `unknown template "${name}"; ${near ? `did you mean "${near}"? Expected` : "expected"} a folder of ${folder}/: ${known.join(", ")}`,
      },
    ];
  }
  return resolveLayers(templatesDir, name).problems;
}
