/**
 * The UI strings of src/i18n/strings/ out to XLIFF and back: one unit per string, its key as
 * the unit id, placeholders such as {name} protected, the file's reviewed flag carried as the
 * segment state (final when reviewed).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { languageTag } from "../campaign/schema.ts";
import { REFERENCE_LANGUAGE, STRINGS_DIR } from "../i18n/strings.ts";
import { CampaignError, type Problem } from "../problems/problem.ts";
import { protectedProblems } from "./protected.ts";
import { type Run, runsToMarkdown } from "./segments.ts";
import { numbered, type Unit, type XliffFile } from "./xliff.ts";

type Tree = { [key: string]: string | Tree };
interface StringsFile {
  language: string;
  reviewed: boolean;
  reviewNote?: string;
  strings: Tree;
  [key: string]: unknown;
}

async function readStringsFile(file: string): Promise<StringsFile | undefined> {
  const text = await fs.readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as StringsFile;
  } catch (error) {
    throw new CampaignError([{ file, message: `not valid JSON: ${(error as Error).message}` }]);
  }
}

/** Every string of a tree with its dotted key, in the file's order. */
export function flatten(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[`${prefix}${key}`, value] as [string, string]]
      : flatten(value, `${prefix}${key}.`),
  );
}

/** CLDR plural categories: a language keeps only those it uses beside "other". */
const PLURAL_FORMS = new Set(["zero", "one", "two", "few", "many"]);

/** Every key of `tree` in its order (plural forms a language has beyond English included), then
 * the reference's keys it lacks. */
export function merged(tree: Tree, reference: Tree): Tree {
  const keys = [
    ...Object.keys(tree),
    ...Object.keys(reference).filter((key) => !(key in tree) && !(PLURAL_FORMS.has(key) && "other" in tree)),
  ];
  return Object.fromEntries(
    keys.map((key) => {
      const mine = tree[key];
      const theirs = reference[key];
      if (typeof mine === "object" || typeof theirs === "object") {
        return [key, merged(typeof mine === "object" ? mine : {}, typeof theirs === "object" ? theirs : {})];
      }
      return [key, mine ?? theirs];
    }),
  );
}

/** The source text of a key: the source's own, or for a plural form English lacks, its "other". */
function sourceText(source: Tree, key: string): string | undefined {
  const parts = key.split(".");
  let node: string | Tree | undefined = source;
  for (const part of parts.slice(0, -1)) node = typeof node === "object" ? node[part] : undefined;
  if (typeof node !== "object") return undefined;
  const own = node[parts.at(-1) as string];
  if (typeof own === "string") return own;
  return typeof node.other === "string" ? node.other : undefined;
}

/** `{name}` placeholders become inline elements the translator cannot change. */
export function placeholderRuns(text: string): Run[] {
  const runs: Run[] = [];
  let last = 0;
  for (const found of text.matchAll(/\{[A-Za-z0-9_]+\}/g)) {
    if (found.index > last) runs.push({ kind: "text", text: text.slice(last, found.index) });
    runs.push({ kind: "ph", data: found[0], what: `placeholder ${found[0]}`, deletable: false });
    last = found.index + found[0].length;
  }
  if (last < text.length) runs.push({ kind: "text", text: text.slice(last) });
  return runs;
}

export async function exportUi(options: {
  to: string;
  from?: string;
  stringsDir?: string;
}): Promise<XliffFile> {
  const dir = options.stringsDir ?? STRINGS_DIR;
  const from = options.from ?? REFERENCE_LANGUAGE;
  const sourceFile = path.join(dir, `${from}.json`);
  const source = await readStringsFile(sourceFile);
  if (!source)
    throw new CampaignError([{ file: sourceFile, message: "file not found; nothing to translate from" }]);
  const target = await readStringsFile(path.join(dir, `${options.to}.json`));
  const current = new Map(target ? flatten(target.strings) : []);
  const keys = flatten(merged(target?.strings ?? {}, source.strings)).filter(
    ([key]) => sourceText(source.strings, key) !== undefined,
  );
  const units: Unit[] = keys.map(([key]) => {
    const existing = current.get(key);
    const value = sourceText(source.strings, key) as string;
    const plural = !flatten(source.strings).some(([sourceKey]) => sourceKey === key);
    return {
      id: key,
      notes: [
        {
          category: "context",
          text: `UI string ${key}: shown on every page of every campaign.${plural ? ' A plural form this language has and the source has not; the source shows its "other" form.' : ""}`,
        },
      ],
      source: placeholderRuns(value),
      target: existing === undefined ? undefined : placeholderRuns(existing),
      state: existing === undefined ? "initial" : target?.reviewed ? "final" : "translated",
    };
  });
  const skeleton: StringsFile = target ?? {
    language: options.to,
    reviewed: false,
    reviewNote: "Translation, not yet checked by a fluent speaker.",
    strings: source.strings,
  };
  return {
    srcLang: from,
    trgLang: options.to,
    kind: "ui",
    original: "strings",
    skeleton: JSON.stringify(skeleton),
    units,
  };
}

export async function importUi(
  xliff: XliffFile,
  xliffPath: string,
  stringsDir?: string,
): Promise<{ file: string; reviewed: boolean }> {
  const dir = stringsDir ?? STRINGS_DIR;
  const reference = await readStringsFile(path.join(dir, `${REFERENCE_LANGUAGE}.json`));
  const problems: Problem[] = [];
  const problem = (message: string, unit?: string) =>
    problems.push({ file: xliffPath, key: unit ? `unit ${unit}` : undefined, message });
  let skeleton: StringsFile;
  try {
    skeleton = JSON.parse(xliff.skeleton) as StringsFile;
    if (typeof skeleton !== "object" || skeleton === null || Array.isArray(skeleton))
      throw new Error("not an object");
  } catch {
    throw new CampaignError([
      {
        file: xliffPath,
        message: "the <skeleton> is missing or changed; export the file again and keep its skeleton",
      },
    ]);
  }
  // The language tags name the files read and written.
  for (const [name, tag] of [
    ["srcLang", xliff.srcLang],
    ["trgLang", xliff.trgLang],
  ]) {
    if (!languageTag.safeParse(tag).success)
      problem(`${name} "${tag}" is not a language tag; export the file again`);
  }
  if (problems.length > 0) throw new CampaignError(problems);
  // Placeholders are checked against the source strings file as it is now, not the XLIFF file's
  // own <originalData>, which can be edited.
  const sourceFile = path.join(dir, `${xliff.srcLang}.json`);
  const source = await readStringsFile(sourceFile);
  if (!source) {
    throw new CampaignError([
      { file: xliffPath, message: `srcLang "${xliff.srcLang}" has no strings file (${sourceFile})` },
    ]);
  }
  const units = new Map(xliff.units.map((unit) => [unit.id, unit]));
  const shape = merged(skeleton.strings ?? {}, reference?.strings ?? {});
  const keys = flatten(shape).map(([key]) => key);
  const missing = keys.filter((key) => !units.has(key));
  if (missing.length > 0) problem(`units missing: ${missing.join(", ")}; every UI string must come back`);
  const untranslated = keys.filter((key) => {
    const unit = units.get(key);
    return unit && (!unit.target || runsToMarkdown(unit.target).trim() === "" || unit.state === "initial");
  });
  if (untranslated.length > 0) problem(`units not translated: ${untranslated.join(", ")}`);
  for (const key of keys) {
    const unit = units.get(key);
    if (!unit?.target || untranslated.includes(key)) continue;
    const sourceRuns = numbered(placeholderRuns(sourceText(source.strings, key) ?? ""));
    const target = unit.target;
    const placeholdersChanged = () =>
      `placeholders changed: the source has ${placeholders(sourceRuns) || "none"}, the translation ${placeholders(target) || "none"}; keep every {placeholder} exactly once`;
    for (const message of protectedProblems(sourceRuns, target, placeholdersChanged)) problem(message, key);
    if (/<\/?[a-z][^>]*>/i.test(runsToMarkdown(unit.target)))
      problem("raw HTML is not allowed in UI strings", key);
  }
  if (problems.length > 0) throw new CampaignError(problems);
  const reviewed = keys.every((key) => units.get(key)?.state === "final");
  const fill = (tree: Tree, prefix: string): Tree =>
    Object.fromEntries(
      Object.entries(tree).map(([key, value]) => [
        key,
        typeof value === "string"
          ? runsToMarkdown(units.get(`${prefix}${key}`)?.target ?? [])
          : fill(value, `${prefix}${key}.`),
      ]),
    );
  const strings = fill(shape, "");
  const result = { ...skeleton, language: skeleton.language ?? xliff.trgLang, reviewed, strings };
  const file = path.join(dir, `${xliff.trgLang}.json`);
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, `${JSON.stringify(result, null, 2)}\n`);
  await fs.rename(temporary, file);
  return { file, reviewed };
}

function placeholders(runs: Run[]): string {
  return runs.flatMap((run) => (run.kind === "ph" ? [run.data] : [])).join(" ");
}
