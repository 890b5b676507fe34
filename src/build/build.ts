/**
 * A whole build: load and validate campaigns, render those that changed in batches (batch.ts) on
 * every core (lanes.ts) into a staging folder beside the output, write the site-wide files from
 * every campaign's index entry (site-wide.ts), and swap it in only when everything succeeded. A
 * failed or interrupted build leaves the previous output as it was. With a shard (shard.ts), only
 * its share of the campaigns and a record for the merge.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type Campaign, listCampaigns, loadCampaigns, type Problem } from "../campaign/index.ts";
import { imageChecker } from "../images/check.ts";
import { projectPaths } from "../project/paths.ts";
import { ARCHIVE_FONTS_FOLDER } from "../site/font-folders.ts";
import { HEADERS_FILE, writeHeaders } from "../site/headers.ts";
import { hasAdmin, removeAdmins, withoutAdmin } from "./admin-output.ts";
import {
  type CampaignRecord,
  campaignFingerprint,
  generatorFingerprint,
  linkTree,
  listOutput,
  type Manifest,
  outputIntact,
  readManifest,
  siteFingerprint,
  writeManifest,
} from "./incremental.ts";
import { inShard, SHARD_RECORD, type ShardSpec, writeShardRecord } from "./shard.ts";
import { exists, stage } from "./staging.ts";
import { Timings } from "./timings.ts";

export interface BuildOptions {
  /** Project root with campaigns/, assets/, templates/ and .cache/. */
  root: string;
  /** Folder of campaigns; default <root>/campaigns. */
  campaignsDir?: string;
  /** Output folder; default <root>/_site. */
  outDir?: string;
  /** Build only these campaigns; the rest of the existing output is kept as it is. */
  only?: string[];
  /** Publish under this address instead of each campaign's `url`: the output folder's address,
   * each campaign at <baseUrl>/<slug>/ (canonical, Open Graph, sitemaps follow). */
  baseUrl?: string;
  /** Where the time of each phase is recorded (build --timings). */
  timings?: Timings;
  /** Make the launch-day kit (posters, calendar, frame, zips); default true. */
  kit?: boolean;
  /** Add the pseudo-languages en-XA and ar-XB to every campaign, for layout testing. */
  pseudo?: boolean;
  /** Writes more into the staged output before it replaces the old one (build --with-admin adds
   * the CMS); a failure leaves the old output as it was. */
  addOns?: (staging: string) => Promise<void>;
  /** Called once per campaign when its pages are written. */
  onCampaign?: (report: CampaignReport) => void;
  /**
   * Build only the campaigns of this share (build --shard k/n), without the site-wide files, and
   * leave a record for build --merge.
   */
  shard?: ShardSpec;
  /** How many lanes render batches side by side; default one per core (see lanes.ts). */
  lanes?: number;
  /** Languages per batch; default lanes.ts BATCH_LANGUAGES. */
  batchLanguages?: number;
}

export interface CampaignReport {
  slug: string;
  languages: number;
  pages: number;
}

export interface BuildReport {
  campaigns: CampaignReport[];
  pages: number;
  images: number;
  /** Share images drawn by this build, and those reused from the cache or the last build. */
  shareImages: { rendered: number; reused: number };
  /** Kit artefacts (posters, calendars, frames) drawn by this build, and those reused. */
  kit: { rendered: number; reused: number };
  /** Nothing changed since the last build: the output was left as it was. */
  upToDate: boolean;
  /** Campaigns unchanged since the last build, whose output was kept. */
  reusedCampaigns: number;
  seconds: number;
  outDir: string;
  /** What was made safe rather than refused. */
  warnings: Problem[];
  /** Milliseconds per phase, in the order they ran; the phases of lanes running side by side add up. */
  timings: Array<[phase: string, milliseconds: number]>;
  /** Processor time of the build and its lanes' processes, the cores there were and the lanes used. */
  cpu: { seconds: number; cores: number; lanes: number };
}

/** Files at the top of the output that describe every campaign (kept from the last full build). */
const SITE_WIDE_FILES = [
  "index.html",
  "index.css",
  ARCHIVE_FONTS_FOLDER,
  "sitemap.xml",
  "robots.txt",
  HEADERS_FILE,
];

export async function build(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const paths = projectPaths(options.root);
  const campaignsDir = options.campaignsDir ?? paths.campaignsDir;
  const outDir = path.resolve(options.outDir ?? path.join(options.root, "_site"));
  const timings = options.timings ?? new Timings();
  const { campaigns, generator, listed } = await timings.measure("validate", () =>
    validatedCampaigns({ ...options, campaignsDir }),
  );

  // A shard's record names every campaign of the repository: one added elsewhere changes it.
  const { shard } = options;
  const siteWide = shard
    ? { files: [SHARD_RECORD], key: `shard ${shard.index}/${shard.count}: ${listed.join(" ")}` }
    : { files: SITE_WIDE_FILES, key: "" };
  const { fingerprints, previous, reusable, site, siteWideCurrent } = await timings.measure("validate", () =>
    planReuse(options, generator, campaigns, paths.cacheDir, outDir, siteWide),
  );
  const warnings = campaigns.flatMap((campaign) => campaign.warnings);
  const toRender = campaigns.filter((campaign) => !reusable.has(campaign.slug));
  const cpu = (lanes: number, childSeconds = 0) => {
    const used = process.cpuUsage(cpuAtStart);
    return {
      seconds: (used.user + used.system) / 1e6 + childSeconds,
      cores: os.availableParallelism(),
      lanes,
    };
  };

  // An admin is written by the build that asks for it, never kept from the last one.
  const adminChanges = options.addOns !== undefined || (await hasAdmin(outDir));
  if (toRender.length === 0 && (siteWideCurrent || options.only) && !adminChanges) {
    // Nothing changed: the output already is what this build would write.
    const reports = campaigns.map((campaign) => recordReport(campaign, previous?.campaigns[campaign.slug]));
    for (const report of reports) options.onCampaign?.(report);
    return {
      campaigns: reports,
      pages:
        reports.reduce((sum, report) => sum + report.pages, 0) +
        (options.shard ? 0 : SITE_WIDE_FILES.filter((f) => f.endsWith(".html")).length),
      images: 0,
      upToDate: true,
      kit: { rendered: 0, reused: 0 },
      shareImages: { rendered: 0, reused: campaigns.reduce((sum, c) => sum + c.languages.length * 3, 0) },
      reusedCampaigns: campaigns.length,
      seconds: (performance.now() - started) / 1000,
      cpu: cpu(0),
      outDir,
      warnings,
      timings: timings.entries(),
    };
  }

  // Loaded only now: a build with nothing to do never loads Eleventy, sharp or the image tools.
  const modules = await timings.measure("load modules", async () => ({
    ...(await import("../site/data.ts")),
    ...(await import("../site/verify.ts")),
    ...(await import("./lanes.ts")),
    ...(await import("./site-wide.ts")),
    ...(await import("./batch.ts")),
  }));
  const staging = await stage(outDir, modules.killLanes);
  try {
    const batches = modules.batches(toRender, options.batchLanguages);
    // Batches in other processes: each logo is made here first, and they find it made.
    if (batches.length > 1)
      await timings.measure("logos", () => modules.prepareLogos(toRender, paths.cacheDir));
    // Unchanged campaigns are linked in first, so the last checks see the whole site.
    await timings.measure("swap", async () => {
      for (const slug of reusable) await linkTree(path.join(outDir, slug), path.join(staging.dir, slug));
    });
    const siteCampaigns = campaigns.map(({ slug, url, languages }) => ({ slug, url, languages }));
    const lanes = await modules.runBatches(
      batches.map((batch) => ({
        staging: staging.dir,
        campaigns: batch,
        site: siteCampaigns,
        cacheDir: paths.cacheDir,
        templatesDir: paths.templatesDir,
        templatesKey: generator,
        kit: options.kit,
      })),
      modules.laneCount(batches.length, options.lanes),
      (result) => {
        for (const [phase, milliseconds] of result.timings) timings.add(phase, milliseconds);
      },
    );
    const results = lanes.results;
    const sum = (pick: (result: (typeof results)[number]) => number) =>
      results.reduce((total, result) => total + pick(result), 0);

    const index = campaigns.map(modules.indexEntry);
    const topPages = options.shard
      ? []
      : await timings.measure("pages", () =>
          modules.writeSiteWide(staging.dir, index, paths.templatesDir, generator),
        );
    await timings.measure("checks", async () => {
      if (options.shard) return;
      await modules.verifySite(staging.dir, siteCampaigns, { folders: [] });
      const files = new Set(await modules.listFiles(staging.dir));
      modules.verifyPending(
        results.flatMap((result) => result.pending),
        files,
      );
    });
    await timings.measure("swap", async () => {
      if (options.only) await keepOtherOutput(outDir, staging.dir, new Set(options.only));
      await removeAdmins(staging.dir);
      await options.addOns?.(staging.dir);
      if (shard) {
        await writeShardRecord(staging.dir, {
          shard,
          generator: await generatorFingerprint(options.root),
          variant: variantOf(options),
          campaigns: listed,
          index,
        });
      } else {
        for (const note of await writeHeaders(staging.dir))
          warnings.push({ file: path.join(outDir, HEADERS_FILE), message: note });
      }
      await staging.swapIn();
    });
    const swapStarted = performance.now();

    const records: Manifest["campaigns"] = options.only ? { ...previous?.campaigns } : {};
    for (const campaign of campaigns) {
      records[campaign.slug] = reusable.has(campaign.slug)
        ? (previous?.campaigns[campaign.slug] as CampaignRecord)
        : {
            fingerprint: fingerprints[campaign.slug],
            files: withoutAdmin(await listOutput(path.join(outDir, campaign.slug))),
          };
    }
    await writeManifest(paths.cacheDir, outDir, {
      site: options.only ? (previous?.site ?? "") : site,
      campaigns: records,
    });
    timings.add("swap", performance.now() - swapStarted);

    const reports = campaigns.map((campaign) => recordReport(campaign, records[campaign.slug]));
    for (const report of reports) options.onCampaign?.(report);
    const reusedImages = campaigns
      .filter((c) => reusable.has(c.slug))
      .reduce((sum, c) => sum + c.languages.length * 3, 0);
    return {
      campaigns: reports,
      pages:
        reports.reduce((total, report) => total + report.pages, 0) +
        topPages.filter((file) => file.endsWith(".html")).length,
      images: sum((result) => result.imageFiles),
      upToDate: false,
      kit: { rendered: sum((result) => result.kit.rendered), reused: sum((result) => result.kit.reused) },
      shareImages: {
        rendered: sum((result) => result.images.rendered),
        reused: sum((result) => result.images.reused) + reusedImages,
      },
      reusedCampaigns: reusable.size,
      seconds: (performance.now() - started) / 1000,
      cpu: cpu(lanes.lanes, lanes.childCpuSeconds),
      outDir,
      warnings,
      timings: timings.entries(),
    };
  } catch (error) {
    modules.killLanes();
    await staging.discard();
    throw error;
  } finally {
    staging.release();
  }
}

/** What besides the generator makes every page: another address, pseudo-languages. */
function variantOf(options: Pick<BuildOptions, "baseUrl" | "pseudo">): string {
  return `${options.baseUrl ?? ""}${options.pseudo ? "+pseudo" : ""}`;
}

/**
 * Every campaign validated, reading back those unchanged since they were last validated (kept in
 * .cache/validated under the hash of their folder and of the generator), with the generator
 * fingerprint that keyed them.
 */
export async function validatedCampaigns(
  options: Pick<BuildOptions, "root" | "campaignsDir" | "only" | "baseUrl" | "pseudo" | "shard">,
): Promise<{ campaigns: Campaign[]; generator: string; listed: string[] }> {
  const paths = projectPaths(options.root);
  const campaignsDir = options.campaignsDir ?? paths.campaignsDir;
  // Another address changes every page, so it is part of what the output depends on.
  // With pseudo-languages every campaign has two more, so it is a different output too.
  const generator =
    withBaseUrl(await generatorFingerprint(options.root), options.baseUrl) +
    (options.pseudo ? "+pseudo" : "");
  const listed = await listCampaigns(campaignsDir);
  const { shard } = options;
  const only = shard ? listed.filter((slug) => inShard(slug, shard)) : options.only;
  // A shard that holds no campaign builds nothing (more shards than campaigns).
  const loaded =
    only?.length === 0 && shard
      ? []
      : await loadCampaigns(campaignsDir, {
          templatesDir: paths.templatesDir,
          checkImage: imageChecker(paths.cacheDir),
          only,
          memo: {
            dir: path.join(paths.cacheDir, "validated"),
            fingerprint: (dir) => campaignFingerprint(dir, generator),
          },
        });
  const published = options.baseUrl ? loaded.map((c) => publishedAt(c, options.baseUrl as string)) : loaded;
  const campaigns = options.pseudo
    ? published.map((await import("../translations/pseudo.ts")).withPseudoLanguages)
    : published;
  return { campaigns, generator, listed };
}

/** The generator fingerprint of a build published under another address. */
function withBaseUrl(generator: string, baseUrl: string | undefined): string {
  return baseUrl ? `${generator}+${baseUrl}` : generator;
}

/** The campaign as published under `baseUrl`: at <baseUrl>/<slug>/. */
function publishedAt(campaign: Campaign, baseUrl: string): Campaign {
  return { ...campaign, url: new URL(`${campaign.slug}/`, baseUrl).href };
}

/** What changed since the last build into `outDir`: unchanged campaigns keep their output. */
async function planReuse(
  options: BuildOptions,
  generator: string,
  campaigns: Campaign[],
  cacheDir: string,
  outDir: string,
  siteWide: { files: string[]; key: string },
) {
  const fingerprints = Object.fromEntries(
    await Promise.all(
      campaigns.map(
        async (campaign) =>
          [
            campaign.slug,
            campaign.fingerprint ?? (await campaignFingerprint(campaign.dir, generator)),
          ] as const,
      ),
    ),
  );
  const previous = await readManifest(cacheDir, outDir);
  const intact = await Promise.all(
    campaigns.map(async (campaign) => {
      const record = previous?.campaigns[campaign.slug];
      if (record?.fingerprint !== fingerprints[campaign.slug]) return false;
      return outputIntact(path.join(outDir, campaign.slug), record.files);
    }),
  );
  const reusable = new Set(campaigns.filter((_, index) => intact[index]).map((campaign) => campaign.slug));
  const site = siteFingerprint(generator + siteWide.key, fingerprints);
  const siteWideCurrent =
    !options.only &&
    previous?.site === site &&
    (await Promise.all(siteWide.files.map((file) => exists(path.join(outDir, file))))).every(Boolean);
  return { fingerprints, previous, reusable, site, siteWideCurrent };
}

function recordReport(campaign: Campaign, record: CampaignRecord | undefined): CampaignReport {
  return {
    slug: campaign.slug,
    languages: campaign.languages.length,
    pages: Object.keys(record?.files ?? {}).filter((file) => file.endsWith(".html")).length,
  };
}

/** For a partial build: everything the old output had besides the rebuilt campaigns. */
async function keepOtherOutput(outDir: string, staging: string, rebuilt: Set<string>): Promise<void> {
  const entries = await fs.readdir(outDir, { withFileTypes: true }).catch(() => null);
  if (!entries) return;
  for (const entry of entries) {
    if (rebuilt.has(entry.name)) continue;
    const keepSiteWide = SITE_WIDE_FILES.includes(entry.name);
    if (!keepSiteWide && (await exists(path.join(staging, entry.name)))) continue;
    await fs.cp(path.join(outDir, entry.name), path.join(staging, entry.name), {
      recursive: true,
      force: true,
    });
  }
}
