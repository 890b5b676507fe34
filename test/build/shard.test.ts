/**
 * Builds beyond one machine: `build --shard k/n` builds a stable share of the campaigns, and
 * `build --merge` puts the shards together into the very site a single build makes, byte for byte.
 * The single build here runs in batches of one campaign on two lanes (this process and a child
 * process), so it also shows that rendering in batches changes nothing.
 */
import fs from "node:fs/promises";
import path from "node:path";
import * as assert from "uvu/assert";
import { build } from "../../src/build/build.ts";
import { mergeShards } from "../../src/build/merge.ts";
import { inShard, readShardRecord, SHARD_RECORD, type ShardRecord } from "../../src/build/shard.ts";
import { CampaignError } from "../../src/campaign/index.ts";
import { assertCompiled, runCompiled } from "../helpers/compiled.ts";
import { FIXTURES, ROOT, tempDir } from "../helpers/fixtures.ts";
import { folderHashes } from "../helpers/project-copy.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("build --shard and --merge");
const COUNT = 3;
const state = { work: "", campaignsDir: "", slugs: [] as string[] };
const shardOf = (slug: string) =>
  Array.from({ length: COUNT }, (_, k) => k + 1).filter((k) => inShard(slug, { index: k, count: COUNT }));
const shardDir = (k: number) => path.join(state.work, `shard-${k}`);

test.before(async () => {
  state.work = await tempDir("campaign-shards-");
  state.campaignsDir = path.join(state.work, "campaigns");
  // Campaigns until every shard has one, each its own address and day (the newest is not the first).
  const taken = new Set<number>();
  for (let n = 1; taken.size < COUNT || state.slugs.length < COUNT + 1; n++) {
    const slug = `edition-${n}`;
    const dir = path.join(state.campaignsDir, slug);
    await fs.cp(path.join(FIXTURES, "campaigns/minimal"), dir, { recursive: true });
    const yaml = await fs.readFile(path.join(dir, "campaign.yaml"), "utf8");
    await fs.writeFile(
      path.join(dir, "campaign.yaml"),
      yaml.replace("/minimal/", `/${slug}/`).replace("2024-07-30", `2024-0${1 + ((n * 5) % 9)}-1${n % 10}`),
    );
    state.slugs.push(slug);
    taken.add(shardOf(slug)[0]);
  }
});

test.after(async () => {
  await fs.rm(state.work, { recursive: true, force: true });
});

test("each campaign falls in exactly one share, by its slug alone", () => {
  for (const slug of [...state.slugs, "another-2031", "x"]) assert.is(shardOf(slug).length, 1, slug);
  assert.equal(shardOf("edition-1"), shardOf("edition-1"));
});

test("the shards merged are the single build, byte for byte", async () => {
  const single = path.join(state.work, "single");
  const report = await build({
    root: ROOT,
    campaignsDir: state.campaignsDir,
    outDir: single,
    lanes: 2,
    batchLanguages: 1,
  });
  assert.is(report.cpu.lanes, 2);
  for (let k = 1; k <= COUNT; k++) {
    await build({
      root: ROOT,
      campaignsDir: state.campaignsDir,
      outDir: shardDir(k),
      shard: { index: k, count: COUNT },
    });
    const record = (await readShardRecord(shardDir(k))) as ShardRecord;
    const own = state.slugs.filter((slug) => shardOf(slug)[0] === k).sort();
    assert.equal(record.index.map((entry) => entry.slug).sort(), own);
    assert.equal(record.campaigns, [...state.slugs].sort());
    // Only its campaigns and the record: the site-wide files are the merge's.
    assert.equal((await fs.readdir(shardDir(k))).sort(), [...own, SHARD_RECORD].sort());
  }
  const merged = path.join(state.work, "merged");
  const result = await mergeShards({
    root: ROOT,
    dirs: [3, 1, 2].map(shardDir),
    outDir: merged,
  });
  assert.is(result.campaigns, state.slugs.length);
  const [a, b] = [await folderHashes(single), await folderHashes(merged)];
  assert.ok(Object.keys(a).length > 50);
  for (const file of ["index.html", "404.html", "sitemap.xml", "robots.txt", "_headers", "index.css"])
    assert.ok(a[file], `${file} missing from the single build`);
  // The fonts are cut per campaign in its batch, and the archive's with the site-wide files.
  for (const folder of ["index.fonts/", `${state.slugs[0]}/assets/fonts/`])
    assert.ok(
      Object.keys(a).some((file) => file.startsWith(folder) && file.endsWith(".woff2")),
      `no fonts in ${folder}`,
    );
  assert.equal(b, a);
});

test("a missing shard, or one built twice, is refused", async () => {
  const refused = async (dirs: string[]) => {
    try {
      await mergeShards({ root: ROOT, dirs, outDir: path.join(state.work, "refused") });
      return [];
    } catch (error) {
      assert.instance(error, CampaignError);
      return (error as CampaignError).problems.map((problem) => problem.message);
    }
  };
  assert.ok((await refused([shardDir(1), shardDir(2)])).includes(`shard 3/${COUNT} is missing`));
  const twice = await refused([shardDir(1), shardDir(1), shardDir(2), shardDir(3)]);
  assert.ok(
    twice.some((message) => message.startsWith(`shard 1/${COUNT} is also`)),
    twice.join("\n"),
  );
  assert.ok(
    (await refused([state.work])).some((message) => message.includes("not the output of build --shard")),
  );
  const missing = path.join(state.work, "never-built");
  assert.equal(await refused([shardDir(1), missing]), [
    "no such folder. --merge expects the output folders (--out) of build --shard k/n: build that shard first, or give the folder it was written to",
  ]);
});

test("the command refuses a share or shards it cannot use, saying which and how to fix it", async () => {
  assertCompiled();
  const cases: Array<[string[], number, string]> = [
    [
      ["--shard", "3/2"],
      2,
      '--shard: expected k/n with 1 ≤ k ≤ n, such as 2/4 (the second of four), got "3/2"',
    ],
    [
      ["--shard", "two"],
      2,
      '--shard: expected k/n with 1 ≤ k ≤ n, such as 2/4 (the second of four), got "two"',
    ],
    [["--merge"], 2, "--merge: name the shards' output folders."],
    [
      ["--merge", "never-built"],
      1,
      "never-built: no such folder. --merge expects the output folders (--out)",
    ],
  ];
  for (const [args, code, message] of cases) {
    const result = await runCompiled(["build", ...args], state.work);
    assert.is(result.code, code, `build ${args.join(" ")}: ${result.stderr}`);
    assert.match(result.stderr, message);
    assert.not.match(result.stderr, /^\s+at /m, "a stack trace was printed");
  }
});

test.run();
