/**
 * A campaign's own wording: `campaigns/<slug>/strings/<lang>.json` changes UI strings for one
 * language of one campaign ("Helpline" → "Hulplijn mensenhandel"). The file holds a part of the
 * shared strings tree; every key must be one English has, with the same {placeholders}.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Problem } from "../problems/problem.ts";
import { closest } from "../problems/suggest.ts";
import { flatKeys, REFERENCE_LANGUAGE, type Tree, uiStrings } from "./strings.ts";

export const WORDING_DIR = "strings";

/** Per language, the strings the campaign changes. */
export type Wording = Record<string, Tree>;

/** Reads a campaign's strings/ folder; problems (file, key, what was expected) go to `problems`. */
export async function loadWording(
  folder: string,
  languages: readonly string[],
  problems: Problem[],
): Promise<Wording> {
  const dir = path.join(folder, WORDING_DIR);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const reference = uiStrings(REFERENCE_LANGUAGE);
  const wording: Wording = {};
  if (!reference) return wording;
  const known = flatKeys(reference.strings);
  for (const name of names.sort()) {
    const file = path.join(dir, name);
    const tag = name.replace(/\.json$/, "");
    if (!name.endsWith(".json")) {
      problems.push({ file, message: `expected only <language>.json files in ${WORDING_DIR}/` });
      continue;
    }
    if (!languages.includes(tag)) {
      problems.push({
        file,
        message: `"${tag}" is not a language of this campaign (${languages.join(", ")}); rename the file or add the language`,
      });
      continue;
    }
    let tree: unknown;
    try {
      tree = JSON.parse(await fs.readFile(file, "utf8"));
    } catch (error) {
      problems.push({
        file,
        message: `not valid JSON (${(error as Error).message}); expected {"section": {"key": "text"}}`,
      });
      continue;
    }
    const checked = checkTree(tree, reference.strings, "", file, known);
    problems.push(...checked);
    if (checked.length === 0) wording[tag] = tree as Tree;
  }
  return wording;
}

function checkTree(tree: unknown, reference: Tree, prefix: string, file: string, known: string[]): Problem[] {
  if (typeof tree !== "object" || tree === null || Array.isArray(tree)) {
    return [{ file, key: prefix.slice(0, -1) || undefined, message: "expected an object of UI strings" }];
  }
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(tree)) {
    const full = `${prefix}${key}`;
    const expected = reference[key];
    if (expected === undefined) {
      const candidates = known.flatMap((item) => [
        item,
        ...(item.startsWith(prefix) ? [item.slice(prefix.length)] : []),
      ]);
      const hint = closest(full, known) ?? closest(key, candidates);
      problems.push({
        file,
        key: full,
        message: `unknown UI string${hint ? `; did you mean "${hint.includes(".") || !prefix ? hint : prefix + hint}"?` : ""} (keys are those of src/i18n/strings/${REFERENCE_LANGUAGE}.json)`,
      });
    } else if (typeof expected === "string") {
      if (typeof value !== "string") {
        problems.push({
          file,
          key: full,
          message: `expected text, found ${Array.isArray(value) ? "a list" : typeof value}`,
        });
        continue;
      }
      const want = placeholders(expected);
      const got = placeholders(value);
      if (want !== got) {
        problems.push({
          file,
          key: full,
          message: `placeholders ${got || "none"} differ from the shared string's ${want || "none"}; keep each of ${want || "none"} exactly once`,
        });
      }
    } else {
      problems.push(...checkTree(value, expected, `${full}.`, file, known));
    }
  }
  return problems;
}

function placeholders(text: string): string {
  return [...text.matchAll(/\{\w+\}/g)]
    .map((found) => found[0])
    .sort()
    .join(" ");
}

/** Dotted keys the campaign changes for one language. */
export function overriddenKeys(wording: Tree | undefined): string[] {
  if (!wording) return [];
  const walk = (tree: Tree, prefix: string): string[] =>
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === "string" ? [`${prefix}${key}`] : walk(value, `${prefix}${key}.`),
    );
  return walk(wording, "");
}
