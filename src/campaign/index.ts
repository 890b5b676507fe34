/**
 * The campaigns/ folder as a whole: which campaigns exist, and loading all (or some) of them
 * with every problem of every campaign reported together.
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { CampaignError, type Problem } from "../problems/problem.ts";
import { CAMPAIGN_FILE } from "./files.ts";
import type { Campaign, LoadOptions } from "./load.ts";

export { CampaignError, formatProblem, type Problem } from "../problems/problem.ts";
export type { Content } from "./content.ts";
export type { Hotline } from "./hotline.ts";
export type { Campaign, Partner } from "./load.ts";

import { commandLine } from "../project/paths.ts";
import { SLUG } from "./files.ts";

export { SLUG };

/** Slugs of the folders under `root` that hold a campaign.yaml, sorted. */
export async function listCampaigns(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
  const slugs: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const exists = await fs.stat(path.join(root, entry.name, CAMPAIGN_FILE)).then(
      () => true,
      () => false,
    );
    if (exists) slugs.push(entry.name);
  }
  return slugs.sort();
}

export interface LoadAllOptions extends LoadOptions {
  /** Only these slugs; every one must exist. */
  only?: string[];
  /** Remember validated campaigns in `dir`, keyed by `fingerprint(dir)` of each campaign folder
   * (the caller's hash of its contents and of the validator, templates and UI strings): an
   * unchanged campaign is read back instead of validated again. */
  memo?: { dir: string; fingerprint: (campaignDir: string) => Promise<string> };
}

/** Loads campaigns, newest day first. Throws one CampaignError with every problem found. */
export async function loadCampaigns(root: string, options: LoadAllOptions): Promise<Campaign[]> {
  const all = await listCampaigns(root);
  const problems: Problem[] = [];
  for (const slug of options.only ?? []) {
    if (!all.includes(slug)) {
      problems.push({
        file: path.join(root, slug),
        message: `no campaign "${slug}"; expected a folder with a ${CAMPAIGN_FILE} (campaigns: ${all.join(", ") || "none"})`,
      });
    }
  }
  if (all.length === 0) {
    problems.push({
      file: root,
      message: `no campaigns found; create one with: ${commandLine("new", "<slug>")}`,
    });
  }
  for (const slug of all) {
    if (!SLUG.test(slug)) {
      problems.push({
        file: path.join(root, slug),
        message: `folder name "${slug}" must be lower-case letters, digits and hyphens (it becomes the address)`,
      });
    }
  }
  if (problems.length > 0) throw new CampaignError(problems);

  const slugs = options.only ?? all;
  const results = await Promise.allSettled(
    slugs.map((slug) => loadRemembered(path.join(root, slug), options)),
  );
  const campaigns: Campaign[] = [];
  for (const result of results) {
    if (result.status === "fulfilled") campaigns.push(result.value);
    else if (result.reason instanceof CampaignError) problems.push(...result.reason.problems);
    else throw result.reason;
  }
  const byUrl = new Map<string, string>();
  for (const campaign of campaigns) {
    const other = byUrl.get(campaign.url);
    if (other) {
      problems.push({
        file: path.join(campaign.dir, CAMPAIGN_FILE),
        key: "url",
        message: `${campaign.url} is also the address of campaigns/${other}; each campaign needs its own url`,
      });
    }
    byUrl.set(campaign.url, campaign.slug);
  }
  if (problems.length > 0) throw new CampaignError(problems);
  return campaigns.sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));
}

/** The words of some languages of a campaign read and checked again (see load.ts). */
export async function reloadContent(campaign: Campaign, languages: string[]): Promise<Campaign> {
  return (await import("./load.ts")).reloadContent(campaign, languages);
}

/** The validator (zod, YAML, Markdown) is loaded only when a campaign must be validated. */
async function loadCampaign(dir: string, options: LoadOptions): Promise<Campaign> {
  return (await import("./load.ts")).loadCampaign(dir, options);
}

async function loadRemembered(dir: string, options: LoadAllOptions): Promise<Campaign> {
  if (!options.memo) return loadCampaign(dir, options);
  const fingerprint = await options.memo.fingerprint(path.resolve(dir));
  const key = crypto
    .createHash("sha256")
    .update(path.resolve(dir))
    .update(fingerprint)
    .digest("hex")
    .slice(0, 32);
  const file = path.join(options.memo.dir, `${key}.json`);
  const remembered = await fs.readFile(file, "utf8").then(
    (text) => JSON.parse(text) as Campaign,
    () => undefined,
  );
  if (remembered) return { ...remembered, fingerprint };
  const campaign = { ...(await loadCampaign(dir, options)), fingerprint };
  await fs.mkdir(options.memo.dir, { recursive: true });
  await fs.writeFile(`${file}.${process.pid}.tmp`, JSON.stringify(campaign));
  await fs.rename(`${file}.${process.pid}.tmp`, file);
  return campaign;
}
