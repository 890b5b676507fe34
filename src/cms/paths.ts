/**
 * Decap CMS addresses the languages of one entry as `<entry>.<lang>.md` in a folder; campaigns
 * keep theirs as `content/<lang>.md`. The local backend translates between the two at its door,
 * so the CMS sees one entry, `content/page.<lang>.md`, with every language, and the files on
 * disk keep the layout every other part of the project reads.
 */

/** The name of the one entry of a campaign's words, as the CMS sees it. */
export const ENTRY = "page";

export interface PathMapper {
  toDisk(value: string): string;
  toCms(value: string): string;
}

/** `folder` is the campaigns folder relative to the backend's root, such as "campaigns". */
export function pathMapper(folder: string): PathMapper {
  const prefix = escapeRegExp(folder === "." ? "" : `${folder}/`);
  const cmsName = new RegExp(`^(${prefix}[a-z0-9][a-z0-9-]*/content)/${ENTRY}\\.([A-Za-z0-9-]+)\\.md$`);
  const diskName = new RegExp(`^(${prefix}[a-z0-9][a-z0-9-]*/content)/([A-Za-z0-9-]+)\\.md$`);
  return {
    toDisk: (value) => value.replace(cmsName, "$1/$2.md"),
    toCms: (value) => value.replace(diskName, `$1/${ENTRY}.$2.md`),
  };
}

/** A copy of a JSON value with every string passed through `map`. */
export function mapStrings<T>(value: T, map: (value: string) => string): T {
  if (typeof value === "string") return map(value) as T;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, map)])) as T;
  }
  return value;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
