/**
 * A whole build: load and validate campaigns, render with Eleventy into a staging folder beside
 * the output, and swap it in only when everything succeeded. A failed or interrupted build leaves
 * the previous output as it was.
 */
import { rmSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Campaign, loadCampaigns, type Problem } from "../campaign/index.ts";
import { imageChecker } from "../images/check.ts";
import { CODE_DIR, projectPaths, ROUTES_DIR } from "../project/paths.ts";
import type { SiteData } from "../site/data.ts";
import { HEADERS_FILE, writeHeaders } from "../site/headers.ts";
import { ARCHIVE_FONTS_FOLDER } from "../site/web-fonts.ts";
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
  /** Milliseconds per phase, in the order they ran. */
  timings: Array<[phase: string, milliseconds: number]>;
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
  const paths = projectPaths(options.root);
  const campaignsDir = options.campaignsDir ?? paths.campaignsDir;
  const outDir = path.resolve(options.outDir ?? path.join(options.root, "_site"));
  const timings = options.timings ?? new Timings();
  const { campaigns, generator } = await timings.measure("validate", () =>
    validatedCampaigns({ ...options, campaignsDir }),
  );

  const { fingerprints, previous, reusable, site, siteWideCurrent } = await timings.measure("validate", () =>
    planReuse(options, generator, campaigns, paths.cacheDir, outDir),
  );
  const warnings = campaigns.flatMap((campaign) => campaign.warnings);
  const render = new Set(campaigns.map((campaign) => campaign.slug).filter((slug) => !reusable.has(slug)));

  // An admin is written by the build that asks for it, never kept from the last one.
  const adminChanges = options.addOns !== undefined || (await hasAdmin(outDir));
  if (render.size === 0 && (siteWideCurrent || options.only) && !adminChanges) {
    // Nothing changed: the output already is what this build would write.
    const reports = campaigns.map((campaign) => recordReport(campaign, previous?.campaigns[campaign.slug]));
    for (const report of reports) options.onCampaign?.(report);
    return {
      campaigns: reports,
      pages:
        reports.reduce((sum, report) => sum + report.pages, 0) +
        SITE_WIDE_FILES.filter((f) => f.endsWith(".html")).length,
      images: 0,
      upToDate: true,
      kit: { rendered: 0, reused: 0 },
      shareImages: { rendered: 0, reused: campaigns.reduce((sum, c) => sum + c.languages.length * 3, 0) },
      reusedCampaigns: campaigns.length,
      seconds: (performance.now() - started) / 1000,
      outDir,
      warnings,
      timings: timings.entries(),
    };
  }

  await removeStaleStaging(outDir);
  const staging = `${outDir}.building-${process.pid}`;
  // Ctrl-C or a kill during the build: drop the staging folder, leave the output as it was.
  const interrupted = (signal: NodeJS.Signals) => {
    rmSync(staging, { recursive: true, force: true });
    console.error(`\nInterrupted (${signal}): the previous output is unchanged.`);
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    await fs.mkdir(staging, { recursive: true });
    // Loaded only now: a build with nothing to do never loads Eleventy, sharp or the image tools.
    const { siteData, verifySite } = await timings.measure("load modules", async () => ({
      ...(await import("../site/data.ts")),
      ...(await import("../site/verify.ts")),
    }));
    const data = await siteData(campaigns, { ...paths, render, timings, kit: options.kit });
    const written = await timings.measure("pages", () => renderSite(staging, data));
    await timings.measure("checks", () => verifySite(staging, campaigns, { folders: [...render] }));
    await timings.measure("swap", async () => {
      for (const slug of reusable) await linkTree(path.join(outDir, slug), path.join(staging, slug));
      if (options.only) await keepOtherOutput(outDir, staging, new Set(options.only));
      await removeAdmins(staging);
      await options.addOns?.(staging);
      for (const note of await writeHeaders(staging))
        warnings.push({ file: path.join(outDir, HEADERS_FILE), message: note });
      await swapIn(staging, outDir);
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
        reports.reduce((sum, report) => sum + report.pages, 0) +
        written.filter((file) => !file.includes("/") && file.endsWith(".html")).length,
      images: written.filter((file) => /\.(png|jpe?g|webp|avif)$/.test(file)).length,
      upToDate: false,
      kit: data.kit,
      shareImages: { rendered: data.images.rendered, reused: data.images.reused + reusedImages },
      reusedCampaigns: reusable.size,
      seconds: (performance.now() - started) / 1000,
      outDir,
      warnings,
      timings: timings.entries(),
    };
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    process.removeListener("SIGINT", interrupted);
    process.removeListener("SIGTERM", interrupted);
  }
}

/**
 * Every campaign validated, reading back those unchanged since they were last validated (kept in
 * .cache/validated under the hash of their folder and of the generator), with the generator
 * fingerprint that keyed them.
 */
export async function validatedCampaigns(
  options: Pick<BuildOptions, "root" | "campaignsDir" | "only" | "baseUrl" | "pseudo">,
): Promise<{ campaigns: Campaign[]; generator: string }> {
  const paths = projectPaths(options.root);
  // Another address changes every page, so it is part of what the output depends on.
  // With pseudo-languages every campaign has two more, so it is a different output too.
  const generator =
    withBaseUrl(await generatorFingerprint(options.root), options.baseUrl) +
    (options.pseudo ? "+pseudo" : "");
  const loaded = await loadCampaigns(options.campaignsDir ?? paths.campaignsDir, {
    templatesDir: paths.templatesDir,
    checkImage: imageChecker(paths.cacheDir),
    only: options.only,
    memo: {
      dir: path.join(paths.cacheDir, "validated"),
      fingerprint: (dir) => campaignFingerprint(dir, generator),
    },
  });
  const published = options.baseUrl ? loaded.map((c) => publishedAt(c, options.baseUrl as string)) : loaded;
  const campaigns = options.pseudo
    ? published.map((await import("../translations/pseudo.ts")).withPseudoLanguages)
    : published;
  return { campaigns, generator };
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
  const site = siteFingerprint(generator, fingerprints);
  const siteWideCurrent =
    !options.only &&
    previous?.site === site &&
    (await Promise.all(SITE_WIDE_FILES.map((file) => exists(path.join(outDir, file))))).every(Boolean);
  return { fingerprints, previous, reusable, site, siteWideCurrent };
}

/** Runs Eleventy with the already-validated data; returns the output paths it wrote, relative. */
async function renderSite(outDir: string, data: SiteData): Promise<string[]> {
  const { Eleventy } = await import("@11ty/eleventy");
  const eleventy = new Eleventy(ROUTES_DIR, outDir, {
    configPath: eleventyConfigPath(),
    quietMode: true,
    config: (eleventyConfig) => {
      eleventyConfig.addGlobalData("site", data);
    },
  });
  await eleventy.write();
  return listFiles(outDir);
}

/** The Eleventy configuration beside this module: src/site/eleventy-config.ts, or the .js in dist/. */
export function eleventyConfigPath(): string {
  const here = fileURLToPath(import.meta.url);
  return path.join(CODE_DIR, "site", `eleventy-config${path.extname(here)}`);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
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

/** Replaces outDir with staging in two renames, so the output is never half-written. */
async function swapIn(staging: string, outDir: string): Promise<void> {
  const previous = `${outDir}.previous-${process.pid}`;
  const hadOutput = await exists(outDir);
  if (hadOutput) await fs.rename(outDir, previous);
  try {
    await fs.rename(staging, outDir);
  } catch (error) {
    if (hadOutput) await fs.rename(previous, outDir);
    throw error;
  }
  if (hadOutput) await fs.rm(previous, { recursive: true, force: true });
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/** Staging folders left by a build that was killed outright (SIGKILL, power loss). */
async function removeStaleStaging(outDir: string): Promise<void> {
  const parent = path.dirname(outDir);
  const prefix = `${path.basename(outDir)}.building-`;
  for (const name of await fs.readdir(parent).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (pid !== process.pid && !isRunning(pid))
      await fs.rm(path.join(parent, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
