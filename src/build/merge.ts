/**
 * `build --merge <dirs…>`: the outputs of `build --shard k/n`, one per share, put together into
 * one site. Every campaign folder is linked in as its shard built it; the site-wide files are
 * written from the shards' records exactly as a single build writes them from its campaigns
 * (site-wide.ts), and `_headers` from every page, so the site is byte for byte the one a single
 * build makes. Staged and swapped in like a build.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { CampaignError, type Problem } from "../campaign/index.ts";
import { projectPaths } from "../project/paths.ts";
import { HEADERS_FILE, writeHeaders } from "../site/headers.ts";
import { generatorFingerprint, linkTree } from "./incremental.ts";
import { readShardRecord, SHARD_RECORD, type ShardRecord } from "./shard.ts";
import { newestFirst } from "./site-wide.ts";
import { stage } from "./staging.ts";

export interface MergeOptions {
  /** The project whose templates write the site-wide files (the shards' own checkout). */
  root: string;
  /** The shards' output folders. */
  dirs: string[];
  outDir?: string;
}

export interface MergeReport {
  outDir: string;
  shards: number;
  campaigns: number;
  seconds: number;
  warnings: Problem[];
}

export async function mergeShards(options: MergeOptions): Promise<MergeReport> {
  const started = performance.now();
  const outDir = path.resolve(options.outDir ?? path.join(options.root, "_site"));
  const dirs = options.dirs.map((dir) => path.resolve(dir));
  const records = await Promise.all(dirs.map(readShardRecord));
  const problems: Problem[] = records.flatMap((record, index) =>
    typeof record === "string" ? [{ file: dirs[index], message: record }] : [],
  );
  if (problems.length > 0) throw new CampaignError(problems);
  const shards = records as ShardRecord[];
  checkShards(shards, dirs, await generatorFingerprint(options.root));

  const index = newestFirst(shards.flatMap((shard) => shard.index));
  const warnings: Problem[] = [];
  const staging = await stage(outDir);
  try {
    for (const dir of dirs) {
      for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
        if (entry.name === SHARD_RECORD) continue;
        if (!entry.isDirectory()) {
          throw new CampaignError([
            { file: path.join(dir, entry.name), message: "a shard's output holds only campaign folders" },
          ]);
        }
        await linkTree(path.join(dir, entry.name), path.join(staging.dir, entry.name));
      }
    }
    const { writeSiteWide } = await import("./site-wide.ts");
    const { verifySite } = await import("../site/verify.ts");
    await writeSiteWide(staging.dir, index, projectPaths(options.root).templatesDir);
    await verifySite(staging.dir, index.map(siteCampaign), { folders: [] });
    for (const note of await writeHeaders(staging.dir))
      warnings.push({ file: path.join(outDir, HEADERS_FILE), message: note });
    await staging.swapIn();
  } catch (error) {
    await staging.discard();
    throw error;
  } finally {
    staging.release();
  }
  return {
    outDir,
    shards: shards.length,
    campaigns: index.length,
    seconds: (performance.now() - started) / 1000,
    warnings,
  };
}

function siteCampaign(entry: ShardRecord["index"][number]) {
  return { slug: entry.slug, url: entry.url, languages: entry.languages.map((language) => language.tag) };
}

/**
 * The shards are those of one build: the same count, generator (this checkout's) and options,
 * every share once, every campaign of the repository built by exactly one, each address once.
 */
function checkShards(shards: ShardRecord[], dirs: string[], generator: string): void {
  const problems: Problem[] = [];
  const [first] = shards;
  const count = first.shard.count;
  shards.forEach((shard, index) => {
    const file = path.join(dirs[index], SHARD_RECORD);
    if (shard.shard.count !== count)
      problems.push({
        file,
        message: `shard ${shard.shard.index}/${shard.shard.count} is not one of ${count}`,
      });
    if (shard.generator !== generator)
      problems.push({
        file,
        message:
          "built by another version of the generator, its templates or the project's assets than this checkout: build every shard and merge from the same commit",
      });
    if (shard.variant !== first.variant)
      problems.push({
        file,
        message: "built with other options (--base-url, --pseudo) than the first shard",
      });
    if (shard.campaigns.join("\n") !== first.campaigns.join("\n"))
      problems.push({ file, message: "built from another list of campaigns than the first shard" });
  });
  const seen = new Map<number, string>();
  shards.forEach((shard, index) => {
    const other = seen.get(shard.shard.index);
    if (other)
      problems.push({ file: dirs[index], message: `shard ${shard.shard.index}/${count} is also ${other}` });
    seen.set(shard.shard.index, dirs[index]);
  });
  for (let k = 1; k <= count; k++) {
    if (!seen.has(k)) problems.push({ file: dirs[0], message: `shard ${k}/${count} is missing` });
  }
  const built = new Map<string, string>();
  const urls = new Map<string, string>();
  shards.forEach((shard, index) => {
    for (const entry of shard.index) {
      if (built.has(entry.slug))
        problems.push({ file: dirs[index], message: `${entry.slug} is also in ${built.get(entry.slug)}` });
      built.set(entry.slug, dirs[index]);
      if (urls.has(entry.url))
        problems.push({
          file: dirs[index],
          message: `${entry.url} is the address of ${entry.slug} and of ${urls.get(entry.url)}; each campaign needs its own url`,
        });
      urls.set(entry.url, entry.slug);
    }
  });
  if (problems.length === 0) {
    for (const slug of first.campaigns) {
      if (!built.has(slug)) problems.push({ file: dirs[0], message: `no shard built ${slug}` });
    }
  }
  if (problems.length > 0) throw new CampaignError(problems);
}
