/**
 * UI strings: every word a template shows that is not the campaign's own (skip link, safety
 * exit, hotline label…). One JSON file per language in strings/, English is the reference.
 * A regional tag (nl-BE) falls back to its language (nl).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { typeset } from "./typography.ts";

/** The JSON files beside this module: src/i18n/strings/, or their copy in the compiled dist/. */
export const STRINGS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "strings");
export const REFERENCE_LANGUAGE = "en";

export type Tree = { [key: string]: string | Tree };

export interface UiStrings {
  /** The file's language (may be shorter than the tag asked for). */
  language: string;
  reviewed: boolean;
  file: string;
  strings: Tree;
}

const cache = new Map<string, UiStrings | null>();

function readStrings(language: string): UiStrings | null {
  if (cache.has(language)) return cache.get(language) ?? null;
  const file = path.join(STRINGS_DIR, `${language}.json`);
  let result: UiStrings | null = null;
  if (fs.existsSync(file)) {
    const json = JSON.parse(fs.readFileSync(file, "utf8")) as Omit<UiStrings, "file">;
    result = { language: json.language, reviewed: json.reviewed === true, strings: json.strings, file };
  }
  cache.set(language, result);
  return result;
}

/** The UI strings for a tag: the exact tag first, then its language alone. */
export function uiStrings(tag: string): UiStrings | null {
  return readStrings(tag) ?? readStrings(new Intl.Locale(tag).language);
}

export function availableLanguages(): string[] {
  return fs
    .readdirSync(STRINGS_DIR)
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length))
    .sort();
}

/** Flattens to dotted keys; plural groups stay one key (`share.imageCount`). */
export function flatKeys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const full = prefix + key;
    if (typeof value === "string") return [full];
    return isPlural(value) ? [full] : flatKeys(value, `${full}.`);
  });
}

const PLURAL_CATEGORIES = new Set(["zero", "one", "two", "few", "many", "other"]);
function isPlural(tree: Tree): boolean {
  return Object.keys(tree).every((key) => PLURAL_CATEGORIES.has(key));
}

/** Keys English has that the tag's strings lack (all of them when there is no file). */
export function missingKeys(tag: string): string[] {
  const reference = readStrings(REFERENCE_LANGUAGE);
  if (!reference) throw new Error(`Missing reference UI strings ${REFERENCE_LANGUAGE}.json`);
  const wanted = flatKeys(reference.strings);
  const strings = uiStrings(tag);
  if (!strings) return wanted;
  const have = new Set(flatKeys(strings.strings));
  return wanted.filter((key) => !have.has(key));
}

/**
 * A translator bound to one tag: `t("hotline.callLabel", { number })`, and for plural groups
 * `t("share.imageCount", { count: 3 })`. Placeholders are filled as plain text; templates escape.
 */
export function translator(
  tag: string,
  /** The campaign's own wording for this language (campaigns/<slug>/strings/<lang>.json). */
  wording?: Tree,
): (key: string, values?: Record<string, string | number>) => string {
  const strings = uiStrings(tag);
  if (!strings) throw new Error(`No UI strings for language "${tag}"`);
  const plurals = new Intl.PluralRules(tag);
  const find = (tree: Tree | undefined, key: string) => {
    let node: string | Tree | undefined = tree;
    for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
    return node;
  };
  return (key, values = {}) => {
    let node = find(wording, key) ?? find(strings.strings, key);
    if (node !== undefined && typeof node === "object") {
      const count = Number(values.count ?? 0);
      node = node[plurals.select(count)] ?? node.other;
    }
    if (typeof node !== "string") throw new Error(`UI string "${key}" is missing for "${tag}"`);
    return typeset(
      node.replace(/\{(\w+)\}/g, (match, name: string) =>
        name in values ? formatValue(values[name], tag) : match,
      ),
      tag,
    );
  };
}

function formatValue(value: string | number, tag: string): string {
  return typeof value === "number" ? new Intl.NumberFormat(tag).format(value) : value;
}
