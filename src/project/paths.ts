/** Where a project keeps its campaigns, looks and cache, and where the generator's own files are. Imports nothing heavy. */
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The generator's code as it runs: src/ through tsx, or dist/ once compiled (with its data files). */
export const CODE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The page routes Eleventy renders (src/site/routes/, copied into dist/ by the compile step). */
export const ROUTES_DIR = path.join(CODE_DIR, "site", "routes");

/** The generator's folder: the one holding src/ or dist/, templates/ and package.json. */
export const GENERATOR_ROOT = path.dirname(CODE_DIR);
/** The templates that ship with the generator (default, benelux). */
export const GENERATOR_TEMPLATES = path.join(GENERATOR_ROOT, "templates");

/**
 * A project's folders: its campaigns, its cache, and its templates/ (which need not exist:
 * templates are looked for there first, then among the generator's; see templates/layers.ts).
 */
export function projectPaths(root: string) {
  return {
    campaignsDir: path.join(root, "campaigns"),
    templatesDir: path.join(root, "templates"),
    cacheDir: path.join(root, ".cache"),
    /** What commands write for people to send on (pack's zips, files for translators); git-ignored. */
    exportsDir: path.join(root, "exports"),
  };
}

/** The generator runs as another project's dependency (from its node_modules), not from its own repository. */
export const INSTALLED = GENERATOR_ROOT.split(path.sep).includes("node_modules");

/**
 * How a person types `campaign <command> <args>` here: the repository's npm scripts
 * (`npm run build -- --campaign x`, `npm start`), or `npx campaign …` in a project that depends
 * on the generator.
 */
export function commandLine(command: string, args = ""): string {
  if (INSTALLED) return `npx campaign ${command}${args ? ` ${args}` : ""}`;
  if (command === "serve") return `npm start${args ? ` -- ${args}` : ""}`;
  return `npm run ${command}${args ? ` -- ${args}` : ""}`;
}
