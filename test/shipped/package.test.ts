/**
 * The generator as a dependency: `npm pack` gives a tarball that installs into an empty folder,
 * where `npx campaign new` and `npx campaign build` work with that folder's own campaigns/ and a
 * template of its own that extends the generator's default. What the Benelux secretariat and
 * each country do in their own repositories.
 */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import * as assert from "uvu/assert";
import { assertCompiled } from "../helpers/compiled.ts";
import { ROOT, tempDir } from "../helpers/fixtures.ts";
import { suite } from "../helpers/suite.ts";

const run = promisify(execFile);
const test = suite("the package, installed in a project of its own");
const state = {} as { project: string; tarball: string; files: string[] };

/** Runs a command in the project; returns its output, or fails with it. */
async function inProject(command: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  try {
    return await run(command, args, { cwd: state.project, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failure = error as { stdout: string; stderr: string; message: string };
    return assert.unreachable(
      `${command} ${args.join(" ")} failed:\n${failure.stdout}\n${failure.stderr}`,
    ) as never;
  }
}

const npx = (...args: string[]) => inProject("npx", ["--no-install", "campaign", ...args]);

test.before(async () => {
  assertCompiled();
  const work = await tempDir("campaign-package-");
  const { stdout } = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  const [packed] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const project = path.join(work, "our-campaigns");
  await fs.mkdir(project);
  await fs.writeFile(path.join(project, "package.json"), '{ "name": "our-campaigns", "private": true }\n');
  Object.assign(state, {
    project,
    tarball: path.join(work, packed.filename),
    files: packed.files.map((file) => file.path),
  });
  await inProject("npm", ["install", state.tarball, "--no-audit", "--no-fund", "--prefer-offline"]);
});

test.after(async () => {
  if (state.project) await fs.rm(path.dirname(state.project), { recursive: true, force: true });
});

test("the tarball holds the command, its compiled code and the templates, not the repository's own", () => {
  for (const needed of [
    "bin/campaign.js",
    "dist/cli.js",
    "dist/cms/admin/index.html",
    "dist/site/routes/campaign.njk",
  ])
    assert.ok(state.files.includes(needed), `${needed} is not in the tarball`);
  assert.ok(state.files.includes("dist/i18n/strings/en.json"));
  assert.ok(state.files.includes("templates/default/campaign.njk"));
  assert.ok(state.files.includes("schema/campaign.schema.json"));
  for (const left of ["src/", "test/", "campaigns/", "scripts/", ".ci/", "assets/"])
    assert.not.ok(
      state.files.some((file) => file.startsWith(left)),
      `${left} should not ship`,
    );
});

test("npx campaign new makes a campaign in the project, with the next steps in npx form", async () => {
  const { stdout } = await npx("new", "blue-heart-2026-xx");
  assert.match(stdout, "Created campaigns/blue-heart-2026-xx/");
  assert.match(stdout, "npx campaign check --publish --campaign blue-heart-2026-xx");
  const yaml = await fs.readFile(
    path.join(state.project, "campaigns/blue-heart-2026-xx/campaign.yaml"),
    "utf8",
  );
  const schema = /\$schema=(\S+)/.exec(yaml)?.[1] as string;
  assert.is(schema, "../../node_modules/awareness-campaigns/schema/campaign.schema.json");
  await fs.access(path.join(state.project, "campaigns/blue-heart-2026-xx", schema));
});

test("a template of the project's own extends the package's default; check and build use it", async () => {
  const harbour = path.join(state.project, "templates/harbour");
  await fs.mkdir(harbour, { recursive: true });
  await fs.writeFile(path.join(harbour, "template.json"), '{ "extends": "default" }\n');
  await fs.writeFile(
    path.join(harbour, "emblem.svg"),
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120"><title>Lighthouse</title><path d="M50 96 L54 40 H66 L70 96 Z"/></svg>\n',
  );
  const settings = path.join(state.project, "campaigns/blue-heart-2026-xx/campaign.yaml");
  await fs.writeFile(
    settings,
    (await fs.readFile(settings, "utf8")).replace(/^template: .*$/m, "template: harbour"),
  );

  assert.match((await npx("check")).stdout, "✓ blue-heart-2026-xx");
  const { stdout } = await npx("build");
  assert.match(stdout, /✓ blue-heart-2026-xx: 1 languages?, \d+ pages/);
  const page = await fs.readFile(path.join(state.project, "_site/blue-heart-2026-xx/en/index.html"), "utf8");
  assert.match(page, 'd="M50 96 L54 40 H66 L70 96 Z"', "the project's emblem is not on the page");
  for (const file of [
    "_headers",
    "blue-heart-2026-xx/en/share/blue-heart-2026-xx-en-og.png",
    "blue-heart-2026-xx/en/poster-a4.pdf",
  ]) {
    await fs.access(path.join(state.project, "_site", file));
  }
});

test("an unknown template names the project's and the package's templates", async () => {
  const settings = path.join(state.project, "campaigns/blue-heart-2026-xx/campaign.yaml");
  const text = await fs.readFile(settings, "utf8");
  await fs.writeFile(settings, text.replace(/^template: .*$/m, "template: harbor"));
  const result = await run("npx", ["--no-install", "campaign", "check"], { cwd: state.project }).catch(
    (error) => error as { code: number; stderr: string },
  );
  await fs.writeFile(settings, text);
  assert.is((result as { code: number }).code, 1);
  assert.match((result as { stderr: string }).stderr, 'unknown template "harbor"');
  assert.match((result as { stderr: string }).stderr, "benelux, default, harbour");
});

test.run();
