/**
 * `build --with-admin` writes the admin into the staged output, so it is swapped in with the pages
 * or not at all, and an admin is never kept from an earlier build.
 */
import fs from "node:fs/promises";
import path from "node:path";
import * as assert from "uvu/assert";
import { build } from "../../src/build/build.ts";
import { run } from "../../src/commands/build.ts";
import { fixtureCampaign, ROOT, tempDir } from "../helpers/fixtures.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("cms: the admin in the built output");

const state = {
  campaignsDir: "",
  out: "",
  cleanup: async () => {},
};

test.before(async () => {
  const fixture = await fixtureCampaign();
  // A second campaign beside the first, so a build with --campaign has other output to keep.
  const second = path.join(fixture.campaignsDir, "second");
  await fs.cp(fixture.dir, second, { recursive: true });
  const settings = path.join(second, "campaign.yaml");
  await fs.writeFile(settings, (await fs.readFile(settings, "utf8")).replace("/minimal/", "/second/"));
  state.campaignsDir = fixture.campaignsDir;
  state.out = path.join(await tempDir(), "_site");
  state.cleanup = async () => {
    await fixture.cleanup();
    await fs.rm(path.dirname(state.out), { recursive: true, force: true });
  };
});

test.after(async () => {
  await state.cleanup();
});

/** Runs `campaign build` in this process; returns its exit code and what it printed. */
async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...parts: unknown[]) => lines.push(parts.join(" "));
  try {
    const code = await run(["--campaigns", state.campaignsDir, "--out", state.out, ...args], { root: ROOT });
    return { code, out: lines.join("\n") };
  } finally {
    console.log = log;
  }
}

const exists = (file: string) =>
  fs.stat(path.join(state.out, file)).then(
    () => true,
    () => false,
  );

async function leftovers(): Promise<string[]> {
  const names = await fs.readdir(path.dirname(state.out));
  return names.filter((name) => name !== path.basename(state.out));
}

test("--with-admin: every campaign's admin arrives with the pages, listed in _headers", async () => {
  const result = await cli("--with-admin", "--admin-repo", "gitlab:team/campaigns");
  assert.is(result.code, 0, result.out);
  assert.ok(await exists("minimal/admin/index.html"));
  assert.ok(await exists("second/admin/config.yml"));
  assert.ok(await exists("minimal/en/index.html"));
  const headers = await fs.readFile(path.join(state.out, "_headers"), "utf8");
  assert.match(
    headers,
    /\/minimal\/admin\/\*\n {2}! Content-Security-Policy\n {2}Content-Security-Policy: [^\n]*https:\/\/gitlab\.com/,
  );
  assert.equal(await leftovers(), []);
});

test("a later build without --with-admin, with nothing else changed, keeps no admin", async () => {
  const result = await cli();
  assert.is(result.code, 0, result.out);
  assert.not.ok(await exists("minimal/admin"));
  assert.not.ok(await exists("second/admin"));
  assert.ok(await exists("minimal/en/index.html"));
  // The pages were reused, not drawn again, and the admin left no trace in _headers.
  assert.match(result.out, "Unchanged since the last build, kept as they were: 2 campaign(s)");
  assert.not.match(await fs.readFile(path.join(state.out, "_headers"), "utf8"), "/admin/");
});

test("--campaign: the admin of the campaign built, none kept for the others, none after", async () => {
  await cli("--with-admin");
  const one = await cli("--campaign", "minimal", "--with-admin");
  assert.is(one.code, 0, one.out);
  assert.ok(await exists("minimal/admin/index.html"));
  assert.not.ok(await exists("second/admin"), "the other campaign's admin was kept from the last build");
  assert.ok(await exists("second/en/index.html"));

  const again = await cli("--campaign", "minimal");
  assert.is(again.code, 0, again.out);
  assert.not.ok(await exists("minimal/admin"));
  assert.ok(await exists("minimal/en/index.html"));
  assert.equal(await leftovers(), []);
});

test("a failing admin step leaves the output as it was and no staging folder", async () => {
  await cli("--with-admin");
  const before = await fs.readdir(state.out, { recursive: true });
  const headers = await fs.readFile(path.join(state.out, "_headers"), "utf8");
  const failed = await build({
    root: ROOT,
    campaignsDir: state.campaignsDir,
    outDir: state.out,
    addOns: async (staging) => {
      await fs.mkdir(path.join(staging, "minimal/admin"), { recursive: true });
      throw new Error("the admin could not be written");
    },
  }).then(
    () => undefined,
    (error: Error) => error,
  );
  assert.match(failed?.message ?? "the build succeeded", "the admin could not be written");
  assert.equal((await fs.readdir(state.out, { recursive: true })).sort(), before.sort());
  assert.is(await fs.readFile(path.join(state.out, "_headers"), "utf8"), headers);
  assert.equal(await leftovers(), []);
});

test.run();
