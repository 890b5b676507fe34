/**
 * `translations`: hand the words to translators as XLIFF 2.0 and take them back.
 *   export <slug> --to <lang> [--from <lang>] [--out <file>]
 *   export-ui --to <lang> [--from <lang>] [--out <file>]
 *   import <file>
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { languageTag } from "../campaign/schema.ts";
import { languageTagMessage } from "../i18n/suggest-codes.ts";
import { CampaignError, formatProblem } from "../problems/problem.ts";
import { projectPaths } from "../project/paths.ts";
import { exportContent, importContent } from "../translations/content.ts";
import { exportUi, importUi } from "../translations/ui.ts";
import { readXliff, writeXliff, XliffError } from "../translations/xliff.ts";

const USAGE = `Usage: npm run translations -- <command>

  export <slug> --to <lang> [--from <lang>] [--out <file>]
                          the campaign's words as XLIFF 2.0 (default: exports/<slug>.<from>-<to>.xlf)
  export-ui --to <lang> [--from <lang>] [--out <file>]
                          the UI strings as XLIFF 2.0 (default: exports/ui.<from>-<to>.xlf)
  import <file>           write the translation back (content/page.<lang>.md or the UI strings)

Options: --campaigns <dir> reads campaigns from another folder.`;

export async function run(argv: string[], context: { root: string }): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  const [command, argument] = positionals;
  const campaignsDir = path.resolve(values.campaigns ?? path.join(context.root, "campaigns"));
  const stringsDir = values.strings ? path.resolve(values.strings) : undefined;
  try {
    if (command === "export" || command === "export-ui") {
      if (command === "export" && !argument) return usage("Expected the campaign: export <slug> --to <lang>");
      if (!values.to) return usage("Expected the target language: --to <lang>");
      for (const [option, tag] of [
        ["--to", values.to],
        ["--from", values.from],
      ]) {
        if (tag !== undefined && !languageTag.safeParse(tag).success) {
          return usage(`${option}: ${languageTagMessage(tag)}`);
        }
      }
      const xliff =
        command === "export"
          ? await exportContent({ campaignsDir, slug: argument, to: values.to, from: values.from })
          : await exportUi({ to: values.to, from: values.from, stringsDir });
      const name = command === "export" ? argument : "ui";
      const out = path.resolve(
        values.out ??
          path.join(projectPaths(context.root).exportsDir, `${name}.${xliff.srcLang}-${xliff.trgLang}.xlf`),
      );
      await fs.mkdir(path.dirname(out), { recursive: true });
      await fs.writeFile(out, writeXliff(xliff));
      const todo = xliff.units.filter((unit) => unit.state === "initial").length;
      console.log(
        `Wrote ${path.relative(process.cwd(), out)}: ${xliff.units.length} units from ${xliff.srcLang} to ${xliff.trgLang}, ${todo} to translate.`,
      );
      return 0;
    }
    if (command === "import") {
      if (!argument) return usage("Expected the XLIFF file: import <file>");
      const file = path.resolve(argument);
      const text = await fs.readFile(file, "utf8").catch(() => undefined);
      if (text === undefined) throw new CampaignError([{ file, message: "file not found" }]);
      let xliff: ReturnType<typeof readXliff>;
      try {
        xliff = readXliff(text);
      } catch (error) {
        if (!(error instanceof XliffError)) throw error;
        throw new CampaignError([
          { file, key: error.unit ? `unit ${error.unit}` : undefined, message: error.message },
        ]);
      }
      const result =
        xliff.kind === "ui"
          ? await importUi(xliff, file, stringsDir)
          : xliff.kind === "content"
            ? await importContent(xliff, file, campaignsDir)
            : undefined;
      if (!result) {
        throw new CampaignError([
          { file, message: `<file id="${xliff.kind}"> is not one this tool exported (content or ui)` },
        ]);
      }
      console.log(
        `Wrote ${path.relative(process.cwd(), result.file)} (${result.reviewed ? "reviewed: every unit final" : "not reviewed: some units are not final"}).`,
      );
      return 0;
    }
    return usage(command ? `Unknown translations command "${command}".` : "Expected a command.");
  } catch (error) {
    if (!(error instanceof CampaignError)) throw error;
    for (const problem of error.problems) console.error(formatProblem(problem));
    console.error("\nNothing was written.");
    return 1;
  }
}

function usage(message: string): number {
  console.error(`${message}\n\n${USAGE}`);
  return 2;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      to: { type: "string" },
      from: { type: "string" },
      out: { type: "string" },
      campaigns: { type: "string" },
      strings: { type: "string" },
    },
  });
}
