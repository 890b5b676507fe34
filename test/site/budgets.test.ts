import fs from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { parse } from "node-html-parser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { exampleSite, htmlPages } from "../helpers/site.ts";

const test = suite("page weight budgets (gzip)");

/** Per page, gzip-compressed: the HTML itself, its stylesheets and its scripts. */
const BUDGETS = { html: 20 * 1024, css: 15 * 1024, js: 3 * 1024 };

const gzipSize = (bytes: Buffer) => zlib.gzipSync(bytes, { level: 9 }).length;

/** The HTML, CSS and JS weight of one built page, each summed over the files it loads. */
async function pageWeight(site: string, sitePath: string) {
  // "/slug/fr/" is a folder's index.html; "/404.html" is a file of its own.
  const file = sitePath.endsWith(".html")
    ? path.join(site, sitePath)
    : path.join(site, sitePath, "index.html");
  const html = await fs.readFile(file);
  const root = parse(html.toString("utf8"));
  const linked = async (urls: string[]) => {
    let total = 0;
    for (const url of urls) total += gzipSize(await fs.readFile(path.resolve(path.dirname(file), url)));
    return total;
  };
  return {
    html: gzipSize(html),
    css: await linked(
      root.querySelectorAll('link[rel="stylesheet"]').map((link) => link.getAttribute("href") as string),
    ),
    js: await linked(
      root.querySelectorAll("script[src]").map((script) => script.getAttribute("src") as string),
    ),
  };
}

test("every page of the examples stays within HTML 20 KB, CSS 15 KB and JS 3 KB, gzip", async () => {
  const site = await exampleSite();
  const pages = await htmlPages(site);
  assert.ok(pages.length >= 10, `only ${pages.length} pages`);
  const over: string[] = [];
  for (const page of pages) {
    const weight = await pageWeight(site, page);
    for (const kind of ["html", "css", "js"] as const)
      if (weight[kind] > BUDGETS[kind])
        over.push(`${page} ${kind}: ${weight[kind]} bytes gzip, budget ${BUDGETS[kind]}`);
  }
  assert.equal(over, []);
});

test("the budget check sees the stylesheet and the script of a campaign page", async () => {
  const site = await exampleSite();
  const weight = await pageWeight(site, "/blue-heart-2023-be/fr/");
  assert.ok(weight.html > 1000, `html ${weight.html}`);
  assert.ok(weight.css > 1000, `css ${weight.css}`);
  assert.ok(weight.js > 100, `js ${weight.js}`);
});

test.run();
