/**
 * Builds beyond one machine: `build --shard k/n` builds the campaigns whose slug falls in share k
 * of n (by a hash of the slug alone, so a campaign keeps its share as others are added), and
 * leaves beside them a record of what it built; `build --merge <dirs…>` puts the shards together
 * into one site with the same site-wide files, byte for byte, as a single build.
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { IndexEntry } from "../site/data.ts";

export interface ShardSpec {
  /** 1 to count. */
  index: number;
  count: number;
}

/** The record a shard leaves at the top of its output, for the merge. */
export const SHARD_RECORD = "campaign-shard.json";

export interface ShardRecord {
  shard: ShardSpec;
  /** The generator's fingerprint (code, templates, assets, lock file) the shard was built with. */
  generator: string;
  /** What else makes every page: --base-url, --pseudo. */
  variant: string;
  /** Every campaign of the repository, sorted: the shards together must build them all. */
  campaigns: string[];
  /** What the site-wide files need of each campaign this shard built. */
  index: IndexEntry[];
}

/** "2/4" → { index: 2, count: 4 }; undefined when it is not k/n with 1 ≤ k ≤ n. */
export function parseShard(text: string): ShardSpec | undefined {
  const match = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  if (!match) return undefined;
  const [index, count] = [Number(match[1]), Number(match[2])];
  return index >= 1 && index <= count ? { index, count } : undefined;
}

/** Whether the campaign `slug` is built by shard `spec`: the slug's hash, modulo the count. */
export function inShard(slug: string, spec: ShardSpec): boolean {
  const hash = crypto.createHash("sha256").update(slug).digest();
  return (hash.readUInt32BE(0) % spec.count) + 1 === spec.index;
}

export async function writeShardRecord(dir: string, record: ShardRecord): Promise<void> {
  await fs.writeFile(path.join(dir, SHARD_RECORD), `${JSON.stringify(record, null, 2)}\n`);
}

/** A shard's record, or a message saying why the folder (named with it) is not a shard's output. */
export async function readShardRecord(dir: string): Promise<ShardRecord | string> {
  let text: string;
  const folder = await fs.stat(dir).then(
    (stat) => stat.isDirectory(),
    () => false,
  );
  if (!folder) {
    return "no such folder. --merge expects the output folders (--out) of build --shard k/n: build that shard first, or give the folder it was written to";
  }
  try {
    text = await fs.readFile(path.join(dir, SHARD_RECORD), "utf8");
  } catch {
    return `it has no ${SHARD_RECORD}, so it is not the output of build --shard k/n. --merge expects the folders the shards were built into (their --out)`;
  }
  try {
    const record = JSON.parse(text) as ShardRecord;
    if (!record.shard || !Array.isArray(record.index) || !Array.isArray(record.campaigns)) throw new Error();
    return record;
  } catch {
    return `${path.join(dir, SHARD_RECORD)} is not a shard record; build the shard again`;
  }
}
