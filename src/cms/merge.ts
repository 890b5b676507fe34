/**
 * What the CMS saves, merged into the file as it is: only the values that changed are written,
 * so quoting, line breaks, comments and key order of the rest stay as the team wrote them, and a
 * saved language whose words did not change is left byte for byte.
 */
import { isDeepStrictEqual } from "node:util";
import { type Document, parse, parseDocument } from "yaml";
import { splitFrontMatter } from "../campaign/front-matter.ts";

/** Applies the values of `incoming` YAML onto the `existing` YAML text, value by value. */
export function mergeYaml(existing: string, incoming: string): string {
  const document = parseDocument(existing);
  if (document.errors.length > 0) return incoming;
  const before = (document.toJS() ?? {}) as Record<string, unknown>;
  const after = withoutEmpty((parse(incoming) ?? {}) as Record<string, unknown>);
  if (isDeepStrictEqual(before, after)) return existing;
  if (!isMap(before) || !isMap(after)) return incoming;
  apply(document, [], before, after);
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/**
 * Writes into the document only where `after` differs from `before`, going into maps key by key
 * and into lists of the same length item by item, so a changed name inside one partner leaves
 * the other partners, and the comments between them, as they were.
 */
function apply(document: Document, at: Array<string | number>, before: unknown, after: unknown): void {
  if (isDeepStrictEqual(before, after)) return;
  if (isMap(before) && isMap(after)) {
    for (const key of Object.keys(before)) if (!(key in after)) document.deleteIn([...at, key]);
    for (const [key, value] of Object.entries(after)) apply(document, [...at, key], before[key], value);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    for (const [index, value] of after.entries()) apply(document, [...at, index], before[index], value);
    return;
  }
  document.setIn(at, after);
}

/** Decap writes a cleared optional field as "" and an untouched group as {}: both mean absent. */
function withoutEmpty<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutEmpty) as T;
  if (!isMap(value)) return value;
  const kept = Object.entries(value)
    .map(([key, item]) => [key, withoutEmpty(item)] as const)
    .filter(([, item]) => item !== "" && !(isMap(item) && Object.keys(item).length === 0));
  return Object.fromEntries(kept) as T;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Applies a Markdown file with front matter onto the existing one: changed keys, changed body. */
export function mergeMarkdown(existing: string, incoming: string): string {
  const old = splitFrontMatter(existing);
  const updated = splitFrontMatter(incoming);
  if (!old || !updated) return incoming;
  const frontMatter = mergeYaml(`${old.yaml}\n`, `${updated.yaml}\n`);
  const body = old.body.trim() === updated.body.trim() ? old.body : updated.body;
  // The file's own opening line (with its byte-order mark, if any) stays as it was.
  return `${old.open}${frontMatter.replace(/\n$/, "")}\n---\n${body}`;
}

/** The file to write for `path`, given what is on disk (undefined for a new file). */
export function mergeSaved(path: string, existing: string | undefined, incoming: string): string {
  if (existing === undefined) return incoming;
  if (path.endsWith(".md")) return mergeMarkdown(existing, incoming);
  if (path.endsWith(".yaml") || path.endsWith(".yml")) return mergeYaml(existing, incoming);
  return incoming;
}
