/**
 * A batch of campaigns rendered on its own: their logos, share images, kit and pages drawn or
 * taken from the cache and written into the staging folder, then their pages checked. Nothing in
 * a batch depends on another campaign, so a build renders the archive a batch at a time, with
 * memory bounded by a batch, on every core (lanes.ts), and the site-wide files once from every
 * campaign's index entry (site-wide.ts).
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import type { Campaign, Partner, Problem } from "../campaign/index.ts";
import { processLogo } from "../images/logos.ts";
import { mapBounded } from "../render/queue.ts";
import { siteData } from "../site/data.ts";
import { type PendingReference, type SiteCampaign, verifyFolders } from "../site/verify.ts";
import { renderPages } from "./pages.ts";
import { Timings } from "./timings.ts";

export interface BatchInput {
  /** The folder the site is staged in. */
  staging: string;
  /** The campaigns of this batch, validated. */
  campaigns: Campaign[];
  /** Every campaign of the site, for the checks of addresses. */
  site: SiteCampaign[];
  cacheDir: string;
  templatesDir: string;
  /** The generator's fingerprint: batches of one build share their compiled templates. */
  templatesKey: string;
  /** Make the launch-day kit; default true. */
  kit?: boolean;
}

export interface BatchResult {
  slugs: string[];
  /** Share images and kit files drawn, and those taken from the cache. */
  images: { rendered: number; reused: number };
  kit: { rendered: number; reused: number };
  /** Image files written into the site (logos, share images, posters' previews, frames). */
  imageFiles: number;
  /** Milliseconds per phase. */
  timings: Array<[phase: string, milliseconds: number]>;
  /** What the pages reference outside their folders, to look up once the site is complete. */
  pending: PendingReference[];
}

/**
 * Each distinct logo of these campaigns made (or found made) once, here, before batches are
 * rendered in other processes: those then only read the files. Two processes making a logo
 * campaigns share at once would each find the other's half-written file.
 */
export async function prepareLogos(campaigns: Campaign[], cacheDir: string): Promise<void> {
  const seen = new Set<string>();
  const first: Array<[Partner, string]> = [];
  for (const campaign of campaigns) {
    for (const partner of campaign.partners) {
      const hash = crypto
        .createHash("sha256")
        .update(await fs.readFile(partner.logo))
        .digest("hex");
      if (seen.has(hash)) continue;
      seen.add(hash);
      first.push([partner, campaign.slug]);
    }
  }
  await mapBounded(first, 4, ([partner, slug]) => processLogo(partner, slug, cacheDir));
}

/** What a lane in its own process answers for a batch, with the processor time it used so far. */
export type LaneAnswer =
  | { result: BatchResult; cpuSeconds: number }
  | { problems: Problem[]; cpuSeconds: number }
  | { error: { message: string; stack?: string }; cpuSeconds: number };

const IMAGE = /\.(png|jpe?g|webp|avif)$/;

export async function renderBatch(input: BatchInput): Promise<BatchResult> {
  const timings = new Timings();
  const data = await siteData(input.campaigns, {
    cacheDir: input.cacheDir,
    templatesDir: input.templatesDir,
    timings,
    kit: input.kit,
    siteWide: false,
  });
  data.templatesKey = input.templatesKey;
  await timings.measure("pages", () => renderPages(input.staging, data));
  const slugs = input.campaigns.map((campaign) => campaign.slug);
  const pending = await timings.measure("checks", () => verifyFolders(input.staging, input.site, slugs));
  return {
    slugs,
    images: data.images,
    kit: data.kit,
    imageFiles: new Set(data.files.map(([, site]) => site).filter((site) => IMAGE.test(site))).size,
    timings: timings.entries(),
    pending,
  };
}
