import fs from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadDesign } from "../../src/social/design.ts";
import { glyphProblems, planShareImages, renderShareImages } from "../../src/social/index.ts";
import { TEMPLATES, tempDir } from "../helpers/fixtures.ts";

const design = await loadDesign(path.join(TEMPLATES, "default"));

const plan = (overrides: Partial<Parameters<typeof planShareImages>[0]> = {}) =>
  planShareImages({
    slug: "demo",
    languagePath: "en",
    lang: "en",
    dir: "ltr",
    theme: { primary: "#1d4ed8", background: "#ffffff" },
    title: "Blue Heart",
    tagline: "Every victim counts",
    dateText: "30 July 2023",
    url: "https://www.example.be/2023/",
    hotlineLabel: "Helpline",
    hotlineNumber: "078 055 800",
    logos: [],
    contentFile: "campaigns/demo/content/page.en.md",
    design,
    ...overrides,
  });

const test = suite("share images");

test("three formats per language, with paths, sizes and an alt text that says what they say", () => {
  const jobs = plan();
  assert.equal(
    jobs.map((job) => [job.image.format, job.image.path, job.image.width, job.image.height]),
    [
      ["og", "/demo/en/share/demo-en-og.png", 1200, 630],
      ["square", "/demo/en/share/demo-en-square.png", 1080, 1080],
      ["story", "/demo/en/share/demo-en-story.png", 1080, 1920],
    ],
  );
  assert.is(jobs[0].image.alt, "Blue Heart. Every victim counts. Helpline: 078 055 800");
});

test("a script no shipped font covers is refused, naming the language and characters", () => {
  const problems = glyphProblems(plan({ lang: "chr", title: "ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ" })[0]);
  assert.is(problems.length, 1);
  assert.is(problems[0].file, "campaigns/demo/content/page.en.md");
  assert.is(problems[0].key, "title");
  assert.match(
    problems[0].message,
    /language "chr" uses characters no shipped font can draw .*"Ꮳ" \(U\+13E3\)/,
  );
  assert.equal(glyphProblems(plan({ title: "Ελληνικά Тест Tiếng Việt العربية ትግርኛ 世界" })[0]), []);
});

test("a second build renders nothing and reuses every image", async () => {
  const cacheDir = await tempDir("share-cache-");
  const jobs = plan();
  const first = await renderShareImages(jobs, cacheDir);
  assert.equal([first.rendered, first.reused], [3, 0]);
  const second = await renderShareImages(jobs, cacheDir);
  assert.equal([second.rendered, second.reused], [0, 3]);
  const changed = await renderShareImages(plan({ tagline: "A new line" }), cacheDir);
  assert.equal([changed.rendered, changed.reused], [3, 0]);
  await fs.rm(cacheDir, { recursive: true });
});

test("text too long for a format is reported against the content file", async () => {
  const cacheDir = await tempDir("share-cache-");
  const report = await renderShareImages(plan({ title: "Words ".repeat(200) }).slice(0, 1), cacheDir);
  assert.is(report.problems.length, 1);
  assert.is(report.problems[0].key, "title");
  assert.match(report.problems[0].message, /^too long for the og share image \(1200×630\)/);
  await fs.rm(cacheDir, { recursive: true });
});

test.run();
