/**
 * The "Make your own template" example of docs/templates.md works as written: its files are taken
 * from the page's text, put beside default and benelux, and a campaign using the template is built.
 * (The example used to be in the README, hence the file's name.)
 */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { parse } from "node-html-parser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { ROOT, tempDir } from "../helpers/fixtures.ts";

/** `templates/harbour/<file>`: followed by a fenced block, in the page's own order. */
export async function readmeTemplateFiles(): Promise<Map<string, string>> {
  const page = await fs.readFile(path.join(ROOT, "docs/templates.md"), "utf8");
  const start = /^#+ Make your own template$/m.exec(page)?.index;
  assert.ok(start !== undefined, 'docs/templates.md has no "Make your own template" heading');
  const section = page.slice(start);
  const files = new Map<string, string>();
  for (const match of section.matchAll(
    /`(templates\/harbour\/[^`]+)`[^\n]*\n(?:[^\n]+\n)*\n```[a-z]*\n([\s\S]*?)```/g,
  )) {
    files.set(match[1], match[2]);
  }
  return files;
}

const run = promisify(execFile);

const test = suite("docs/templates.md: make your own template");

test("the example's files are in docs/templates.md", async () => {
  assert.equal([...(await readmeTemplateFiles()).keys()].sort(), [
    "templates/harbour/additions.css.njk",
    "templates/harbour/emblem.svg",
    "templates/harbour/partials/kit-calendar.njk",
    "templates/harbour/template.json",
    "templates/harbour/tokens.css.njk",
  ]);
});

test("a campaign with the example template builds with its colours, emblem and partial", async () => {
  const root = await tempDir("readme-template-");
  // The page routes and shared partners as in the project; templates/ with harbour added.
  await fs.cp(path.join(ROOT, "src/site/routes"), path.join(root, "src/site/routes"), { recursive: true });
  await fs.symlink(path.join(ROOT, "assets"), path.join(root, "assets"));
  await fs.cp(path.join(ROOT, "templates"), path.join(root, "templates"), { recursive: true });
  for (const [file, text] of await readmeTemplateFiles()) {
    await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await fs.writeFile(path.join(root, file), text);
  }
  const campaign = path.join(root, "campaigns/harbour-2021");
  await fs.cp(path.join(ROOT, "campaigns/benelux-2021"), campaign, { recursive: true });
  const yaml = await fs.readFile(path.join(campaign, "campaign.yaml"), "utf8");
  await fs.writeFile(
    path.join(campaign, "campaign.yaml"),
    yaml
      .replace(/^languages:.*$/m, "languages: [en]")
      .replace(/^template:.*$/m, "template: harbour")
      .replace(/^url:.*$/m, "url: https://www.example.org/harbour-2021/"),
  );
  for (const tag of ["fr", "nl"]) await fs.rm(path.join(campaign, `content/page.${tag}.md`));
  // Built from the copy's own folder: Eleventy reads its page routes and includes relative to
  // the working directory (src/site/eleventy-config.ts), as when the project is run there.
  const script = path.join(root, "build.mts");
  await fs.writeFile(
    script,
    `import { build } from ${JSON.stringify(pathToFileURL(path.join(ROOT, "src/build/build.ts")).href)};\nawait build({ root: process.cwd() });\n`,
  );
  await run(path.join(ROOT, "node_modules/.bin/tsx"), [script], { cwd: root });
  const outDir = path.join(root, "_site");

  const page = parse(await fs.readFile(path.join(outDir, "harbour-2021/en/index.html"), "utf8"));
  assert.is(page.querySelector(".hero-emblem title"), null, "the emblem is decorative");
  assert.ok(page.querySelector(".hero-emblem svg")?.toString().includes("M50 96 L54 40"), "harbour's emblem");
  assert.ok(page.querySelector(".kit-calendar a.cta"), "harbour's calendar partial");
  assert.ok(page.querySelector(".hotline-list"), "default's hotline partial");
  const css = await fs.readFile(path.join(outDir, "harbour-2021/assets/site.css"), "utf8");
  assert.match(css, /--button-radius: 0;/);
  assert.match(css, /border-block-start: 0\.75rem solid var\(--primary\)/);
  await fs.rm(root, { recursive: true, force: true });
});

test.run();
