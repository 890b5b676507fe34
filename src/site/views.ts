/**
 * What templates see: validated campaigns turned into views with everything a page needs
 * (language names and directions, addresses, formatted dates, translated UI strings, logos).
 * Templates never compute addresses or read files themselves. The views are made in data.ts,
 * which also draws what they show (logos, share images, the kit).
 */
import type { Campaign, Content, Hotline } from "../campaign/index.ts";
import { type Direction, endonym, formatDate, textDirection } from "../i18n/languages.ts";
import { type Tree, translator, uiStrings } from "../i18n/strings.ts";
import type { Logo } from "../images/logos.ts";
import type { KitFile } from "../kit/plan.ts";
import { type ShareImage, shareImagePath } from "../social/index.ts";
import { type HotlineDetailsView, hotlineDetailsView, hoursShort } from "./hotline-hours.ts";
import type { NotFoundView } from "./not-found.ts";
import type { ShareLink } from "./share-links.ts";
import { languagePath } from "./urls.ts";

export interface LanguageView {
  tag: string;
  /** Name of the language in itself ("Français"). */
  name: string;
  dir: Direction;
  ogLocale: string;
  /** Site path, e.g. /blue-heart-2023-be/fr/ */
  path: string;
  /** Absolute published URL. */
  url: string;
}

export interface CampaignView {
  slug: string;
  /** Site path of the campaign's folder: /slug/ */
  path: string;
  url: string;
  date: string;
  template: string;
  theme: Campaign["theme"];
  hotlines: Hotline[];
  emergencyNumber: string;
  exitUrl: string;
  contact?: string;
  logos: Logo[];
  languages: LanguageView[];
  defaultLanguage: LanguageView;
  /** The default language's words, for the index and the chooser. */
  content: Content;
  /** The default language's page chrome, for the chooser. */
  chrome: PageChrome;
  /** The default language's link-preview image. */
  ogImage?: ShareImage;
  /** The template's emblem as inline SVG markup, drawn in the current text colour, hidden from screen readers. */
  emblem: string;
}

/** Everything around the campaign's words, in one language. */
export interface PageChrome {
  t: Translate;
  /** The day written in the language. */
  dateText: string;
  /** Hotlines with their country named in the language. */
  hotlines: Array<
    Hotline & {
      region: string;
      free: boolean;
      detailsView?: HotlineDetailsView;
      /** The hours in short form ("24/7", "Mo–Fr 09:00–17:00"), for posters and the calendar. */
      hoursShort?: string;
    }
  >;
  /** Some line has hours, so pages load the open-now script. */
  openNowScript: boolean;
  /** Whether the UI strings were checked by a fluent speaker. */
  stringsReviewed: boolean;
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface PageView extends PageChrome {
  campaign: CampaignView;
  lang: LanguageView;
  content: Content;
  /** Share images of this language, og first. */
  shareImages: ShareImage[];
  /** The suggested post (description and address) and plain share links. */
  share: { text: string; links: ShareLink[] };
  /** schema.org JSON-LD of the page (structured-data.ts), ready for a data block. */
  jsonLd: string;
  /** The launch-day kit of this language (posters, calendar, frame), with sizes. */
  kit: KitFile[];
}

/** What the site-wide pages (index, sitemap index, robots.txt) need of every campaign. */
export interface IndexEntry {
  slug: string;
  path: string;
  url: string;
  date: string;
  languageCount: number;
  defaultLanguage: { tag: string; dir: Direction };
  title: string;
  tagline: string;
  /** The day written out in English, the language of the site-wide index. */
  dateText: string;
  /** Every language, named in itself. */
  languages: Array<{ tag: string; name: string; dir: Direction; path: string }>;
  /** The default language's link-preview image, shown as the edition's thumbnail. */
  thumbnail: { path: string; width: number; height: number };
}

export interface SiteData {
  /** Every campaign, newest day first, for the site-wide pages. */
  index: IndexEntry[];
  /** The campaigns rendered in this build (all, unless some are reused unchanged). */
  campaigns: CampaignView[];
  /** One per campaign × language. */
  pages: PageView[];
  /** Files to copy into the output: [source file, site path]. */
  files: Array<[string, string]>;
  /** Share images drawn in this build, and those taken from the cache. */
  images: { rendered: number; reused: number };
  /** Kit artefacts drawn in this build, and those taken from the cache. */
  kit: { rendered: number; reused: number };
  /** "Page not found": the site's (the newest campaign's, when this run writes it) and one per
   * rendered campaign. */
  notFound: { site: NotFoundView[]; campaigns: NotFoundView[] };
  /** `[true]` when this run writes the site-wide files (index, sitemap index, robots.txt), `[]`
   * when it writes only campaigns' pages (a build renders campaigns in batches, and the site-wide
   * files once from every campaign's index entry). */
  siteWide: true[];
  /** The pages whose language has a kit (all, unless the kit is turned off): frame pages. */
  kitPages: PageView[];
  /** False: the web fonts are not cut after this run (the preview cuts them after a save's pictures). */
  fonts?: boolean;
  /** The folder of templates the pages are rendered from. */
  templatesDir: string;
  /**
   * What that folder holds (a hash of its files): runs of Eleventy in one process with the same
   * folder and key share their compiled templates (a build renders campaigns in batches, the
   * preview on every save). Without it, each run compiles its own.
   */
  templatesKey?: string;
}

/** Measures a phase of the work (the build's Timings). */
export interface PhaseTimer {
  measure<T>(phase: string, work: () => Promise<T>): Promise<T>;
}

export interface SiteDataOptions {
  /** Folder for work kept between builds (processed logos, share images). */
  cacheDir: string;
  /** Folder of templates (each with its share-card design). */
  templatesDir: string;
  /** Make the launch-day kit (posters, calendar, frame, zips); default true. */
  kit?: boolean;
  /** Render only these campaigns' pages; the others appear in the index only. Default: all. */
  render?: ReadonlySet<string>;
  /** Where the time of the logos, share images and kit phases is recorded (build --timings). */
  timings?: PhaseTimer;
  /** Write the site-wide files (index, sitemap index, robots.txt, 404) too; default true. */
  siteWide?: boolean;
}

export function indexEntry(campaign: Campaign): IndexEntry {
  const content = campaign.content[campaign.defaultLanguage];
  return {
    slug: campaign.slug,
    path: `/${campaign.slug}/`,
    url: campaign.url,
    date: campaign.date,
    languageCount: campaign.languages.length,
    defaultLanguage: { tag: campaign.defaultLanguage, dir: textDirection(campaign.defaultLanguage) },
    title: content.title,
    tagline: content.tagline,
    dateText: formatDate(campaign.date, "en-GB"),
    languages: campaign.languages.map((tag) => ({
      tag,
      name: endonym(tag),
      dir: textDirection(tag),
      path: `/${campaign.slug}/${languagePath(tag)}/`,
    })),
    thumbnail: {
      path: shareImagePath(campaign.slug, languagePath(campaign.defaultLanguage), "og"),
      width: 1200,
      height: 630,
    },
  };
}

/** The emblem for inline use on a page: decorative (the title says what it is). */
export function pageEmblem(svg: string): string {
  return svg
    .replace(/<\?xml[^>]*>/, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<title>[\s\S]*?<\/title>/, "")
    .replace(/<svg\b/, '<svg class="emblem" aria-hidden="true" focusable="false"')
    .replace(/\s+width="[^"]*"/, "")
    .replace(/\s+height="[^"]*"/, "")
    .trim();
}

export function pageChrome(
  campaign: Pick<CampaignView, "date" | "hotlines">,
  tag: string,
  wording?: Tree,
): PageChrome {
  const regions = new Intl.DisplayNames([tag], { type: "region", fallback: "code" });
  return {
    t: translator(tag, wording),
    dateText: formatDate(campaign.date, tag),
    hotlines: campaign.hotlines.map((hotline) => ({
      ...hotline,
      region: regions.of(hotline.country) ?? hotline.country,
      free: hotline.tollFree,
      detailsView: hotlineDetailsView(hotline, tag),
      hoursShort: hoursShort(hotline, tag),
    })),
    openNowScript: campaign.hotlines.some(
      (hotline) => hotline.details?.hours && !hotline.details.hours.always,
    ),
    stringsReviewed: uiStrings(tag)?.reviewed ?? false,
  };
}
