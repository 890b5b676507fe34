/**
 * The "page not found" pages: one in every campaign folder (404.html) and one at the top of the
 * site. A host serves them at any missing address, so nothing in them is relative: links are
 * absolute under the campaign's url, and they load no stylesheet or script. Each campaign
 * language gets its own section, with the hotline.
 */
import type { Campaign } from "../campaign/index.ts";
import { type Direction, endonym, textDirection } from "../i18n/languages.ts";
import { translator } from "../i18n/strings.ts";
import { absoluteUrl, languagePath } from "./urls.ts";
import type { Translate } from "./views.ts";

export interface NotFoundSection {
  tag: string;
  name: string;
  dir: Direction;
  t: Translate;
  /** The campaign page in this language, absolute. */
  url: string;
  /** The page's title in this language. */
  title: string;
}

export interface NotFoundView {
  slug: string;
  /** The campaign's template (its not-found.njk draws the page). */
  template: string;
  defaultLanguage: NotFoundSection;
  sections: NotFoundSection[];
  hotlines: Campaign["hotlines"];
  emergencyNumber: string;
  exitUrl: string;
}

export function notFoundView(campaign: Campaign): NotFoundView {
  const sections = campaign.languages.map(
    (tag): NotFoundSection => ({
      tag,
      name: endonym(tag),
      dir: textDirection(tag),
      t: translator(tag),
      url: absoluteUrl(campaign.url, campaign.slug, `/${campaign.slug}/${languagePath(tag)}/`),
      title: campaign.content[tag].title,
    }),
  );
  return {
    slug: campaign.slug,
    template: campaign.template,
    defaultLanguage: sections[0],
    sections,
    hotlines: campaign.hotlines,
    emergencyNumber: campaign.emergencyNumber,
    exitUrl: campaign.exitUrl,
  };
}
