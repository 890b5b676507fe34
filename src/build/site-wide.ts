/**
 * The files at the top of the site, assembled from every campaign's result: the index of every
 * campaign with its fonts, the sitemap index and robots.txt (rendered from the campaigns' index
 * entries, newest first) and the site's "page not found" (the newest campaign's own, copied). A
 * build writes them once its batches are done, and `build --merge` from the shards' records, so
 * both give the same bytes.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { type IndexEntry, siteWideData } from "../site/data.ts";
import { ARCHIVE_FONTS_FOLDER } from "../site/font-folders.ts";
import { renderPages } from "./pages.ts";

/** Campaigns in the order of the site's index: newest day first, then by slug. */
export function newestFirst<T extends { date: string; slug: string }>(entries: T[]): T[] {
  return [...entries].sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));
}

/**
 * Writes the site-wide files into `outDir`, where every campaign's folder already is; returns
 * those written. `_headers` is written last, by the caller, from every page.
 */
export async function writeSiteWide(
  outDir: string,
  index: IndexEntry[],
  templatesDir: string,
  templatesKey?: string,
): Promise<string[]> {
  await renderPages(outDir, { ...siteWideData(index, templatesDir), templatesKey });
  const written = ["index.html", "index.css", ARCHIVE_FONTS_FOLDER, "sitemap.xml", "robots.txt"];
  const newest = index[0];
  if (newest) {
    await fs.copyFile(path.join(outDir, newest.slug, "404.html"), path.join(outDir, "404.html"));
    written.push("404.html");
  }
  return written;
}
