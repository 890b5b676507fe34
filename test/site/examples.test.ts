import fs from "node:fs/promises";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { parse } from "node-html-parser";
import sharp from "sharp";
import * as assert from "uvu/assert";
import { exampleSite, htmlPages } from "../helpers/site.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("example campaigns, built");

let site = "";
let pages: string[] = [];
test.before(async () => {
  site = await exampleSite();
  pages = await htmlPages(site);
});

const read = (sitePath: string) =>
  fs.readFile(path.join(site, sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath), "utf8");

test("both examples are built with their languages", async () => {
  for (const page of [
    "/blue-heart-2023-be/fr/",
    "/blue-heart-2023-be/ar/",
    "/blue-heart-2023-be/lb/",
    "/benelux-2021/nl/",
  ]) {
    assert.ok(pages.includes(page), `missing ${page}`);
  }
  const ar = parse(await read("/blue-heart-2023-be/ar/"));
  assert.is(ar.querySelector("html")?.getAttribute("dir"), "rtl");
});

test("every page passes html-validate (recommended) with zero errors", async () => {
  const validator = new HtmlValidate({
    extends: ["html-validate:recommended"],
    rules: {
      // Titles are the campaign's own words, which the team chooses; each page's own name comes
      // first ("Share this campaign – …") so a cut-off title still says what the page is.
      "long-title": "off",
    },
  });
  const failures: string[] = [];
  for (const page of pages) {
    const report = await validator.validateString(await read(page), page);
    for (const result of report.results) {
      for (const message of result.messages)
        failures.push(`${page}:${message.line} ${message.ruleId}: ${message.message}`);
    }
  }
  assert.equal(failures, []);
});

test("JavaScript stays under 3 KB per page", async () => {
  for (const page of pages) {
    const scripts = parse(await read(page)).querySelectorAll("script");
    let bytes = 0;
    for (const script of scripts) {
      if (script.getAttribute("type") === "application/ld+json") continue; // data, never run
      const src = script.getAttribute("src");
      assert.ok(src, `${page} has an inline script`);
      bytes += (await fs.stat(path.join(site, path.posix.join(page, src as string)))).size;
    }
    assert.ok(bytes <= 3072, `${page} loads ${bytes} bytes of JavaScript`);
  }
});

test("share images: every format's size and byte budget; every meta image exists", async () => {
  const budgets: Record<string, [number, number, number]> = {
    og: [1200, 630, 300 * 1024],
    square: [1080, 1080, 1024 * 1024],
    story: [1080, 1920, 1024 * 1024],
  };
  for (const page of pages.filter((p) => /^\/[^/]+\/[^/]+\/$/.test(p))) {
    const root = parse(await read(page));
    const og = root.querySelector('meta[property="og:image"]')?.getAttribute("content") ?? "";
    assert.match(og, /^https:\/\//);
    assert.is(root.querySelector('meta[property="og:image:width"]')?.getAttribute("content"), "1200");
    assert.is(root.querySelector('meta[property="og:image:height"]')?.getAttribute("content"), "630");
    assert.is(root.querySelector('meta[property="og:image:type"]')?.getAttribute("content"), "image/png");
    assert.ok(root.querySelector('meta[property="og:image:alt"]')?.getAttribute("content"));
    assert.is(
      root.querySelector('meta[name="twitter:card"]')?.getAttribute("content"),
      "summary_large_image",
    );
    assert.is(root.querySelector('meta[name="twitter:image"]')?.getAttribute("content"), og);
    assert.ok(root.querySelector('meta[name="twitter:image:alt"]')?.getAttribute("content"));
    const slug = page.split("/")[1];
    const file = path.join(site, slug, new URL(og).pathname.split("/").slice(-3).join("/"));
    for (const [format, [width, height, budget]] of Object.entries(budgets)) {
      const image = file.replace(/-og\.png$/, `-${format}.png`);
      const { size } = await fs.stat(image);
      const meta = await sharp(image).metadata();
      assert.equal([meta.width, meta.height], [width, height], image);
      assert.ok(size <= budget, `${image} is ${size} bytes, over ${budget}`);
    }
  }
});

test.run();
