/**
 * Where a campaign keeps its words: `content/page.<lang>.md`, one file per language. The CMS
 * (Decap's i18n "multiple_files" structure) addresses the languages of one entry as
 * `<entry>.<lang>.md` and nothing else in a folder, so this is the layout every backend reads and
 * writes as is, the local one and the Git hosts alike.
 *
 * Campaigns written before kept `content/<lang>.md`; `campaign migrate-content` renames them.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Problem } from "../problems/problem.ts";
import { commandLine } from "../project/paths.ts";

/** The folder of a campaign's words. */
export const CONTENT_DIR = "content";
/** The one entry whose languages are the campaign's words. */
export const CONTENT_ENTRY = "page";

const CONTENT_NAME = new RegExp(`^${CONTENT_ENTRY}\\.([A-Za-z0-9-]+)\\.md$`);
const OLD_NAME = /^([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md$/;

/** `page.fr.md` */
export function contentFileName(lang: string): string {
  return `${CONTENT_ENTRY}.${lang}.md`;
}

/** `content/page.fr.md`, as written in messages and docs. */
export function contentRelative(lang: string): string {
  return `${CONTENT_DIR}/${contentFileName(lang)}`;
}

/** The words of `lang` in the campaign folder `campaignDir`. */
export function contentFile(campaignDir: string, lang: string): string {
  return path.join(campaignDir, CONTENT_DIR, contentFileName(lang));
}

/** The language of a content file's name (`page.nl-BE.md` → `nl-BE`), or undefined. */
export function languageOfContentFile(name: string): string | undefined {
  return CONTENT_NAME.exec(name)?.[1];
}

/** The content files of a campaign folder, sorted by name. */
export async function contentFiles(campaignDir: string): Promise<string[]> {
  const dir = path.join(campaignDir, CONTENT_DIR);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  return names
    .filter((name) => languageOfContentFile(name) !== undefined)
    .sort()
    .map((name) => path.join(dir, name));
}

/** Files in the layout campaigns used before (`content/fr.md`) with their new names. */
export async function oldLayoutFiles(campaignDir: string): Promise<Array<{ from: string; to: string }>> {
  const dir = path.join(campaignDir, CONTENT_DIR);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  return names.sort().flatMap((name) => {
    const lang = OLD_NAME.exec(name)?.[1];
    return lang ? [{ from: path.join(dir, name), to: path.join(dir, contentFileName(lang)) }] : [];
  });
}

/** The hint of a missing content file whose old-layout name exists. */
export function migrationHint(lang: string): string {
  return `campaigns now keep their words as ${contentRelative(lang)} (the name the CMS reads); found ${CONTENT_DIR}/${lang}.md in the old layout: run "${commandLine("migrate-content")}" to rename every campaign's files, or rename this one by hand`;
}

/**
 * Renames every campaign's `content/<lang>.md` to `content/page.<lang>.md`. Nothing is renamed
 * when any new name is already taken; the conflicts come back as problems.
 */
export async function migrateContent(
  campaignsDir: string,
  slugs: string[],
): Promise<{ renamed: Array<{ from: string; to: string }>; conflicts: Problem[] }> {
  const moves = (
    await Promise.all(slugs.map((slug) => oldLayoutFiles(path.join(campaignsDir, slug))))
  ).flat();
  const conflicts: Problem[] = [];
  for (const move of moves) {
    const taken = await fs.stat(move.to).then(
      () => true,
      () => false,
    );
    if (taken) {
      conflicts.push({
        file: move.from,
        message: `${path.basename(move.to)} exists too; keep the words you want in ${path.basename(move.to)} and delete ${path.basename(move.from)}, then run the migration again`,
      });
    }
  }
  if (conflicts.length > 0) return { renamed: [], conflicts };
  for (const move of moves) await fs.rename(move.from, move.to);
  return { renamed: moves, conflicts };
}
