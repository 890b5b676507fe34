/**
 * The layers of the source tree (.dependency-cruiser.cjs, run by `npm test` on dist/) hold today,
 * and each kind of rule fails when it is broken: an arrow back up, an arrow sideways, a cycle, a
 * development dependency in what runs, a module nothing imports.
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
const test = suite("dependency rules");
const state = {} as { work: string };

/** depcruise over the copy of dist/ in the work folder: exit code and report. */
async function cruise(): Promise<{ code: number; report: string }> {
  try {
    const { stdout } = await run(
      path.join(ROOT, "node_modules/.bin/depcruise"),
      ["dist", "--config", path.join(ROOT, ".dependency-cruiser.cjs"), "--output-type", "err"],
      { cwd: state.work },
    );
    return { code: 0, report: stdout };
  } catch (error) {
    const failure = error as { code: number; stdout: string };
    return { code: failure.code, report: failure.stdout };
  }
}

/** Adds a line to a compiled module (after its source-map comment), runs the rules, restores it. */
async function withLine(module: string, line: string): Promise<{ code: number; report: string }> {
  const file = path.join(state.work, "dist", module);
  const before = await fs.readFile(file, "utf8");
  await fs.writeFile(file, `${before}\n${line}\n`);
  try {
    return await cruise();
  } finally {
    await fs.writeFile(file, before);
  }
}

test.before(async () => {
  assertCompiled();
  state.work = await tempDir("campaign-layers-");
  await fs.cp(path.join(ROOT, "dist"), path.join(state.work, "dist"), { recursive: true });
  await fs.copyFile(path.join(ROOT, "package.json"), path.join(state.work, "package.json"));
  await fs.symlink(path.join(ROOT, "node_modules"), path.join(state.work, "node_modules"), "dir");
});

test.after(async () => {
  if (state.work) await fs.rm(state.work, { recursive: true, force: true });
});

test("the compiled tree keeps every rule", async () => {
  const { code, report } = await cruise();
  assert.is(code, 0, report);
});

test("an arrow back up fails: the campaign model importing the site", async () => {
  const { code, report } = await withLine("campaign/colour.js", 'import "../site/urls.js";');
  assert.is.not(code, 0);
  assert.match(report, "campaign-not-up: dist/campaign/colour.js → dist/site/urls.js");
});

test("an arrow sideways fails: translations importing the site", async () => {
  const { code, report } = await withLine("translations/pseudo.js", 'import "../site/urls.js";');
  assert.is.not(code, 0);
  assert.match(report, "translations-not-sideways");
});

test("a cycle fails", async () => {
  const second = path.join(state.work, "dist/render/queue.js");
  const before = await fs.readFile(second, "utf8");
  await fs.writeFile(second, `${before}\nimport "./memo.js";\n`);
  try {
    const { code, report } = await withLine("render/memo.js", 'import "./queue.js";');
    assert.is.not(code, 0);
    assert.match(report, "no-circular");
  } finally {
    await fs.writeFile(second, before);
  }
});

test("a development dependency in what runs fails", async () => {
  const { code, report } = await withLine("site/urls.js", 'import "playwright-core";');
  assert.is.not(code, 0);
  assert.match(report, "no-dev-dependency");
});

test("a module nothing imports fails", async () => {
  const orphan = path.join(state.work, "dist/render/forgotten.js");
  await fs.writeFile(orphan, "export const forgotten = 1;\n");
  const { code, report } = await cruise();
  await fs.rm(orphan);
  assert.is.not(code, 0);
  assert.match(report, "no-orphans: dist/render/forgotten.js");
});

test.run();
