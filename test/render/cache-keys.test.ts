/**
 * Caches know their code: with a copy of the generator, a change to one producer's source makes
 * exactly that producer's artefacts again on the next build, and nothing else.
 */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import * as assert from "uvu/assert";
import { FIXTURES, ROOT, tempDir } from "../helpers/fixtures.ts";
import { suite } from "../helpers/suite.ts";

const run = promisify(execFile);
const test = suite("cache keys follow the code");
const state = {} as { work: string; generator: string; project: string };

async function build(): Promise<string> {
  const { stdout } = await run(
    path.join(ROOT, "node_modules/.bin/tsx"),
    [path.join(state.generator, "src/cli.ts"), "build"],
    { cwd: state.project, maxBuffer: 16 * 1024 * 1024 },
  );
  return stdout;
}

/** The files of each cache folder (share images, kit, logos). */
async function cached(): Promise<Record<string, Set<string>>> {
  const result: Record<string, Set<string>> = {};
  for (const folder of ["social", "kit", "logos"]) {
    const dir = path.join(state.project, ".cache", folder);
    const files = await fs.readdir(dir, { recursive: true }).catch(() => [] as string[]);
    result[folder] = new Set(files.filter((file) => path.extname(file) !== ""));
  }
  return result;
}

const added = (before: Set<string>, after: Set<string>) =>
  [...after].filter((file) => !before.has(file)).sort();

test.before(async () => {
  const work = await tempDir("campaign-cache-keys-");
  const generator = path.join(work, "generator");
  for (const part of ["src", "templates", "package.json"]) {
    await fs.cp(path.join(ROOT, part), path.join(generator, part), { recursive: true });
  }
  await fs.symlink(path.join(ROOT, "node_modules"), path.join(generator, "node_modules"), "dir");
  const project = path.join(work, "project");
  await fs.cp(path.join(FIXTURES, "campaigns/minimal"), path.join(project, "campaigns/minimal"), {
    recursive: true,
  });
  Object.assign(state, { work, generator, project });
  await build();
});

test.after(() => fs.rm(state.work, { recursive: true, force: true }));

test("a change to the calendar's code makes the calendars (and the zips holding them) again, nothing else", async () => {
  const before = await cached();
  await fs.appendFile(
    path.join(state.generator, "src/kit/calendar.ts"),
    "\n// A change to how calendars are written.\n",
  );
  const output = await build();
  const after = await cached();
  assert.match(output, "Share images: 0 rendered");
  assert.match(output, "Launch-day kit: 2 files made");
  assert.equal(added(before.social, after.social), [], "share images were drawn again");
  assert.equal(added(before.logos, after.logos), [], "logos were drawn again");
  const kit = added(before.kit, after.kit);
  assert.equal(
    kit.map((file) => path.extname(file)).sort(),
    [".ics", ".ics", ".zip", ".zip", ".zip"],
    `made again: ${kit.join(", ")}`,
  );
});

test("a change to the poster's line breaking makes the posters again, not the share images", async () => {
  const before = await cached();
  await fs.appendFile(
    path.join(state.generator, "src/render/line-breaking.ts"),
    "\n// Lines now break elsewhere.\n",
  );
  const output = await build();
  const after = await cached();
  assert.match(output, "Share images: 0 rendered");
  const kit = added(before.kit, after.kit).map((file) => path.extname(file));
  // Two languages, four PDFs each: A4 and A3, and their print shop's copies.
  assert.equal(kit.filter((extension) => extension === ".pdf").length, 8, kit.join(", "));
  assert.equal(kit.filter((extension) => extension === ".ics").length, 0, kit.join(", "));
  assert.equal(added(before.social, after.social), []);
});

test("a change to the share cards' drawing draws the share images again, not the kit", async () => {
  const before = await cached();
  await fs.appendFile(
    path.join(state.generator, "src/social/card.ts"),
    "\n// Cards are now drawn otherwise.\n",
  );
  const output = await build();
  const after = await cached();
  assert.match(output, "Share images: 6 rendered");
  assert.match(output, "Launch-day kit: 0 files made");
  assert.equal(added(before.social, after.social).length, 6);
});

test.run();
