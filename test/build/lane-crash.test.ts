/**
 * A lane's process that dies under a batch (libvips' text rendering can take a process down from
 * a native thread, rarely) costs a fresh process and the batch drawn again, not the build; a batch
 * that keeps killing its process fails the build with the signal named, the output untouched.
 */
import fs from "node:fs/promises";
import path from "node:path";
import * as assert from "uvu/assert";
import { build } from "../../src/build/build.ts";
import { BATCH_RETRIES } from "../../src/build/lanes.ts";
import { FIXTURES, ROOT, tempDir } from "../helpers/fixtures.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("a lane's process that dies");
const state = { work: "", campaignsDir: "", slugs: [] as string[] };

test.before(async () => {
  state.work = await tempDir("campaign-lane-crash-");
  state.campaignsDir = path.join(state.work, "campaigns");
  for (let n = 1; n <= 3; n++) {
    const slug = `edition-${n}`;
    const dir = path.join(state.campaignsDir, slug);
    await fs.cp(path.join(FIXTURES, "campaigns/minimal"), dir, { recursive: true });
    const yaml = await fs.readFile(path.join(dir, "campaign.yaml"), "utf8");
    await fs.writeFile(path.join(dir, "campaign.yaml"), yaml.replace("/minimal/", `/${slug}/`));
    state.slugs.push(slug);
  }
});

test.after(async () => {
  delete process.env.CAMPAIGN_TEST_LANE_CRASHES;
  await fs.rm(state.work, { recursive: true, force: true });
});

/** Builds in batches of one campaign on two lanes, the first `crashes` batches killing their process. */
async function buildWithCrashes(name: string, crashes: number) {
  const claimed = path.join(state.work, `${name}-crashes`);
  await fs.mkdir(claimed);
  process.env.CAMPAIGN_TEST_LANE_CRASHES = `${claimed}:${crashes}`;
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(" "));
  const outDir = path.join(state.work, name);
  try {
    const result = await build({
      root: ROOT,
      campaignsDir: state.campaignsDir,
      outDir,
      lanes: 2,
      batchLanguages: 1,
    }).then(
      (report) => ({ report, error: undefined as unknown }),
      (error: unknown) => ({ report: undefined, error }),
    );
    return { ...result, outDir, warnings, died: (await fs.readdir(claimed)).length };
  } finally {
    console.warn = warn;
    delete process.env.CAMPAIGN_TEST_LANE_CRASHES;
  }
}

test("a batch whose process died is drawn again in a fresh one, and the build completes", async () => {
  const { error, outDir, warnings, died } = await buildWithCrashes("once", 1);
  assert.is(error, undefined, String(error));
  assert.is(died, 1, "no process was made to die: this test proved nothing");
  const retried = warnings.filter((line) =>
    /a build process stopped \(SIGFPE\).*drawing them again/.test(line),
  );
  assert.is(retried.length, 1, warnings.join("\n"));
  for (const slug of state.slugs) await fs.access(path.join(outDir, slug, "en", "index.html"));
});

test("a batch that keeps killing its process fails the build, naming the signal, writing nothing", async () => {
  const { error, outDir, died } = await buildWithCrashes("always", 100);
  assert.ok(error instanceof Error, "the build did not fail");
  assert.match(error.message, "a build process stopped (SIGFPE)");
  assert.ok(died >= BATCH_RETRIES + 1, `only ${died} process(es) died`);
  const written = await fs.readdir(outDir).catch(() => []);
  assert.equal(written, [], "the output folder was written");
});

test.run();
