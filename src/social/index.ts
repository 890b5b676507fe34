/**
 * Share images for every campaign × language × format. Planning is pure (paths, sizes, alt
 * text, cache keys); rendering goes through one bounded queue into the content-hash cache, and
 * every render is awaited before the build goes on. Text that does not fit, or that no shipped
 * font can draw, stops the build with the content file and field named.
 */
import path from "node:path";
import sharp from "sharp";
import type { Problem } from "../campaign/index.ts";
import { cacheKey, fileHasher, ImageCache } from "../render/cache.ts";
import { fontFingerprint, uncoveredCharacters } from "../render/fonts.ts";
import { renderCached } from "../render/render-loop.ts";
import { siteAddress } from "./address.ts";
import { CardFitError, type CardInput, cardCode, renderCard } from "./card.ts";
import { type CardDesign, FORMATS, type FormatName } from "./design.ts";

export interface ShareImage {
  format: FormatName;
  /** Site path, e.g. /slug/fr/share/slug-fr-og.png */
  path: string;
  width: number;
  height: number;
  type: "image/png";
  alt: string;
  maxBytes: number;
}

export interface ShareJob {
  image: ShareImage;
  card: CardInput;
  /** The content file the words come from, for errors. */
  contentFile: string;
  /** The UI strings file the hotline label comes from. */
  key?: string;
}

export interface PlanInput {
  slug: string;
  languagePath: string;
  lang: string;
  dir: CardInput["dir"];
  theme: { primary: string; background: string };
  title: string;
  tagline: string;
  /** The day written in the language, as the pages write it. */
  dateText: string;
  /** The campaign's address (`url`); the cards show it without the protocol. */
  url: string;
  hotlineLabel: string;
  hotlineNumber: string;
  /** The main line's hours in short form ("24/7"), when set. */
  hotlineHours?: string;
  logos: string[];
  contentFile: string;
  design: CardDesign;
}

/** Site path of one share image: /slug/fr/share/slug-fr-og.png */
export function shareImagePath(slug: string, languagePath: string, format: FormatName): string {
  return `/${slug}/${languagePath}/share/${slug}-${languagePath}-${format}.png`;
}

export function planShareImages(input: PlanInput): ShareJob[] {
  const separator = input.lang.startsWith("zh") ? "" : " ";
  const sentence = (text: string) =>
    /[.!?。！？]$/.test(text) ? text : `${text}${input.lang.startsWith("zh") ? "。" : "."}`;
  const alt = [
    sentence(input.title),
    sentence(input.tagline),
    `${input.hotlineLabel}: ${input.hotlineNumber}${input.hotlineHours ? ` (${input.hotlineHours})` : ""}`,
  ].join(separator);
  return FORMATS.map((format) => {
    const spec = input.design.formats[format];
    return {
      image: {
        format,
        path: shareImagePath(input.slug, input.languagePath, format),
        width: spec.width,
        height: spec.height,
        type: "image/png",
        alt,
        maxBytes: spec.maxBytes,
      },
      contentFile: input.contentFile,
      card: {
        format: spec,
        emblem: input.design.emblem,
        lang: input.lang,
        dir: input.dir,
        background: input.theme.primary,
        foreground: input.theme.background,
        title: input.title,
        tagline: input.tagline,
        date: input.dateText,
        address: siteAddress(input.url),
        hotlineLabel: input.hotlineLabel,
        hotlineNumber: input.hotlineNumber,
        ...(input.hotlineHours ? { hotlineHours: input.hotlineHours } : {}),
        logos: input.logos,
      },
    };
  });
}

/** Problems that would make a card wrong: characters no shipped font has. */
export function glyphProblems(job: ShareJob): Problem[] {
  const fields = { title: job.card.title, tagline: job.card.tagline } as const;
  const problems: Problem[] = [];
  for (const [key, text] of Object.entries(fields)) {
    const missing = uncoveredCharacters(text);
    if (missing.length > 0)
      problems.push({ file: job.contentFile, key, message: missingMessage(job.card.lang, missing) });
  }
  const label = uncoveredCharacters(`${job.card.hotlineLabel}${job.card.hotlineHours ?? ""}`);
  if (label.length > 0)
    problems.push({
      file: `src/i18n/strings/${job.card.lang}.json`,
      key: "hotline.label",
      message: missingMessage(job.card.lang, label),
    });
  return problems;
}

function missingMessage(lang: string, chars: string[]): string {
  const listed = chars
    .slice(0, 8)
    .map((char) => `"${char}" (U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")})`)
    .join(", ");
  return `language "${lang}" uses characters no shipped font can draw for share images: ${listed}${chars.length > 8 ? ` and ${chars.length - 8} more` : ""}; add a Noto font package for this script to src/render/fonts.ts`;
}

export interface RenderReport {
  rendered: number;
  reused: number;
  /** [cache file, site path] for every image. */
  files: Array<[string, string]>;
  problems: Problem[];
}

export async function renderShareImages(jobs: ShareJob[], cacheDir: string): Promise<RenderReport> {
  const cache = new ImageCache(path.join(cacheDir, "social"));
  const environment = {
    renderer: cardCode(),
    vips: sharp.versions.vips,
    sharp: sharp.versions.sharp,
    fonts: fontFingerprint(),
  };
  const hashLogo = fileHasher();
  const result = await renderCached({
    cache,
    tasks: jobs,
    key: async ({ card }) => ({
      key: cacheKey({
        ...environment,
        card: { ...card, logos: await Promise.all(card.logos.map(hashLogo)) },
      }),
      extension: ".png",
    }),
    make: async (job) => {
      const png = await renderCard(job.card);
      if (png.length > job.image.maxBytes) {
        throw new Error(
          `${job.image.format} share image is ${png.length} bytes, over its budget of ${job.image.maxBytes}`,
        );
      }
      return png;
    },
    problem: (job, error) =>
      error instanceof CardFitError
        ? {
            // The address comes from the settings beside the content folder.
            file:
              error.field === "url"
                ? path.join(path.dirname(path.dirname(job.contentFile)), "campaign.yaml")
                : job.contentFile,
            key: error.field,
            message: `too long for the ${job.image.format} share image (${job.image.width}×${job.image.height}): ${error.message}`,
          }
        : undefined,
  });
  return {
    rendered: result.made,
    reused: result.reused,
    files: result.files.map((file, index): [string, string] => [file, jobs[index].image.path]),
    problems: result.problems,
  };
}
