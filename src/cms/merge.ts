/**
 * What the CMS saves, merged into the file as it is: only the values that changed are written,
 * so quoting, line breaks, comments and key order of the rest stay as the team wrote them, and a
 * saved language whose words did not change is left byte for byte.
 */
import { isDeepStrictEqual } from "node:util";
import { parse, parseDocument } from "yaml";

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** Applies the values of `incoming` YAML onto the `existing` YAML text, key by key. */
export function mergeYaml(existing: string, incoming: string): string {
  const document = parseDocument(existing);
  if (document.errors.length > 0) return incoming;
  const before = (document.toJS() ?? {}) as Record<string, unknown>;
  const after = (parse(incoming) ?? {}) as Record<string, unknown>;
  if (isDeepStrictEqual(before, after)) return existing;
  for (const key of Object.keys(before)) if (!(key in after)) document.delete(key);
  for (const [key, value] of Object.entries(after)) {
    if (!isDeepStrictEqual(before[key], value)) document.set(key, value);
  }
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Applies a Markdown file with front matter onto the existing one: changed keys, changed body. */
export function mergeMarkdown(existing: string, incoming: string): string {
  const old = FRONT_MATTER.exec(existing);
  const updated = FRONT_MATTER.exec(incoming);
  if (!old || !updated) return incoming;
  const oldBody = existing.slice(old[0].length);
  const newBody = incoming.slice(updated[0].length);
  const frontMatter = mergeYaml(`${old[1]}\n`, `${updated[1]}\n`);
  const body = oldBody.trim() === newBody.trim() ? oldBody : newBody;
  const merged = `---\n${frontMatter.replace(/\n$/, "")}\n---\n${body}`;
  return merged;
}

/** The file to write for `path`, given what is on disk (undefined for a new file). */
export function mergeSaved(path: string, existing: string | undefined, incoming: string): string {
  if (existing === undefined) return incoming;
  if (path.endsWith(".md")) return mergeMarkdown(existing, incoming);
  if (path.endsWith(".yaml") || path.endsWith(".yml")) return mergeYaml(existing, incoming);
  return incoming;
}
