/**
 * What templates see: validated campaigns turned into views with everything a page needs
 * (language names and directions, addresses, formatted dates, translated UI strings, logos).
 * Templates never compute addresses or read files themselves.
 */
import type { Campaign, Content, Hotline } from "../campaign/index.ts";
import { type Direction, endonym, formatDate, ogLocale, textDirection } from "../i18n/languages.ts";
import { translator, uiStrings } from "../i18n/strings.ts";
import { type Logo, processLogo } from "../images/logos.ts";
import { absoluteUrl, languagePath } from "./urls.ts";

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
  logos: Logo[];
  languages: LanguageView[];
  defaultLanguage: LanguageView;
  /** The default language's words, for the index and the chooser. */
  content: Content;
  /** The default language's page chrome, for the chooser. */
  chrome: PageChrome;
}

/** Everything around the campaign's words, in one language. */
export interface PageChrome {
  t: Translate;
  /** The day written in the language. */
  dateText: string;
  /** Hotlines with their country named in the language. */
  hotlines: Array<Hotline & { region: string; free: boolean }>;
  /** Whether the UI strings were checked by a fluent speaker. */
  stringsReviewed: boolean;
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface PageView extends PageChrome {
  campaign: CampaignView;
  lang: LanguageView;
  content: Content;
}

export interface SiteData {
  /** Newest day first. */
  campaigns: CampaignView[];
  /** One per campaign × language. */
  pages: PageView[];
}

export interface SiteDataOptions {
  /** Folder for work kept between builds (processed logos). */
  cacheDir: string;
}

export async function siteData(campaigns: Campaign[], options: SiteDataOptions): Promise<SiteData> {
  const views = await Promise.all(campaigns.map((campaign) => campaignView(campaign, options)));
  const pages = views.flatMap((view, index) =>
    view.languages.map(
      (lang): PageView => ({
        ...pageChrome(view, lang.tag),
        campaign: view,
        lang,
        content: campaigns[index].content[lang.tag],
      }),
    ),
  );
  return { campaigns: views, pages };
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
    logos,
    languages,
    defaultLanguage: languages[0],
    content: campaign.content[campaign.defaultLanguage],
  };
  return { ...view, chrome: pageChrome(view, campaign.defaultLanguage) };
}

function pageChrome(campaign: Pick<CampaignView, "date" | "hotlines">, tag: string): PageChrome {
  const regions = new Intl.DisplayNames([tag], { type: "region", fallback: "code" });
  return {
    t: translator(tag),
    dateText: formatDate(campaign.date, tag),
    hotlines: campaign.hotlines.map((hotline) => ({
      ...hotline,
      region: regions.of(hotline.country) ?? hotline.country,
      free: hotline.tollFree,
    })),
    stringsReviewed: uiStrings(tag)?.reviewed ?? false,
  };
}
