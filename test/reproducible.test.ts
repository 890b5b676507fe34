/**
 * Builds are reproducible and atomic: the same input gives byte-identical output, and a build
 * interrupted halfway leaves the previous output exactly as it was.
 */
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../src/build/build.ts";
import { fixtureCampaign, ROOT, tempDir } from "./helpers/fixtures.ts";
import { folderHashes, projectCopy } from "./helpers/project-copy.ts";
import { FAR_ZONES, runInZone } from "./helpers/time-zones.ts";

const test = suite("reproducible and atomic builds");

/**
 * Builds campaignsDir with the project copy at `root` in a new process whose time zone is `zone`,
 * its clock set to `now`.
 */
function buildIn(root: string, campaignsDir: string, zone: string, now: string): Promise<string> {
  const args = ["build", "--campaigns", campaignsDir, "--out", path.join(root, "_site")];
  return runInZone(zone, now, path.join(root, "src/cli.ts"), args, root);
}

/** 12:00 UTC on 29 July 2024: already 30 July, the campaign's day, in Kiritimati; 29 July in Pago Pago. */
const BUILT_AT = "2024-07-29T12:00:00Z";

test("two fresh copies with separate caches, built in time zones 25 hours apart, give byte-identical output dated the campaign's day", async () => {
  const { campaignsDir, cleanup } = await fixtureCampaign({
    yaml: (text) =>
      text.replace(
        "    country: BE\n",
        '    country: BE\n    hours: "Mo-Fr 09:00-17:00; Sa 10:00-12:00; PH off"\n',
      ),
  });
  const work = await tempDir("reproducible-");
  const roots = [await projectCopy(work, "a"), await projectCopy(work, "b")];
  // One after the other in separate processes: nothing is shared but the campaign files.
  for (const [index, root] of roots.entries()) await buildIn(root, campaignsDir, FAR_ZONES[index], BUILT_AT);
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
  // Identical, and right: the campaign's day (2024-07-30), not the day of either build.
  const site = path.join(roots[1], "_site/minimal");
  const read = (file: string) => fs.readFile(path.join(site, file), "utf8");
  for (const [lang, written] of [
    // A date is never broken across lines: no-break spaces.
    ["en", "July\u00a030,\u00a02024"],
    ["fr", "30\u00a0juillet\u00a02024"],
  ]) {
    assert.match(await read(`${lang}/index.html`), `<time datetime="2024-07-30">${written}</time>`);
    const calendar = await read(`${lang}/calendar.ics`);
    assert.match(calendar, "DTSTART;VALUE=DATE:20240730\r\n");
    assert.match(calendar, "DTEND;VALUE=DATE:20240731\r\n");
  }
  assert.match(await read("en/index.html"), /9:00\sAM\s–\s5:00\sPM/);
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
