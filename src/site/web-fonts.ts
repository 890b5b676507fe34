/**
 * Web fonts: pages are set in the Noto fonts the share images and posters are drawn with
 * (render/fonts.ts), served from the site itself. After the pages are written, the characters a
 * campaign's pages show are read back from them, and each font is cut, by HarfBuzz's hb-subset
 * (subset-font, WebAssembly), into one WOFF2 file per script and weight holding those characters
 * only. The stylesheet declares each file with its `unicode-range`, so a browser downloads a file
 * only when the page shows a character of it: a French page its Latin, an Arabic page Latin (for
 * numbers) and Arabic, a Chinese page Latin and Chinese.
 *
 * Language names in other languages (the language control, the chooser, the archive: links with
 * `hreflang`) are cut apart, into a family of their own (NAMES_FAMILY): the list of twelve
 * languages on an English page costs a few hundred bytes per script instead of the whole
 * Ethiopic, Arabic and Chinese fonts of the campaign.
 *
 * Subsets are kept in .cache/web-fonts/ under a hash of the font, the characters and this code;
 * published files are named by their content, so hosts may cache them for a year
 * (headers.ts). Each page preloads the files its own text needs, so that it is first drawn in
 * them: with font-display: swap alone, text drawn in a fallback moved when Noto arrived.
 */
import crypto from "node:crypto";
import fsSync from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { type HTMLElement, type Node, NodeType, parse } from "node-html-parser";
import subsetFont from "subset-font";
import { cacheKey, ImageCache } from "../render/cache.ts";
import { codeFingerprint } from "../render/code-fingerprint.ts";
import { codePoints } from "../render/code-points.ts";
import { FONT_PACKAGES, fontFile, type Weight } from "../render/fonts.ts";
import { ARCHIVE_FONTS_FOLDER, FONTS_FOLDER } from "./font-folders.ts";

const require = createRequire(import.meta.url);

/** The family of the language names' own subsets; the stylesheet puts it before the page's. */
export const NAMES_FAMILY = "Noto Sans Names";

/** A group of characters with a file of its own: a script, drawn by one of the shipped fonts. */
interface ScriptGroup {
  id: string;
  /** Index into FONT_PACKAGES. */
  font: number;
  /** Code point ranges of the script's blocks, [first, last]; Latin takes what no other group has. */
  ranges: Array<[number, number]>;
}

/** In the order their faces are declared. Latin, Greek and Cyrillic are all in Noto Sans. */
const GROUPS: readonly ScriptGroup[] = [
  { id: "latin", font: 0, ranges: [] },
  {
    id: "greek",
    font: 0,
    ranges: [
      [0x0370, 0x03ff],
      [0x1f00, 0x1fff],
    ],
  },
  {
    id: "cyrillic",
    font: 0,
    ranges: [
      [0x0400, 0x052f],
      [0x1c80, 0x1c8f],
      [0x2de0, 0x2dff],
      [0xa640, 0xa69f],
    ],
  },
  {
    id: "arabic",
    font: 1,
    ranges: [
      [0x0600, 0x06ff],
      [0x0750, 0x077f],
      [0x0870, 0x08ff],
      [0xfb50, 0xfdff],
      [0xfe70, 0xfeff],
    ],
  },
  {
    id: "ethiopic",
    font: 2,
    ranges: [
      [0x1200, 0x139f],
      [0x2d80, 0x2ddf],
      [0xab00, 0xab2f],
      [0x1e7e0, 0x1e7ff],
    ],
  },
  {
    id: "chinese",
    font: 3,
    ranges: [
      [0x2e80, 0x2fdf],
      [0x3000, 0x303f],
      [0x3100, 0x312f],
      [0x31c0, 0x31ef],
      [0x3200, 0x33ff],
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0xf900, 0xfaff],
      [0xfe30, 0xfe4f],
      [0xff00, 0xffef],
      [0x20000, 0x3ffff],
    ],
  },
];

/** Joiners shape with the letters around them: in Arabic script text, they go with Arabic. */
const JOINERS = [0x200c, 0x200d];

/**
 * The layout features kept: those browsers apply by default (HarfBuzz's own default list, less
 * vertical text, which the pages never set). Keeping every feature would add small capitals,
 * old-style figures and the like: Latin subsets twice the size.
 */
const FEATURES = [
  "rvrn",
  "ccmp",
  "locl",
  "mark",
  "mkmk",
  "rlig",
  "liga",
  "clig",
  "calt",
  "curs",
  "kern",
  "rclt",
  "init",
  "medi",
  "fina",
  "isol",
  "med2",
  "fin2",
  "fin3",
  "halt",
  "chws",
];

/** Printable ASCII is always in the Latin subset: numbers, addresses, markup a script writes. */
const ASCII = Array.from({ length: 0x7e - 0x20 + 1 }, (_, index) => 0x20 + index);

/** The characters a set of pages shows: in their text, and in language names apart. */
export interface ShownText {
  text: Set<number>;
  names: Set<number>;
}

/** Elements whose content is never drawn as text. */
const UNSHOWN = new Set(["script", "style", "template", "title", "desc", "head"]);
/** Attributes whose value can be shown: alt text when an image fails, words scripts show. */
const SHOWN_ATTRIBUTES = /^(?:alt|placeholder|value|data-[\w-]+)$/;

/** Adds what the page `html` shows to `into`. */
export function addShownText(html: string, into: ShownText): void {
  const root = parse(html, { comment: false });
  const body = root.querySelector("body") ?? root;
  const add = (text: string, set: Set<number>) => {
    for (const char of text) set.add(char.codePointAt(0) as number);
  };
  const visit = (node: Node, names: boolean) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      add(node.text, names ? into.names : into.text);
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const element = node as HTMLElement;
    const tag = element.rawTagName?.toLowerCase() ?? "";
    if (UNSHOWN.has(tag)) return;
    for (const [name, value] of Object.entries(element.attributes))
      if (SHOWN_ATTRIBUTES.test(name.toLowerCase())) add(value, into.text);
    const isName = names || (tag === "a" && element.hasAttribute("hreflang"));
    for (const child of element.childNodes) visit(child, isName);
  };
  visit(body, false);
  // hours.js writes only what the page's data-* attributes hold: its sentences and opening times.
}

/** One file to make: a group's characters in one weight, in the text's family or the names'. */
export interface PlannedFace {
  family: string;
  group: string;
  weight: Weight;
  /** The npm package and file stem of the font it is cut from. */
  font: number;
  codePoints: number[];
}

const CSS_WEIGHTS: Record<Weight, number> = { regular: 400, bold: 700 };

let coverage: Map<number, Set<number>> | undefined;

/** The characters each shipped font maps (read once per process). */
function fontCoverage(font: number): Set<number> {
  coverage ??= new Map();
  let set = coverage.get(font);
  if (!set) {
    set = codePoints(fsSync.readFileSync(fontFile(FONT_PACKAGES[font], "regular")));
    coverage.set(font, set);
  }
  return set;
}

const inRanges = (point: number, group: ScriptGroup) =>
  group.ranges.some(([first, last]) => point >= first && point <= last);

/**
 * Which group draws each character: the group of the script block it is in, else Latin; the
 * next shipped font that has it when the group's font lacks it; none (the system's fonts, as for
 * emoji) when no shipped font has it.
 */
function groupOf(point: number, hasArabic: boolean): ScriptGroup | undefined {
  if (JOINERS.includes(point)) return hasArabic ? GROUPS[3] : GROUPS[0];
  const own = GROUPS.find((group) => inRanges(point, group)) ?? GROUPS[0];
  if (fontCoverage(own.font).has(point)) return own;
  return GROUPS.find((group) => group.font !== own.font && fontCoverage(group.font).has(point));
}

/** The faces a set of pages needs, in the order they are declared. */
export function planFaces(shown: ShownText): PlannedFace[] {
  const byGroup = (points: Iterable<number>, hasArabic: boolean) => {
    const groups = new Map<string, number[]>();
    for (const point of points) {
      const group = groupOf(point, hasArabic);
      if (group) groups.set(group.id, [...(groups.get(group.id) ?? []), point]);
    }
    return groups;
  };
  const all = [...shown.text, ...shown.names];
  const hasArabic = all.some((point) => inRanges(point, GROUPS[3]));
  const text = byGroup(new Set([...ASCII, ...shown.text]), hasArabic);
  const names = byGroup(shown.names, hasArabic);
  // Latin names are drawn by the Latin text subset, which every page loads anyway.
  text.set("latin", [...new Set([...(text.get("latin") ?? []), ...(names.get("latin") ?? [])])]);
  names.delete("latin");
  const faces: PlannedFace[] = [];
  for (const group of GROUPS) {
    const family = FONT_PACKAGES[group.font].family;
    const points = text.get(group.id);
    if (points?.length)
      for (const weight of ["regular", "bold"] as const)
        faces.push({ family, group: group.id, weight, font: group.font, codePoints: sorted(points) });
  }
  for (const group of GROUPS) {
    const points = names.get(group.id);
    if (points?.length)
      faces.push({
        family: NAMES_FAMILY,
        group: group.id,
        weight: "regular",
        font: group.font,
        codePoints: sorted(points),
      });
  }
  return faces;
}

const sorted = (points: number[]) => [...points].sort((a, b) => a - b);

/** A face made: its file's name, bytes and @font-face rule. */
export interface MadeFace extends PlannedFace {
  file: string;
  bytes: Buffer;
}

/** A package's version, read from its package.json (which some packages' exports do not list). */
function packageVersion(name: string): string {
  let folder = path.dirname(require.resolve(name));
  while (!fsSync.existsSync(path.join(folder, "package.json"))) folder = path.dirname(folder);
  return (JSON.parse(fsSync.readFileSync(path.join(folder, "package.json"), "utf8")) as { version: string })
    .version;
}

/** Everything besides the characters that changes a subset's bytes. */
function subsetterKey(): unknown {
  return {
    code: codeFingerprint(import.meta.url),
    subsetter: `subset-font@${packageVersion("subset-font")}`,
    harfbuzz: `harfbuzzjs@${packageVersion("harfbuzzjs")}`,
    features: FEATURES,
  };
}

/** Cuts each planned face from its font, or takes it from the cache. */
export async function makeFaces(
  faces: PlannedFace[],
  cacheDir: string,
): Promise<{ faces: MadeFace[]; made: number; reused: number }> {
  const cache = new ImageCache(path.join(cacheDir, "web-fonts"));
  const fonts = new Map<string, Promise<Buffer>>();
  const made: MadeFace[] = [];
  let count = 0;
  for (const face of faces) {
    const font = FONT_PACKAGES[face.font];
    const source = fontFile(font, face.weight);
    const key = cacheKey({
      font: `${font.npm}@${packageVersion(font.npm)}/${path.basename(source)}`,
      codePoints: face.codePoints,
      ...(subsetterKey() as object),
    });
    let bytes: Buffer;
    if (cache.has(key, ".woff2")) bytes = await fs.readFile(cache.path(key, ".woff2"));
    else {
      if (!fonts.has(source)) fonts.set(source, fs.readFile(source));
      const text = String.fromCodePoint(...face.codePoints);
      bytes = await subsetFont(await (fonts.get(source) as Promise<Buffer>), text, {
        targetFormat: "woff2",
        keepFeatures: FEATURES,
      });
      cache.put(key, ".woff2", bytes);
      count++;
    }
    const hash = crypto.createHash("sha256").update(bytes).digest("hex").slice(0, 10);
    // noto-sans-latin-400, noto-sans-arabic-700, noto-sans-names-ethiopic-400, noto-sans-sc-chinese-400
    const family = face.family.toLowerCase().replaceAll(" ", "-");
    const stem = family.endsWith(face.group) ? family : `${family}-${face.group}`;
    made.push({ ...face, file: `${stem}-${CSS_WEIGHTS[face.weight]}.${hash}.woff2`, bytes });
  }
  return { faces: made, made: count, reused: faces.length - count };
}

/** "U+20-7E, U+A0, U+E9": the code points as CSS writes a unicode-range, consecutive ones joined. */
export function unicodeRange(points: number[]): string {
  const parts: string[] = [];
  for (let index = 0; index < points.length; ) {
    let end = index;
    while (end + 1 < points.length && points[end + 1] === points[end] + 1) end++;
    const hex = (point: number) => point.toString(16).toUpperCase();
    parts.push(end > index ? `U+${hex(points[index])}-${hex(points[end])}` : `U+${hex(points[index])}`);
    index = end + 1;
  }
  return parts.join(", ");
}

/** The @font-face rules of `faces`, their files in `folder` beside the stylesheet. */
export function fontFaceRules(faces: MadeFace[], folder = FONTS_FOLDER): string {
  return faces
    .map(
      (face) => `@font-face {
  font-family: "${face.family}";
  font-style: normal;
  font-weight: ${CSS_WEIGHTS[face.weight]};
  font-display: swap;
  src: url("${folder}/${face.file}") format("woff2");
  unicode-range: ${unicodeRange(face.codePoints)};
}`,
    )
    .join("\n");
}

/** Mark where the build's rules start and end in a stylesheet, so that writing them again replaces them. */
const START = "/* Web fonts: the characters these pages show, in Noto (written by the build). */";
const END = "/* End of web fonts. */";

export interface PublishedFonts {
  faces: MadeFace[];
  made: number;
  reused: number;
}

/** A preload of one of the page's fonts, as the build writes it before the page's stylesheet. */
const PRELOAD = /<link rel="preload" href="[^"]*\.woff2" as="font" type="font\/woff2" crossorigin>\n\s*/g;

/**
 * Makes the fonts of the pages `htmlFiles`, writes them into `folder` (FONTS_FOLDER unless
 * named) beside `stylesheet` and puts their rules at the stylesheet's start, in place of those
 * of an earlier run. Each page then preloads the faces its own text needs (not the names of
 * other languages): they arrive with the stylesheet, so the text is first drawn in them and does
 * not move when they swap in.
 */
export async function publishFonts(
  htmlFiles: string[],
  stylesheet: string,
  cacheDir: string,
  folder = FONTS_FOLDER,
): Promise<PublishedFonts> {
  const pages = await Promise.all(
    htmlFiles.map(async (file) => {
      const html = await fs.readFile(file, "utf8");
      const shown: ShownText = { text: new Set(), names: new Set() };
      addShownText(html, shown);
      return { file, html, shown };
    }),
  );
  const all: ShownText = {
    text: new Set(pages.flatMap((page) => [...page.shown.text])),
    names: new Set(pages.flatMap((page) => [...page.shown.names])),
  };
  const { faces, made, reused } = await makeFaces(planFaces(all), cacheDir);
  const into = path.join(path.dirname(stylesheet), folder);
  await fs.rm(into, { recursive: true, force: true });
  await fs.mkdir(into, { recursive: true });
  for (const face of faces) await fs.writeFile(path.join(into, face.file), face.bytes);
  let css = await fs.readFile(stylesheet, "utf8");
  if (css.startsWith(START) && css.includes(END)) css = css.slice(css.indexOf(END) + END.length);
  await fs.writeFile(stylesheet, `${START}\n${fontFaceRules(faces, folder)}\n${END}\n${css.trimStart()}`);
  for (const page of pages) {
    const needed = faces.filter(
      (face) => face.family !== NAMES_FAMILY && face.codePoints.some((point) => page.shown.text.has(point)),
    );
    const links = needed.map((face) => {
      const href = path
        .relative(path.dirname(page.file), path.join(into, face.file))
        .split(path.sep)
        .join("/");
      return `<link rel="preload" href="${href}" as="font" type="font/woff2" crossorigin>`;
    });
    const html = page.html.replace(PRELOAD, "");
    const at = html.search(/<link rel="stylesheet"/);
    if (at === -1) continue;
    const indent = /[ \t]*$/.exec(html.slice(0, at))?.[0] ?? "";
    const withPreloads =
      html.slice(0, at) + links.map((link) => `${link}\n${indent}`).join("") + html.slice(at);
    if (withPreloads !== page.html) await fs.writeFile(page.file, withPreloads);
  }
  return { faces, made, reused };
}

/** The @font-face rules a stylesheet was given by publishFonts, or undefined. */
export async function fontRulesOf(stylesheet: string): Promise<string | undefined> {
  const css = await fs.readFile(stylesheet, "utf8").catch(() => "");
  return css.startsWith(START) && css.includes(END) ? css.slice(0, css.indexOf(END) + END.length) : undefined;
}

/** Puts `rules` (from fontRulesOf) back at the start of a stylesheet written again without them. */
export async function restoreFontRules(stylesheet: string, rules: string): Promise<void> {
  const css = await fs.readFile(stylesheet, "utf8");
  if (!css.startsWith(START)) await fs.writeFile(stylesheet, `${rules}\n${css.trimStart()}`);
}

/** Every page of a campaign that loads its stylesheet: all but "page not found", which loads nothing. */
async function campaignPages(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { recursive: true });
  return entries
    .map((entry) => entry.split(path.sep).join("/"))
    .filter((entry) => entry.endsWith(".html") && entry !== "404.html" && !entry.startsWith("admin/"))
    .sort()
    .map((entry) => path.join(folder, entry));
}

const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  );

/**
 * The fonts of a written site: of each campaign in `slugs` (its pages, into <slug>/assets/fonts/,
 * declared in <slug>/assets/site.css) and, unless `withArchive` is false (a batch of campaigns, a
 * save of the preview that left the site-wide files as they were) of the archive. A template that
 * writes no stylesheet gets no fonts.
 */
export async function publishSiteFonts(
  outDir: string,
  slugs: string[],
  cacheDir: string,
  withArchive = true,
): Promise<void> {
  for (const slug of slugs) {
    const stylesheet = path.join(outDir, slug, "assets", "site.css");
    if (await exists(stylesheet))
      await publishFonts(await campaignPages(path.join(outDir, slug)), stylesheet, cacheDir);
  }
  if (!withArchive) return;
  const archive = path.join(outDir, "index.html");
  const archiveStylesheet = path.join(outDir, "index.css");
  if ((await exists(archive)) && (await exists(archiveStylesheet)))
    await publishFonts([archive], archiveStylesheet, cacheDir, ARCHIVE_FONTS_FOLDER);
}
