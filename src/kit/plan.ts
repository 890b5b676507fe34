/**
 * The kit planned from what a page shows (the validated campaign and its words in one language),
 * and the sizes of the rendered files for the share page's links.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Campaign } from "../campaign/index.ts";
import { partnerNameIn } from "../campaign/partners.ts";
import { loadKitDesign } from "./design.ts";
import { type KitFileName, type KitJob, renderKits } from "./index.ts";

export { renderKits };

export interface KitFile {
  /** The file's path under the language's folder; "../kit.zip" for every language's zip. */
  name: KitFileName | "kit.zip" | "../kit.zip";
  /** Site path, e.g. /slug/fr/poster-a4.pdf */
  path: string;
  bytes: number;
}

/** What planning needs of a page view (a subset of src/site/data.ts PageView). */
export interface KitPage {
  campaign: { slug: string; path: string; date: string; theme: Campaign["theme"] };
  lang: { tag: string; dir: "ltr" | "rtl"; path: string; url: string };
  content: { title: string; tagline: string; file: string };
  dateText: string;
  hotlines: Array<{ number: string; region: string; hoursShort?: string }>;
  t: (key: string, values?: Record<string, string>) => string;
  kit: KitFile[];
}

export async function planKit(
  page: KitPage,
  campaign: Campaign,
  options: { templatesDir: string },
): Promise<KitJob> {
  const design = await loadKitDesign(path.join(options.templatesDir, campaign.template));
  const { theme } = page.campaign;
  return {
    folder: page.lang.path,
    contentFile: page.content.file,
    campaignFile: path.join(campaign.dir, "campaign.yaml"),
    poster: {
      design: design.poster,
      lang: page.lang.tag,
      dir: page.lang.dir,
      theme,
      title: page.content.title,
      tagline: page.content.tagline,
      dateText: page.dateText,
      hotlineLabel: page.t("hotline.label"),
      hotlines: page.hotlines.map((hotline) => ({
        number: hotline.number,
        region: hotline.region,
        hours: hotline.hoursShort,
      })),
      url: page.lang.url,
      qrAlt: page.t("kit.qrAlt", { url: page.lang.url }),
      logos: campaign.partners.map((partner) => ({
        file: partner.logo,
        ...partnerNameIn(partner, page.lang.tag, campaign.languages),
      })),
    },
    calendar: {
      lang: page.lang.tag,
      date: page.campaign.date,
      title: page.content.title,
      tagline: page.content.tagline,
      hotlines: page.hotlines.map(
        (hotline) =>
          `${page.t("hotline.label")}: ${hotline.number}${hotline.hoursShort ? ` (${hotline.hoursShort})` : ""}`,
      ),
      url: page.lang.url,
      uid: `${page.campaign.slug}-${page.lang.tag}@${new URL(page.lang.url).hostname}`,
    },
    frame: { design: design.frame, lang: page.lang.tag, theme, tagline: page.content.tagline },
  };
}

/** Fills each page's `kit` with its files and their sizes, in the kit's order. */
export async function statKit(pages: KitPage[], files: Array<[string, string]>): Promise<void> {
  const sizes = new Map(
    await Promise.all(files.map(async ([file, site]) => [site, (await fs.stat(file)).size] as const)),
  );
  for (const page of pages) {
    const everyLanguage = `${page.campaign.path}kit.zip`;
    page.kit = files
      .filter(([, site]) => site.startsWith(page.lang.path) || site === everyLanguage)
      .map(([, site]) => ({
        name: (site === everyLanguage ? "../kit.zip" : site.slice(page.lang.path.length)) as KitFile["name"],
        path: site,
        bytes: sizes.get(site) ?? 0,
      }));
  }
}
