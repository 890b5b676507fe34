/**
 * The site's data, made for one build: every campaign's views (views.ts), and what they show
 * drawn or taken from the cache: partner logos, share images, the launch-day kit and its zips.
 */
import "../render/fonts.ts"; // first: points fontconfig at the shipped fonts before any drawing
import path from "node:path";
import { type Campaign, CampaignError, type Problem } from "../campaign/index.ts";
import { endonym, ogLocale, textDirection } from "../i18n/languages.ts";
import { processLogo } from "../images/logos.ts";
import { planKit, renderKits, statKit } from "../kit/plan.ts";
import { makeKitZips } from "../kit/zip.ts";
import { loadDesign } from "../social/design.ts";
import { glyphProblems, planShareImages, renderShareImages, type ShareJob } from "../social/index.ts";
import { hoursShort } from "./hotline-hours.ts";
import { notFoundView } from "./not-found.ts";
import { shareLinks } from "./share-links.ts";
import { jsonLdText, structuredData } from "./structured-data.ts";
import { absoluteUrl, languagePath } from "./urls.ts";
import {
  type CampaignView,
  type IndexEntry,
  indexEntry,
  type LanguageView,
  type PageView,
  type PhaseTimer,
  pageChrome,
  pageEmblem,
  type SiteData,
  type SiteDataOptions,
} from "./views.ts";

export type { IndexEntry, SiteData, SiteDataOptions };
export { indexEntry };

export async function siteData(all: Campaign[], options: SiteDataOptions): Promise<SiteData> {
  const campaigns = options.render ? all.filter((campaign) => options.render?.has(campaign.slug)) : all;
  const timings: PhaseTimer = options.timings ?? { measure: (_phase, work) => work() };
  const views = await timings.measure("logos", () =>
    Promise.all(campaigns.map((campaign) => campaignView(campaign, options))),
  );
  const words: CampaignWords[] = [];
  for (const [index, view] of views.entries()) {
    words.push(await campaignWords(campaigns[index], view, options));
  }
  const pictures = await drawPictures(words, options);
  return assembleSite(all.map(indexEntry), words, pictures, options, all[0]);
}

/** One campaign's words: its view and a page per language, share images planned, kit to come. */
export interface CampaignWords {
  campaign: Campaign;
  view: CampaignView;
  /** One per language, in the campaign's order; `kit` is empty until the pictures are drawn. */
  pages: PageView[];
  /** The share images of every page, planned (paths, sizes, words), not drawn. */
  jobs: ShareJob[];
}

/** What the pictures of some campaigns left for the pages: files to copy, and what was drawn. */
export interface Pictures {
  /** [source file, site path]: logos, share images and the kit with its zips. */
  files: Array<[string, string]>;
  images: { rendered: number; reused: number };
  kit: { rendered: number; reused: number };
}

/**
 * A campaign's pages without drawing anything: views, words, addresses, structured data and the
 * share images' paths and alternative texts. Their pictures are drawn by drawPictures.
 */
export async function campaignWords(
  campaign: Campaign,
  view: CampaignView,
  options: Pick<SiteDataOptions, "templatesDir">,
): Promise<CampaignWords> {
  const jobs: ShareJob[] = [];
  const pages: PageView[] = [];
  const design = await loadDesign(path.join(options.templatesDir, campaign.template));
  for (const lang of view.languages) {
    const chrome = pageChrome(view, lang.tag, campaign.wording?.[lang.tag]);
    const content = campaign.content[lang.tag];
    const planned = planShareImages({
      slug: view.slug,
      languagePath: languagePath(lang.tag),
      lang: lang.tag,
      dir: lang.dir,
      theme: view.theme,
      title: content.title,
      tagline: content.tagline,
      dateText: chrome.dateText,
      url: view.url,
      hotlineLabel: chrome.t("hotline.label"),
      hotlineNumber: view.hotlines[0].number,
      hotlineHours: hoursShort(view.hotlines[0], lang.tag),
      logos: campaign.partners.map((partner) => partner.logo),
      contentFile: content.file,
      design,
    });
    jobs.push(...planned);
    if (lang.tag === campaign.defaultLanguage) view.ogImage = planned[0].image;
    pages.push({
      ...chrome,
      campaign: view,
      lang,
      content,
      shareImages: planned.map((job) => job.image),
      share: {
        text: `${content.description} ${lang.url}`,
        links: shareLinks(lang.url, content.description, content.title, chrome.t("share.email")),
      },
      jsonLd: jsonLdText(
        structuredData({
          campaign: view,
          lang,
          content,
          contactType: chrome.t("hotline.label"),
          image: absoluteUrl(view.url, view.slug, planned[0].image.path),
        }),
      ),
      kit: [],
    });
  }
  return { campaign, view, pages, jobs };
}

/**
 * The pictures of these campaigns' pages: share images and the launch-day kit with its zips,
 * drawn or taken from the cache, and each page's `kit` filled with its files and their sizes.
 * Text a picture cannot hold stops with the content file and field named.
 */
export async function drawPictures(words: CampaignWords[], options: SiteDataOptions): Promise<Pictures> {
  const timings: PhaseTimer = options.timings ?? { measure: (_phase, work) => work() };
  const jobs = words.flatMap((campaign) => campaign.jobs);
  const pages = words.flatMap((campaign) => campaign.pages);
  const images = await timings.measure("share images", async () => {
    const missingGlyphs: Problem[] = jobs.filter((job) => job.image.format === "og").flatMap(glyphProblems);
    if (missingGlyphs.length > 0) throw new CampaignError(missingGlyphs);
    return renderShareImages(jobs, options.cacheDir);
  });
  if (images.problems.length > 0) throw new CampaignError(images.problems);
  const logoFiles = logoFilesOf(words);
  const kit =
    options.kit === false
      ? { rendered: 0, reused: 0, files: [] }
      : await timings.measure("kit", () =>
          makeKit(
            pages,
            words.map((campaign) => campaign.campaign),
            options,
            [...logoFiles, ...images.files],
          ),
        );
  return {
    files: [...logoFiles, ...images.files, ...kit.files],
    images: { rendered: images.rendered, reused: images.reused },
    kit: { rendered: kit.rendered, reused: kit.reused },
  };
}

/** The published partner logos of these campaigns: [cache file, site path]. */
export function logoFilesOf(words: CampaignWords[]): Array<[string, string]> {
  return words.flatMap((campaign) => campaign.view.logos.flatMap((logo) => logo.files));
}

/**
 * The site's data for these campaigns' words and pictures. `index` is every campaign of the site,
 * newest first; the site-wide files (and the site's "page not found", the `newest` campaign's)
 * are written when `options.siteWide` is not false.
 */
export function assembleSite(
  index: IndexEntry[],
  words: CampaignWords[],
  pictures: Pictures,
  options: Pick<SiteDataOptions, "templatesDir" | "siteWide">,
  newest?: Campaign,
): SiteData {
  const pages = words.flatMap((campaign) => campaign.pages);
  const siteWide = options.siteWide !== false;
  return {
    index,
    campaigns: words.map((campaign) => campaign.view),
    pages,
    files: pictures.files,
    images: pictures.images,
    kit: pictures.kit,
    notFound: {
      site: siteWide && newest ? [notFoundView(newest)] : [],
      campaigns: words.map((campaign) => notFoundView(campaign.campaign)),
    },
    kitPages: pages.filter((page) => page.kit.length > 0),
    templatesDir: options.templatesDir,
    siteWide: siteWide ? [true] : [],
  };
}

/**
 * Only the site-wide files: the index of every campaign, the sitemap index and robots.txt, from
 * each campaign's index entry (newest first). The site's "page not found" is the newest
 * campaign's own, copied by the build.
 */
export function siteWideData(index: IndexEntry[], templatesDir: string): SiteData {
  return {
    index,
    campaigns: [],
    pages: [],
    files: [],
    images: { rendered: 0, reused: 0 },
    kit: { rendered: 0, reused: 0 },
    notFound: { site: [], campaigns: [] },
    kitPages: [],
    templatesDir,
    siteWide: [true],
  };
}

/** A campaign as its pages see it, with its partners' logos made (or taken from the cache). */
export async function campaignView(
  campaign: Campaign,
  options: Pick<SiteDataOptions, "cacheDir" | "templatesDir">,
): Promise<CampaignView> {
  const sitePath = `/${campaign.slug}/`;
  const languages = campaign.languages.map((tag): LanguageView => {
    const pagePath = `${sitePath}${languagePath(tag)}/`;
    return {
      tag,
      name: endonym(tag),
      dir: textDirection(tag),
      ogLocale: ogLocale(tag),
      path: pagePath,
      url: absoluteUrl(campaign.url, campaign.slug, pagePath),
    };
  });
  const logos = await Promise.all(
    campaign.partners.map((partner) => processLogo(partner, campaign.slug, options.cacheDir)),
  );
  const view = {
    slug: campaign.slug,
    path: sitePath,
    url: campaign.url,
    date: campaign.date,
    template: campaign.template,
    theme: campaign.theme,
    hotlines: campaign.hotlines,
    emergencyNumber: campaign.emergencyNumber,
    exitUrl: campaign.exitUrl,
    contact: campaign.contact,
    logos,
    languages,
    defaultLanguage: languages[0],
    content: campaign.content[campaign.defaultLanguage],
    emblem: pageEmblem((await loadDesign(path.join(options.templatesDir, campaign.template))).emblem),
  };
  return {
    ...view,
    chrome: pageChrome(view, campaign.defaultLanguage, campaign.wording?.[campaign.defaultLanguage]),
  };
}

/** The launch-day kit of every page, and the zips that gather it with the share images. */
async function makeKit(
  pages: PageView[],
  campaigns: Campaign[],
  options: SiteDataOptions,
  published: Array<[string, string]>,
) {
  const jobs = await Promise.all(
    pages.map((page) =>
      planKit(page, campaigns.find((c) => c.slug === page.campaign.slug) as Campaign, options),
    ),
  );
  const kit = await renderKits(jobs, options.cacheDir);
  if (kit.problems.length > 0) throw new CampaignError(kit.problems);
  await statKit(pages, kit.files);
  const zips = await makeKitZips(pages, [...published, ...kit.files], options.cacheDir);
  await statKit(pages, [...kit.files, ...zips.files]);
  return { rendered: kit.rendered, reused: kit.reused, files: [...kit.files, ...zips.files] };
}
