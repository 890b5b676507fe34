import fs from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { parse } from "node-html-parser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { addShownText, NAMES_FAMILY, type ShownText } from "../../src/site/web-fonts.ts";
import { exampleSite, htmlPages } from "../helpers/site.ts";

const test = suite("page weight budgets (gzip; fonts as sent)");

/** Per page, gzip-compressed: the HTML itself, its stylesheets and its scripts. */
const BUDGETS = { html: 20 * 1024, css: 15 * 1024, js: 3 * 1024 };

/**
 * Per page, the web fonts it may load, in bytes as sent: WOFF2 is already compressed (Brotli,
 * inside the file), gzip makes it larger, and hosts send it as it is. A page in an alphabet
 * (Latin, Greek, Cyrillic, Arabic, Ethiopic) gets less than one in Chinese, whose subset holds a
 * glyph per character used. The examples' largest: a Tigrinya page about 38 KB, a Chinese one
 * about 103 KB (docs/developers.md, "Web fonts").
 */
const FONT_BUDGETS = { alphabetic: 64 * 1024, chinese: 128 * 1024 };
const HAN = /\p{Script=Han}/u;

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

interface FontFace {
  family: string;
  file: string;
  points: Set<number>;
}

/** The @font-face rules of a stylesheet, their files resolved beside it. */
function fontFaces(css: string, stylesheet: string): FontFace[] {
  return [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, rule]) => {
    const family = /font-family:\s*"([^"]+)"/.exec(rule)?.[1] ?? "";
    const url = /src:\s*url\("([^"]+)"\)/.exec(rule)?.[1] ?? "";
    const points = new Set<number>();
    for (const [, first, last] of (/unicode-range:\s*([^;]+)/.exec(rule)?.[1] ?? "").matchAll(
      /U\+([0-9A-F]+)(?:-([0-9A-F]+))?/g,
    ))
      for (let point = Number.parseInt(first, 16); point <= Number.parseInt(last ?? first, 16); point++)
        points.add(point);
    return { family, file: path.resolve(path.dirname(stylesheet), url), points };
  });
}

/**
 * The font files a page may load: every face, in either weight, whose unicode-range holds a
 * character the page shows (language names in other scripts first look in the names' family,
 * like the stylesheet says). An upper bound: a page that sets no bold text in a script loads
 * only its regular face, and a closed language list loads none of its names' files.
 */
async function pageFonts(file: string, stylesheets: string[]) {
  const html = await fs.readFile(file, "utf8");
  const shown: ShownText = { text: new Set(), names: new Set() };
  addShownText(html, shown);
  const faces: FontFace[] = [];
  for (const stylesheet of stylesheets)
    faces.push(...fontFaces(await fs.readFile(stylesheet, "utf8"), stylesheet));
  // A name's characters that no names face holds fall through to the text's faces.
  const namesFaces = faces.filter((face) => face.family === NAMES_FAMILY);
  const text = new Set(shown.text);
  for (const point of shown.names) if (!namesFaces.some((face) => face.points.has(point))) text.add(point);
  const files = new Set<string>();
  for (const face of faces) {
    const wanted = face.family === NAMES_FAMILY ? shown.names : text;
    if ([...wanted].some((point) => face.points.has(point))) files.add(face.file);
  }
  let bytes = 0;
  for (const each of files) bytes += (await fs.stat(each)).size;
  return { files: [...files].map((each) => path.basename(each)).sort(), bytes, chinese: HAN.test(html) };
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

test("every page loads at most 64 KB of fonts, 128 KB in Chinese", async () => {
  const site = await exampleSite();
  const over: string[] = [];
  let largest = { page: "", bytes: 0 };
  for (const page of await htmlPages(site)) {
    const file = page.endsWith(".html") ? path.join(site, page) : path.join(site, page, "index.html");
    const root = parse(await fs.readFile(file, "utf8"));
    const stylesheets = root
      .querySelectorAll('link[rel="stylesheet"]')
      .map((link) => path.resolve(path.dirname(file), link.getAttribute("href") as string));
    const fonts = await pageFonts(file, stylesheets);
    const budget = fonts.chinese ? FONT_BUDGETS.chinese : FONT_BUDGETS.alphabetic;
    if (fonts.bytes > budget)
      over.push(`${page} fonts: ${fonts.bytes} bytes (${fonts.files.join(", ")}), budget ${budget}`);
    if (fonts.bytes > largest.bytes) largest = { page, bytes: fonts.bytes };
  }
  assert.equal(over, []);
  assert.ok(largest.bytes > 0, "no page loads a font");
});

test("the font check sees what each script's page loads, and only that", async () => {
  const site = await exampleSite();
  const loads = async (page: string) => {
    const file = path.join(site, page, "index.html");
    return (await pageFonts(file, [path.join(site, page.split("/")[1], "assets", "site.css")])).files.map(
      (name) => name.replace(/\.[0-9a-f]+\.woff2$/, ""),
    );
  };
  // The French page of a campaign whose language list shows only Latin names.
  assert.equal(await loads("/benelux-2021/fr/"), ["noto-sans-latin-400", "noto-sans-latin-700"]);
  const ti = await loads("/many-languages/ti/");
  assert.ok(ti.includes("noto-sans-ethiopic-400") && ti.includes("noto-sans-ethiopic-700"), ti.join());
  assert.ok(ti.includes("noto-sans-names-arabic-400"), `the list names العربية: ${ti.join()}`);
  assert.not.ok(ti.includes("noto-sans-arabic-400"), `Arabic text on a Tigrinya page: ${ti.join()}`);
  assert.not.ok(ti.includes("noto-sans-sc-chinese-400"), `Chinese text on a Tigrinya page: ${ti.join()}`);
  const zh = await loads("/many-languages/zh/");
  assert.ok(zh.includes("noto-sans-sc-chinese-700") && zh.includes("noto-sans-latin-400"), zh.join());
});

test("the budget check sees the stylesheet and the script of a campaign page", async () => {
  const site = await exampleSite();
  const weight = await pageWeight(site, "/blue-heart-2023-be/fr/");
  assert.ok(weight.html > 1000, `html ${weight.html}`);
  assert.ok(weight.css > 1000, `css ${weight.css}`);
  assert.ok(weight.js > 100, `js ${weight.js}`);
});

test.run();
