/**
 * The kit as zip files: one per language (`<slug>/<lang>/kit.zip`) and one with every language
 * (`<slug>/kit.zip`), holding the same bytes as the published files. Entries are
 * sorted and carry a fixed timestamp, so the same files give byte-identical zips; files that are
 * already compressed (PNG, PDF) are stored as they are.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { typeset } from "../i18n/typography.ts";
import { cacheKey, ImageCache } from "../render/cache.ts";
import { codeFingerprint } from "../render/code-fingerprint.ts";
import { zipEntries } from "./zip-writer.ts";

export interface ZipEntry {
  /** Path inside the zip, with "/". */
  name: string;
  /** Site path of a published file, or the text of a file written for the kit. */
  site?: string;
  text?: string;
}

/** What a zip needs of one language's page (a subset of src/site/data.ts PageView). */
export interface ZipPage {
  campaign: { slug: string; path: string; logos: Array<{ name: string; fallback: { src: string } }> };
  lang: { tag: string; path: string; url: string };
  content: { title: string; tagline: string; description: string };
  shareImages: Array<{ path: string; alt: string }>;
  share: { text: string };
  hotlines: Array<{ number: string; region: string }>;
  kit: Array<{ name: string; path: string }>;
  t: (key: string, values?: Record<string, string | number>) => string;
}

/** The files of one language's kit, named inside the zip. */
export function languageEntries(page: ZipPage, prefix = ""): ZipEntry[] {
  const t = page.t;
  const relative = (site: string) => site.slice(page.lang.path.length);
  const label = (key: string) => typeset(`${t(key)}:`, page.lang.tag);
  const texts = [
    `${label("kit.texts.title")} ${page.content.title}`,
    `${label("kit.texts.tagline")} ${page.content.tagline}`,
    `${label("kit.texts.description")} ${page.content.description}`,
    "",
    `${t("share.postHeading")}:`,
    page.share.text,
    "",
    `${t("share.altLabel")}:`,
    ...page.shareImages.map((image) => `${path.posix.basename(image.path)}: ${image.alt}`),
    "",
    `${t("hotline.heading")}:`,
    ...page.hotlines.map((hotline) => `${hotline.number} (${hotline.region})`),
    "",
    page.lang.url,
    "",
  ].join("\r\n");
  return [
    ...page.shareImages.map((image) => ({ name: prefix + relative(image.path), site: image.path })),
    ...page.kit
      .filter((file) => !file.name.endsWith("kit.zip"))
      .map((file) => ({ name: prefix + file.name, site: file.path })),
    { name: `${prefix}texts.txt`, text: texts },
    { name: `${prefix}README.txt`, text: readme(page) },
  ];
}

/** The read-me: the kit in a few words, and which posters go to a print shop. */
function readme(page: ZipPage): string {
  const printShop = page.kit.filter((file) => file.name.endsWith("-print.pdf")).map((file) => file.name);
  const lines = [page.content.title, "", page.t("kit.readme")];
  // A label's colon in the language's typography ("poster-a3-print.pdf : pour un imprimeur").
  if (printShop.length > 0)
    lines.push("", `${typeset(`${printShop.join(", ")}:`, page.lang.tag)} ${page.t("kit.printShop")}`);
  return `${lines.join("\r\n")}\r\n`;
}

export function logoEntries(page: ZipPage): ZipEntry[] {
  return page.campaign.logos.map((logo) => ({
    name: `logos/${path.posix.basename(logo.fallback.src)}`,
    site: logo.fallback.src,
  }));
}

/**
 * Makes the zips of every page's language and of each campaign from the files that will be
 * published (`files`: [source file, site path]), kept in .cache/kit/ under the hash of their
 * entries: their sizes are known before the share pages that link them are written. One campaign
 * at a time, each source read once for its language's zip and the campaign's.
 */
export async function makeKitZips(
  pages: ZipPage[],
  files: Array<[string, string]>,
  cacheDir: string,
): Promise<{ files: Array<[string, string]>; made: number }> {
  const sources = new Map(files.map(([source, site]) => [site, source]));
  const cache = new ImageCache(path.join(cacheDir, "kit"));
  const bySlug = new Map<string, ZipPage[]>();
  for (const page of pages) {
    bySlug.set(page.campaign.slug, [...(bySlug.get(page.campaign.slug) ?? []), page]);
  }
  let made = 0;
  const result: Array<[string, string]> = [];
  for (const [, list] of bySlug) {
    const plans: Array<[string, ZipEntry[]]> = list.map((page) => [
      `${page.lang.path}kit.zip`,
      [...languageEntries(page), ...logoEntries(page)],
    ]);
    const everyLanguage = list.flatMap((page) =>
      languageEntries(page, page.lang.path.slice(page.campaign.path.length)),
    );
    plans.push([`${list[0].campaign.path}kit.zip`, [...everyLanguage, ...logoEntries(list[0])]]);
    // The campaign's files, read when a zip that holds them is missing, and let go after it.
    const read = new Map<string, Promise<Buffer>>();
    const bytes = (source: string) => {
      let data = read.get(source);
      if (!data) {
        data = fs.readFile(source);
        read.set(source, data);
      }
      return data;
    };
    for (const [site, entries] of plans) {
      const resolved = entries.map((entry) => {
        if (entry.text !== undefined) return entry;
        const source = sources.get(entry.site as string);
        if (!source)
          throw new Error(`the kit of ${site} names ${entry.site}, which is not a file of the site`);
        return { ...entry, source };
      });
      // Sources in the cache are named by the hash of their content.
      const key = cacheKey({ code: zipCode(), entries: resolved });
      if (!cache.has(key, ".zip")) {
        cache.put(key, ".zip", await zipBytes(resolved, bytes));
        made++;
      }
      result.push([cache.path(key, ".zip"), site]);
    }
  }
  return { files: result, made };
}

async function zipBytes(
  entries: Array<ZipEntry & { source?: string }>,
  bytes: (source: string) => Promise<Buffer>,
): Promise<Buffer> {
  const unique = new Map(entries.map((entry) => [entry.name, entry]));
  const names = [...unique.keys()].sort();
  return zipEntries(
    await Promise.all(
      names.map(async (name) => {
        const entry = unique.get(name) as ZipEntry & { source?: string };
        const data =
          entry.text !== undefined ? Buffer.from(entry.text, "utf8") : await bytes(entry.source as string);
        return { name, data, compress: !/\.(png|pdf|webp|avif|jpe?g)$/i.test(name) };
      }),
    ),
  );
}

/** The fingerprint of the code that makes the kit's zips (this module and what it imports), for cache keys. */
export function zipCode(): string {
  return codeFingerprint(import.meta.url);
}
