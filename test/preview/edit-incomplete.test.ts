/**
 * The editor starts, and stays up, while a campaign is being edited into shape (a language added
 * before its words): the problem is printed and listed in the editor, never a stack trace, and
 * the page appears once the words are there.
 */
import fs from "node:fs/promises";
import path from "node:path";
import * as assert from "uvu/assert";
import { assertCompiled, type LongRunning, startCompiled } from "../helpers/compiled.ts";
import { FIXTURES, tempDir } from "../helpers/fixtures.ts";
import { rawRequest } from "../helpers/http.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("edit: a campaign being edited into shape");
const state = {} as { project: string; editor: LongRunning; port: number; cookie: string };

const get = (sitePath: string) =>
  rawRequest({
    port: state.port,
    method: "GET",
    path: sitePath,
    headers: { Host: `localhost:${state.port}`, Cookie: state.cookie },
  });

test.before(async () => {
  assertCompiled();
  const project = await tempDir("campaign-incomplete-");
  const dir = path.join(project, "campaigns/minimal");
  await fs.cp(path.join(FIXTURES, "campaigns/minimal"), dir, { recursive: true });
  // Polish added in Settings, its words not written yet.
  const yaml = path.join(dir, "campaign.yaml");
  await fs.writeFile(
    yaml,
    (await fs.readFile(yaml, "utf8")).replace("languages: [en, fr]", "languages: [en, fr, pl]"),
  );
  const editor = startCompiled(["edit", "--port", "0"], project);
  const [, port, token] = await editor.waitFor(/Editor: +http:\/\/localhost:(\d+)\/admin\/\?token=([\w-]+)/);
  Object.assign(state, { project, editor, port: Number(port), cookie: `campaign-preview-${port}=${token}` });
});

test.after(async () => {
  await state.editor?.stop();
  if (state.project) await fs.rm(state.project, { recursive: true, force: true });
});

test("it starts, says what is missing in plain words, and the editor lists it", async () => {
  const output = state.editor.output();
  assert.match(output, "campaigns/minimal/content/page.pl.md: file not found");
  assert.not.match(output, /\s+at .*\.js:\d+/, "a stack trace was printed");
  const status = JSON.parse((await get("/admin/status.json")).body) as { problems: Array<{ where: string }> };
  assert.equal(
    status.problems.map((problem) => problem.where),
    ["campaigns/minimal/content/page.pl.md"],
  );
});

test("once the words are written, the page appears and the editor's list is empty", async () => {
  const content = path.join(state.project, "campaigns/minimal/content");
  await fs.copyFile(path.join(content, "page.en.md"), path.join(content, "page.pl.md"));
  const deadline = Date.now() + 60_000;
  while ((await get("/minimal/pl/")).status !== 200) {
    assert.ok(Date.now() < deadline, `the Polish page never appeared:\n${state.editor.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const status = JSON.parse((await get("/admin/status.json")).body) as { problems: unknown[] };
  assert.equal(status.problems, []);
});

test.run();
