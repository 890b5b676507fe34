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
  indexEntry,
  type LanguageView,
  type PageView,
  type PhaseTimer,
  pageChrome,
  pageEmblem,
  type SiteData,
  type SiteDataOptions,
} from "./views.ts";

export type { SiteData, SiteDataOptions };

export async function siteData(all: Campaign[], options: SiteDataOptions): Promise<SiteData> {
  const campaigns = options.render ? all.filter((campaign) => options.render?.has(campaign.slug)) : all;
  const timings: PhaseTimer = options.timings ?? { measure: (_phase, work) => work() };
  const views = await timings.measure("logos", () =>
    Promise.all(campaigns.map((campaign) => campaignView(campaign, options))),
  );
  const jobs: ShareJob[] = [];
  const pages: PageView[] = [];
  for (const [index, view] of views.entries()) {
    const campaign = campaigns[index];
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
  }
  const images = await timings.measure("share images", async () => {
    const missingGlyphs: Problem[] = jobs.filter((job) => job.image.format === "og").flatMap(glyphProblems);
    if (missingGlyphs.length > 0) throw new CampaignError(missingGlyphs);
    return renderShareImages(jobs, options.cacheDir);
  });
  if (images.problems.length > 0) throw new CampaignError(images.problems);
  const logoFiles = views.flatMap((view) => view.logos.flatMap((logo) => logo.files));
  const kit =
    options.kit === false
      ? { rendered: 0, reused: 0, files: [] }
      : await timings.measure("kit", () =>
          makeKit(pages, campaigns, options, [...logoFiles, ...images.files]),
        );
  return {
    index: all.map(indexEntry),
    campaigns: views,
    pages,
    files: [...logoFiles, ...images.files, ...kit.files],
    images: { rendered: images.rendered, reused: images.reused },
    kit: { rendered: kit.rendered, reused: kit.reused },
    notFound: { site: all[0] && notFoundView(all[0]), campaigns: campaigns.map(notFoundView) },
    kitPages: pages.filter((page) => page.kit.length > 0),
    templatesDir: options.templatesDir,
  };
}

async function campaignView(campaign: Campaign, options: SiteDataOptions): Promise<CampaignView> {
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
