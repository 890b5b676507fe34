/**
 * Next year's edition of a campaign: the date moves a year on, the year moves in the address and
 * the folder's name, the words are marked unreviewed, and every remaining mention of the old year
 * in the words is listed so the team can update it.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { isMap, isScalar, isSeq, parseDocument } from "yaml";
import { contentFiles } from "../campaign/content-files.ts";
import { splitFrontMatter } from "../campaign/front-matter.ts";
import { YEAR, type YearMention, yearMentions } from "../campaign/year-mentions.ts";
import { resolveLayers, templateFolder } from "../layers/lookup.ts";

export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

/**
 * The same day in `year` (default: the year after). 29 February becomes 28 February in a year
 * without it.
 */
export function sameDayIn(isoDate: string, year = yearOf(isoDate) + 1): string {
  const [, month, day] = isoDate.split("-").map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(year).padStart(4, "0")}-${pad(month)}-${pad(Math.min(day, last))}`;
}

/** `text` with the year `from` replaced by `to` where it stands as a year (2023 in /2023/, -2023-). */
export function moveYear(text: string, from: number, to: number): string {
  return text.replace(YEAR, (found) => (Number(found) === from ? String(to) : found));
}

/** The slug with its year moved, or undefined when it names no year `from`. */
export function movedSlug(slug: string, from: number, to: number): string | undefined {
  const moved = moveYear(slug, from, to);
  return moved === slug ? undefined : moved;
}

/** The year a slug names that differs from `from` where `from`'s slug has `from`: blue-heart-2025-be. */
export function yearInPlaceOf(slug: string, source: string, from: number): number | undefined {
  const [before, after] = source.split(String(from));
  if (after === undefined || !slug.startsWith(before) || !slug.endsWith(after)) return undefined;
  const middle = slug.slice(before.length, slug.length - after.length);
  return /^(?:19|20)\d{2}$/.test(middle) ? Number(middle) : undefined;
}

/** Sets `reviewed: false` in a content file's front matter (adding it when absent). */
export function markUnreviewed(text: string): string {
  const front = splitFrontMatter(text);
  if (!front) return text;
  const next = /^reviewed:.*$/m.test(front.yaml)
    ? front.yaml.replace(/^reviewed:.*$/m, "reviewed: false")
    : `${front.yaml}\nreviewed: false`;
  return `${front.open}${next}${front.close}${front.body}`;
}

/**
 * Prepares a copied campaign folder as the next edition: date, address, content marked
 * unreviewed. Returns the old year's remaining mentions in the content files.
 */
export async function prepareNextEdition(dir: string, from: number, date: string): Promise<YearMention[]> {
  const to = yearOf(date);
  const settingsFile = path.join(dir, "campaign.yaml");
  const settings = await fs.readFile(settingsFile, "utf8");
  const updated = settings
    .replace(/^date:.*$/m, `date: ${date}`)
    .replace(/^(url:.*)$/m, (line) => moveYear(line, from, to));
  await fs.writeFile(settingsFile, withoutEditionAcceptances(updated));

  const mentions: YearMention[] = [];
  for (const file of await contentFiles(dir)) {
    const text = markUnreviewed(await fs.readFile(file, "utf8"));
    await fs.writeFile(file, text);
    if (to !== from) mentions.push(...yearMentions(text, file, { only: from }));
  }
  return mentions;
}

/**
 * Acceptances that belonged to the old edition only: its date having passed (an archive's), its
 * words left unreviewed. The new edition is checked afresh for them; a year mentioned as history
 * ("year-mention 2016") stays accepted.
 */
export function editionOnly(code: string): boolean {
  return code === "past-date" || code === "unreviewed-strings" || code.startsWith("unreviewed ");
}

/**
 * campaign.yaml with `accepted:` rid of the old edition's acceptances, the rest of the file as it
 * was (comments, order, quoting); the key goes when nothing is left under it.
 */
export function withoutEditionAcceptances(text: string): string {
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (!isMap(doc.contents)) return text;
  const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === "accepted");
  if (!pair || !isSeq(pair.value) || !pair.value.range) return text;
  const codes = pair.value.items.map((item) => (isScalar(item) ? String(item.value) : undefined));
  if (!codes.some((code) => code !== undefined && editionOnly(code))) return text;
  const kept = codes.filter((code): code is string => code !== undefined && !editionOnly(code));
  const lineStart = text.lastIndexOf("\n", (pair.key as { range?: number[] }).range?.[0] ?? 0) + 1;
  const [, , end] = pair.value.range;
  const lineEnd = text.indexOf("\n", end - 1);
  const after = lineEnd === -1 ? "" : text.slice(lineEnd + 1);
  const replacement = kept.length > 0 ? `accepted: ${JSON.stringify(kept).replaceAll('","', '", "')}\n` : "";
  return text.slice(0, lineStart) + replacement + after;
}

/** The starter a new campaign of `template` begins from: found by layers (its own, or its parent's). */
export async function starterFor(templatesDir: string, template: string): Promise<string> {
  // A template whose chain does not resolve is refused before (scaffold.ts); here its own starter
  // or default's is enough.
  const { layers } = resolveLayers(templatesDir, template);
  for (const layer of layers.length > 0 ? layers : [template]) {
    const starter = path.join(templateFolder(templatesDir, layer), "starter");
    if (
      await fs.stat(starter).then(
        (stat) => stat.isDirectory(),
        () => false,
      )
    )
      return starter;
  }
  return path.join(templateFolder(templatesDir, "default"), "starter");
}
