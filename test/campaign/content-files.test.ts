import fs from "node:fs/promises";
import path from "node:path";
import * as assert from "uvu/assert";
import { contentFile, languageOfContentFile } from "../../src/campaign/content-files.ts";
import { CampaignError, formatProblem } from "../../src/campaign/index.ts";
import { loadCampaign } from "../../src/campaign/load.ts";
import { run } from "../../src/commands/migrate-content.ts";
import { fixtureCampaign, ROOT, TEMPLATES } from "../helpers/fixtures.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("content files: page.<lang>.md and the old layout");

/** The minimal fixture with its words back in the old layout, content/<lang>.md. */
async function oldLayout() {
  const fixture = await fixtureCampaign();
  for (const lang of ["en", "fr"]) {
    await fs.rename(contentFile(fixture.dir, lang), path.join(fixture.dir, "content", `${lang}.md`));
  }
  return fixture;
}

/** Runs the command in this process, collecting what it prints. */
async function migrate(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = console.log;
  const error = console.error;
  console.log = (...parts: unknown[]) => out.push(parts.join(" "));
  console.error = (...parts: unknown[]) => err.push(parts.join(" "));
  try {
    const code = await run(argv, { root: ROOT });
    return { code, out: out.join("\n"), err: err.join("\n") };
  } finally {
    console.log = log;
    console.error = error;
  }
}

test("a file's language comes from its name", () => {
  assert.is(languageOfContentFile("page.nl-BE.md"), "nl-BE");
  assert.is(languageOfContentFile("fr.md"), undefined);
  assert.is(languageOfContentFile("page.md"), undefined);
});

test("a campaign in the old layout is told how to migrate, file by file", async () => {
  const { dir, cleanup } = await oldLayout();
  try {
    await loadCampaign(dir, { templatesDir: TEMPLATES });
    assert.unreachable("the old layout loaded");
  } catch (error) {
    assert.instance(error, CampaignError);
    const lines = (error as CampaignError).problems.map((problem) =>
      formatProblem(problem, path.dirname(dir)),
    );
    assert.is(lines.length, 2);
    assert.match(
      lines.join("\n"),
      /^minimal\/content\/page\.en\.md: .*found content\/en\.md in the old layout: run "npm run migrate-content"/m,
    );
  } finally {
    await cleanup();
  }
});

test("migrate-content renames the words byte for byte, and the campaign loads", async () => {
  const { campaignsDir, dir, cleanup } = await oldLayout();
  const before = await fs.readFile(path.join(dir, "content/fr.md"));
  const result = await migrate(["--campaigns", campaignsDir]);
  assert.is(result.code, 0, result.err);
  assert.match(result.out, "2 file(s) renamed");
  assert.equal((await fs.readdir(path.join(dir, "content"))).sort(), ["page.en.md", "page.fr.md"]);
  assert.equal(await fs.readFile(contentFile(dir, "fr")), before);
  const campaign = await loadCampaign(dir, { templatesDir: TEMPLATES });
  assert.equal(campaign.languages, ["en", "fr"]);
  const again = await migrate(["--campaigns", campaignsDir]);
  assert.match(again.out, "already keeps its words");
  await cleanup();
});

test("migrate-content renames nothing when a new name is taken, and says which", async () => {
  const { campaignsDir, dir, cleanup } = await oldLayout();
  await fs.writeFile(contentFile(dir, "fr"), "---\ntitle: t\n---\n");
  const result = await migrate(["--campaigns", campaignsDir]);
  assert.is(result.code, 1);
  assert.match(result.err, /content\/fr\.md: page\.fr\.md exists too; keep the words you want/);
  assert.equal((await fs.readdir(path.join(dir, "content"))).sort(), ["en.md", "fr.md", "page.fr.md"]);
  await cleanup();
});

test.run();
