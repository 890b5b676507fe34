/**
 * Builds are reproducible and atomic: the same input gives byte-identical output, and a build
 * interrupted halfway leaves the previous output exactly as it was.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../src/build.ts";
import { fixtureCampaign, ROOT, tempDir } from "./helpers/fixtures.ts";

async function folderHashes(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const file of (await fs.readdir(dir, { recursive: true })).sort()) {
    const full = path.join(dir, file);
    if ((await fs.stat(full)).isFile()) {
      result[file] = crypto
        .createHash("sha256")
        .update(await fs.readFile(full))
        .digest("hex");
    }
  }
  return result;
}

const test = suite("reproducible and atomic builds");

/** A fresh copy of the project (sources, templates, config) with its own empty .cache/. */
async function projectCopy(work: string, name: string): Promise<string> {
  const root = path.join(work, name);
  await fs.mkdir(root, { recursive: true });
  for (const entry of ["src", "templates", "eleventy.config.ts", "package.json", "tsconfig.json"])
    await fs.cp(path.join(ROOT, entry), path.join(root, entry), { recursive: true });
  await fs.symlink(path.join(ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
  return root;
}

function buildIn(root: string, campaignsDir: string): Promise<number | null> {
  const child = spawn(
    path.join(ROOT, "node_modules/.bin/tsx"),
    [path.join(root, "src/cli.ts"), "build", "--campaigns", campaignsDir, "--out", path.join(root, "_site")],
    { cwd: root, stdio: ["ignore", "ignore", "inherit"] },
  );
  return new Promise((resolve) => child.on("exit", (code) => resolve(code)));
}

test("two fresh copies with separate caches build byte-identical output", async () => {
  const { campaignsDir, cleanup } = await fixtureCampaign();
  const work = await tempDir("reproducible-");
  const roots = [await projectCopy(work, "a"), await projectCopy(work, "b")];
  // One after the other in separate processes: nothing is shared but the campaign files.
  for (const root of roots) assert.is(await buildIn(root, campaignsDir), 0);
  const [a, b] = [
    await folderHashes(path.join(roots[0], "_site")),
    await folderHashes(path.join(roots[1], "_site")),
  ];
  assert.ok(Object.keys(a).length > 10);
  assert.ok(
    Object.keys(a).some((file) => file.endsWith("-og.png")),
    "no share image was built",
  );
  for (const root of roots) {
    const drawn = (await fs.readdir(path.join(root, ".cache/social"))).filter((f) => f.endsWith(".png"));
    assert.ok(drawn.length >= 6, `${root}: each copy draws its own images into its own cache`);
  }
  assert.equal(a, b);
  await cleanup();
  await fs.rm(work, { recursive: true });
});

test("a rebuild with nothing changed keeps the output; a changed campaign alone is rebuilt", async () => {
  const { campaignsDir, dir, cleanup } = await fixtureCampaign();
  await fs.cp(dir, path.join(campaignsDir, "second"), { recursive: true });
  const secondYaml = path.join(campaignsDir, "second/campaign.yaml");
  await fs.writeFile(secondYaml, (await fs.readFile(secondYaml, "utf8")).replace("/minimal/", "/second/"));
  const out = path.join(await tempDir("incremental-"), "_site");
  const first = await build({ root: ROOT, campaignsDir, outDir: out });
  assert.equal([first.upToDate, first.reusedCampaigns], [false, 0]);
  const before = await folderHashes(out);

  const again = await build({ root: ROOT, campaignsDir, outDir: out });
  assert.equal([again.upToDate, again.shareImages.rendered], [true, 0]);
  assert.equal(await folderHashes(out), before);

  const yaml = path.join(dir, "campaign.yaml");
  await fs.writeFile(yaml, (await fs.readFile(yaml, "utf8")).replace("2024-07-30", "2024-07-29"));
  const changed = await build({ root: ROOT, campaignsDir, outDir: out });
  assert.equal([changed.upToDate, changed.reusedCampaigns], [false, 1]);
  const after = await folderHashes(out);
  const differing = Object.keys(after).filter((file) => after[file] !== before[file]);
  assert.ok(differing.length > 0);
  assert.equal(
    differing.filter((file) => file.startsWith("second/")),
    [],
    "the unchanged campaign was rewritten",
  );

  // A reused folder that was damaged since is rebuilt, not trusted.
  await fs.rm(path.join(out, "second/fr/index.html"));
  const repaired = await build({ root: ROOT, campaignsDir, outDir: out });
  assert.is(repaired.reusedCampaigns, 1);
  await fs.access(path.join(out, "second/fr/index.html"));
  await cleanup();
  await fs.rm(path.dirname(out), { recursive: true });
});

test("a build interrupted halfway leaves the previous output unchanged", async () => {
  const { campaignsDir, dir, cleanup } = await fixtureCampaign();
  const work = await tempDir("interrupted-");
  const out = path.join(work, "_site");
  await build({ root: ROOT, campaignsDir, outDir: out });
  const before = await folderHashes(out);

  // A change that forces new share images, so the second build has real work to be stopped in.
  const yaml = path.join(dir, "campaign.yaml");
  await fs.writeFile(
    yaml,
    (await fs.readFile(yaml, "utf8")).replace('primary: "#1d4ed8"', 'primary: "#1e3a8a"'),
  );
  // Node itself with tsx's loader, not the tsx command: that relays a signal and kills the build
  // outright when it does not answer within 30 ms, which a busy machine can make it miss.
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "src/cli.ts"), "build", "--campaigns", campaignsDir, "--out", out],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  // Stop it once its staging folder exists, that is, halfway through.
  const staging = async () => (await fs.readdir(work)).some((name) => name.startsWith("_site.building-"));
  const deadline = Date.now() + 60_000;
  while (!(await staging()) && Date.now() < deadline && child.exitCode === null)
    await new Promise((r) => setTimeout(r, 5));
  assert.ok(await staging(), "the build never started writing");
  child.kill("SIGINT");
  const code = await new Promise<number | null>((resolve) => child.on("exit", (exit) => resolve(exit)));
  assert.is(code, 130);
  assert.equal(await folderHashes(out), before);
  assert.equal((await fs.readdir(work)).sort(), ["_site"], "the staging folder was left behind");
  await cleanup();
  await fs.rm(work, { recursive: true });
});

test.run();
