/**
 * Poster PDFs read back by readers that share nothing with the code that wrote them: poppler
 * (pdftotext, pdfinfo, pdffonts, pdftoppm), qpdf and pdf.js. `posterProblems` checks one PDF
 * against what its page says and lists every problem it finds, so a test can also break a PDF on
 * purpose and see the checks fail.
 *
 * What the readers are known to do with right-to-left text, whose characters the posters write
 * in reading order, each over the glyphs that draw it (so right to left on the page):
 * - pdftotext (poppler) orders characters by position and returns reading order, with directional
 *   marks around runs and, at times, a space on the other side of a number; compared without
 *   directional marks and spaces;
 * - pdf.js returns each right-to-left character as an item of its own, in reading order, but
 *   drops the spaces between right-to-left words and puts a mark (such as tanwin) before its
 *   letter: it joins items and reverses every right-to-left item as if it were in visual order.
 *   Compared without spaces and marks; the structure tree gives such texts whole (ActualText).
 */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import { promisify } from "node:util";
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import sharp from "sharp";

const run = promisify(execFile);

/** What a poster must say and be, taken from its language's page. */
export interface PosterExpectation {
  lang: string;
  dir: "ltr" | "rtl";
  title: string;
  tagline: string;
  date: string;
  /** The hotline's label (the poster may add the line's hours after it). */
  label: string;
  number: string;
  /** The page's address: the QR code's and the link's. */
  url: string;
  /** The partners' names, in the order of the page's logos. */
  partners: string[];
  /** The finished page in points, and whether this is the print shop's copy. */
  width: number;
  height: number;
  print: boolean;
}

/** Directional marks, embeddings and isolates: extraction tools add them, readers ignore them. */
const DIRECTIONAL = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** Characters of scripts written without spaces, and their punctuation: a line break beside one is no space. */
const UNSPACED = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303F\\uFF00-\\uFFEF";
const UNSPACED_BREAK = new RegExp(`(?<=[${UNSPACED}])\\s+|\\s+(?=[${UNSPACED}])`, "gu");

function normal(text: string, loose: { spaces: boolean; marks: boolean }): string {
  let result = text.replace(DIRECTIONAL, "").normalize("NFC").replace(UNSPACED_BREAK, "");
  if (loose.marks) result = result.replace(/\p{M}/gu, "");
  return loose.spaces ? result.replace(/\s+/gu, "") : result.replace(/\s+/gu, " ").trim();
}

/**
 * Whether `words` are in `text` as a reader gets them: right-to-left texts without spaces, and
 * for pdf.js (`marks`) without combining marks (see above).
 */
export function holds(text: string, words: string, rtl: boolean, marks = false): boolean {
  const loose = { spaces: rtl, marks: rtl && marks };
  return normal(text, loose).includes(normal(words, loose));
}

/** Problems if the texts are not all found in `text`, one after another. */
function inOrder(reader: string, text: string, wanted: Array<[string, string]>, rtl: boolean, marks = false) {
  const loose = { spaces: rtl, marks: rtl && marks };
  const haystack = normal(text, loose);
  const problems: string[] = [];
  let from = 0;
  for (const [name, words] of wanted) {
    const at = haystack.indexOf(normal(words, loose), from);
    if (at < 0) {
      problems.push(`${reader}: the ${name} "${words}" is missing or out of order in "${haystack}"`);
      continue;
    }
    from = at + normal(words, loose).length;
  }
  return problems;
}

/** The page's text as pdftotext gives it. */
export function pdftotext(file: string): Promise<string> {
  return tool("pdftotext", [file, "-"]);
}

/** The tools' packages, named when one is missing. */
const MISSING =
  "is not installed: the poster tests read PDFs with poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm) and qpdf; on Debian: apt-get install poppler-utils qpdf";

async function execute<T>(command: string, args: string[], encoding: "utf8" | "buffer"): Promise<T> {
  try {
    const { stdout } = await run(command, args, { maxBuffer: 64 * 1024 * 1024, encoding });
    return stdout as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`${command} ${MISSING}`);
    throw error;
  }
}

/** A command's output as text (poppler, qpdf). */
export function tool(command: string, args: string[]): Promise<string> {
  return execute<string>(command, args, "utf8");
}

/** A command's output as bytes (pdftoppm's pictures). */
export function toolBytes(command: string, args: string[]): Promise<Buffer> {
  return execute<Buffer>(command, args, "buffer");
}

interface StructNode {
  role?: string;
  alt?: string;
  lang?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/** pdf.js's reading: the page's text, the text of each marked-content sequence, the structure tree, the catalog's marks. */
export async function readWithPdfjs(bytes: Buffer) {
  const document = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false })
    .promise;
  try {
    const page = await document.getPage(1);
    const content = await page.getTextContent({ includeMarkedContent: true });
    let text = "";
    let lastY: number | undefined;
    const marked = new Map<string, string>();
    const open: string[] = [];
    for (const item of content.items) {
      if ("type" in item) {
        if (item.type === "beginMarkedContentProps" && item.id) open.push(item.id);
        else if (item.type === "beginMarkedContent") open.push("");
        else if (item.type === "endMarkedContent") open.pop();
        continue;
      }
      const y = item.transform[5];
      const separator = lastY !== undefined && Math.abs(y - lastY) > 1 && !text.endsWith("\n") ? "\n" : "";
      text += separator + item.str + (item.hasEOL ? "\n" : "");
      lastY = y;
      for (const id of open.filter(Boolean))
        marked.set(id, (marked.get(id) ?? "") + separator + item.str + (item.hasEOL ? "\n" : ""));
    }
    const [structure, metadata, markInfo, preferences] = await Promise.all([
      page.getStructTree() as Promise<StructNode>,
      document.getMetadata(),
      document.getMarkInfo(),
      document.getViewerPreferences() as Promise<Record<string, unknown> | null>,
    ]);
    return { text, marked, structure, metadata, markInfo, preferences };
  } finally {
    await document.destroy();
  }
}

/** poppler's pdfinfo as "key: value" pairs (with -box, the page's boxes). */
async function pdfinfo(file: string, ...args: string[]): Promise<Map<string, string>> {
  const output = await tool("pdfinfo", [...args, file]);
  return new Map(
    output
      .split("\n")
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[1].trim(), match[2].trim()]),
  );
}

/** Every check of one poster PDF; an empty list when it is what it should be. */
export async function posterProblems(file: string, expected: PosterExpectation): Promise<string[]> {
  const bytes = await fs.readFile(file);
  const rtl = expected.dir === "rtl";
  const words: Array<[string, string]> = [
    ["title", expected.title],
    ["tagline", expected.tagline],
    ["date", expected.date],
    ["hotline label", expected.label],
    ["hotline number", expected.number],
    ["address", expected.url],
  ];
  const [text, info, boxes, fonts, check, pdfjs] = await Promise.all([
    pdftotext(file),
    pdfinfo(file),
    pdfinfo(file, "-box"),
    tool("pdffonts", [file]),
    tool("qpdf", ["--check", file]).then(
      () => "",
      (error: Error & { stdout?: string }) => `qpdf --check: ${error.stdout ?? error.message}`,
    ),
    readWithPdfjs(bytes),
  ]);
  const problems = [
    ...inOrder("pdftotext", text, words, rtl),
    ...inOrder("pdf.js", pdfjs.text, words, rtl, true),
  ];
  if (check) problems.push(check);
  if (info.get("Tagged") !== "yes") problems.push(`pdfinfo: Tagged is "${info.get("Tagged")}", not yes`);
  if (info.get("Title") !== expected.title) problems.push(`pdfinfo: the title is "${info.get("Title")}"`);
  // Every font embedded, with a map back to Unicode.
  for (const line of fonts.split("\n").slice(2).filter(Boolean)) {
    if (!/\byes\s+(?:yes|no)\s+yes\s+\d+\s+\d+\s*$/.test(line)) problems.push(`pdffonts: ${line}`);
  }
  if (fonts.split("\n").slice(2).filter(Boolean).length === 0)
    problems.push("pdffonts: no font for the text");

  // The catalog and the metadata, as pdf.js reads them.
  const { info: docInfo, metadata } = pdfjs.metadata as unknown as {
    info: Record<string, unknown>;
    metadata: { get(key: string): unknown } | null;
  };
  if (docInfo.Language !== expected.lang) problems.push(`catalog: /Lang is ${docInfo.Language}`);
  if (!pdfjs.markInfo?.Marked) problems.push("catalog: MarkInfo /Marked is not true");
  if (pdfjs.preferences?.DisplayDocTitle !== true) problems.push("catalog: DisplayDocTitle is not true");
  for (const [key, value] of [
    ["dc:title", expected.title],
    ["dc:language", expected.lang],
    ["pdfuaid:part", "1"],
  ]) {
    const found = metadata?.get(key);
    if (found !== value) problems.push(`XMP: ${key} is ${JSON.stringify(found)}, not "${value}"`);
  }

  problems.push(...structureProblems(pdfjs.structure, pdfjs.marked, expected));
  problems.push(...(await objectProblems(bytes, expected)));
  problems.push(...(await boxProblems(file, boxes, expected)));
  return problems;
}

/** The operators of a content stream, each with its operands as written. */
function operators(content: string): Array<{ operator: string; operands: string[] }> {
  const tokens =
    content.match(/<<|>>|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|\[|\]|\/[^\s/<>[\]()]*|[^\s/<>[\]()]+/g) ?? [];
  const result: Array<{ operator: string; operands: string[] }> = [];
  let operands: string[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (token === "<<" || token === "[") depth++;
    if (token === ">>" || token === "]") depth--;
    const operand =
      depth > 0 || /^(?:[-+.\d]|\/|<|\(|>>|\])/.test(token) || token === "true" || token === "false";
    if (operand) operands.push(token);
    else {
      result.push({ operator: token, operands });
      operands = [];
    }
  }
  return result;
}

/** Operators that put something on the page (ISO 32000-1, 8.2), with text objects. */
const PAINTING = new Set([
  "f",
  "F",
  "f*",
  "B",
  "B*",
  "b",
  "b*",
  "S",
  "s",
  "n",
  "Do",
  "sh",
  "BI",
  "BT",
  "ET",
  "Tj",
  "TJ",
  "'",
  '"',
]);

/**
 * What poppler and pdf.js do not report, read from the objects by pdf-lib (which does not write
 * these files): every painting operator inside marked content, artifacts and tagged content never
 * nested (Matterhorn 01-003, 01-004, 01-005), no form with marked-content identifiers (30-002),
 * the page's tab order (28-008, 28-009), the link annotation's element and description (28-011,
 * 28-012), no role map (02-004), the metadata's language (11-006), and the text font: Identity-H
 * and a CIDToGIDMap (31-004 to 31-006), a ToUnicode map without 0, U+FEFF or U+FFFE (31-027 to
 * 31-029), no character 0 (.notdef, 31-030), and a font program that has every glyph the text
 * names with the widths the font dictionary gives (31-011, 31-016).
 */
async function objectProblems(bytes: Buffer, expected: PosterExpectation): Promise<string[]> {
  const problems: string[] = [];
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const page = pdf.getPage(0).node;
  const decode = (stream: unknown) =>
    stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()) : Buffer.alloc(0);
  const contents = page.Contents();
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((item) => pdf.context.lookup(item)) : [contents];
  const content = streams.map((stream) => decode(stream).toString("latin1")).join("\n");

  const open: Array<{ artifact: boolean; tagged: boolean }> = [];
  let naked = 0;
  let codes = 0;
  for (const { operator, operands } of operators(content)) {
    if (operator === "BMC" || operator === "BDC") {
      const artifact = operands[0] === "/Artifact";
      const tagged = operands.includes("/MCID");
      if (artifact && open.some((each) => each.tagged))
        problems.push("01-003: an artifact inside tagged content");
      if (tagged && open.some((each) => each.artifact))
        problems.push("01-004: tagged content inside an artifact");
      open.push({ artifact, tagged });
    } else if (operator === "EMC") open.pop();
    else if (PAINTING.has(operator) && open.length === 0) naked++;
    if (operator === "TJ" || operator === "Tj") {
      for (const hex of operands.filter((operand) => operand.startsWith("<")))
        if (/^<(?:[0-9A-F]{4})*0000/i.test(hex.replace(/\s/g, ""))) codes++;
    }
  }
  if (naked > 0) problems.push(`01-005: ${naked} operators neither artifact nor tagged content`);
  if (codes > 0) problems.push(`31-030: ${codes} text strings show character 0 (.notdef)`);

  const objects = pdf.context.enumerateIndirectObjects().map(([, object]) => object);
  const dictOf = (object: unknown) =>
    object instanceof PDFRawStream ? object.dict : object instanceof PDFDict ? object : undefined;
  const name = (dict: PDFDict | undefined, key: string) => dict?.get(PDFName.of(key))?.toString();
  for (const object of objects) {
    const dict = dictOf(object);
    if (name(dict, "Subtype") === "/Form" && /\bBDC\b/.test(decode(object).toString("latin1")))
      problems.push("30-002: a form holds marked content");
  }
  if (page.get(PDFName.of("Tabs"))?.toString() !== "/S")
    problems.push("28-008, 28-009: the page's /Tabs is not /S");

  const root = pdf.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  if (root?.get(PDFName.of("RoleMap"))) problems.push("02-004: a role map");
  // Each annotation leads through the parent tree to a Link element, and describes itself.
  const nums = root
    ?.lookupMaybe(PDFName.of("ParentTree"), PDFDict)
    ?.lookupMaybe(PDFName.of("Nums"), PDFArray);
  const parents = new Map<number, unknown>();
  for (let at = 0; nums && at + 1 < nums.size(); at += 2)
    parents.set(Number(nums.get(at).toString()), nums.lookup(at + 1));
  const annotations = page.Annots();
  for (const annotation of annotations?.asArray().map((item) => pdf.context.lookup(item)) ?? []) {
    const dict = dictOf(annotation);
    if (name(dict, "Subtype") !== "/Link") continue;
    const owner = dictOf(parents.get(Number(dict?.get(PDFName.of("StructParent"))?.toString())));
    if (name(owner, "S") !== "/Link") problems.push("28-011: a link annotation is not in a Link element");
    if (!dict?.get(PDFName.of("Contents"))) problems.push("28-012: a link annotation without Contents");
    const uri = dict?.lookupMaybe(PDFName.of("A"), PDFDict)?.get(PDFName.of("URI"));
    if (!uri?.toString().includes(expected.url))
      problems.push(`link: the annotation opens ${uri}, not ${expected.url}`);
  }
  if ((annotations?.size() ?? 0) === 0) problems.push("link: no link annotation over the address");

  const metadata = decode(pdf.catalog.lookup(PDFName.of("Metadata"))).toString("utf8");
  if (!metadata.includes(`<rdf:li xml:lang="${expected.lang}">`))
    problems.push("11-006: the title's language is not given");

  for (const font of objects.map(dictOf).filter((dict) => name(dict, "Subtype") === "/Type0")) {
    if (name(font, "Encoding") !== "/Identity-H") problems.push("31-006: the text font is not Identity-H");
    const cidFont = font?.lookupMaybe(PDFName.of("DescendantFonts"), PDFArray)?.lookup(0, PDFDict);
    if (name(cidFont, "CIDToGIDMap") !== "/Identity") problems.push("31-004, 31-005: no CIDToGIDMap");
    const map = decode(font?.lookup(PDFName.of("ToUnicode"))).toString("latin1");
    const values = [...map.matchAll(/<[0-9A-F]+>\s+<([0-9A-F]+)>/gi)].map((match) => match[1].toUpperCase());
    if (values.length === 0) problems.push("31-027: the text font has no ToUnicode map");
    if (values.some((value) => /^(?:0000|FEFF|FFFE)$/.test(value)))
      problems.push("31-028, 31-029: a ToUnicode value is 0, U+FEFF or U+FFFE");
    // The widths /W gives, [first [w w …]], against the font program's advances.
    const widths = cidFont?.lookupMaybe(PDFName.of("W"), PDFArray);
    const given = new Map<number, number>();
    for (let at = 0; widths && at + 1 < widths.size(); at += 2) {
      const first = Number(widths.get(at).toString());
      const list = widths.lookup(at + 1, PDFArray);
      for (let index = 0; index < list.size(); index++)
        given.set(first + index, Number(list.get(index).toString()));
    }
    const descriptor = cidFont?.lookupMaybe(PDFName.of("FontDescriptor"), PDFDict);
    const program = decode(descriptor?.lookup(PDFName.of("FontFile2")));
    const advances = trueTypeAdvances(program);
    if (!advances) problems.push("31-009: the text font's program is not embedded or not TrueType");
    for (const [cid, width] of given) {
      if (!advances || cid >= advances.length) problems.push(`31-011: the font program has no glyph ${cid}`);
      else if (Math.abs(advances[cid] - width) > 1)
        problems.push(`31-016: glyph ${cid} is ${advances[cid]} wide in the font, ${width} in /W`);
    }
  }
  return problems;
}

/** Each glyph's advance width in a TrueType font program, read from its hhea and hmtx tables. */
function trueTypeAdvances(font: Buffer): number[] | undefined {
  if (font.length < 12) return undefined;
  const tables = new Map<string, number>();
  for (let at = 0; at < font.readUInt16BE(4); at++) {
    const record = 12 + 16 * at;
    tables.set(font.toString("latin1", record, record + 4), font.readUInt32BE(record + 8));
  }
  const [hhea, hmtx, maxp] = [tables.get("hhea"), tables.get("hmtx"), tables.get("maxp")];
  if (hhea === undefined || hmtx === undefined || maxp === undefined) return undefined;
  const glyphs = font.readUInt16BE(maxp + 4);
  const metrics = font.readUInt16BE(hhea + 34);
  return Array.from({ length: glyphs }, (_, glyph) =>
    font.readUInt16BE(hmtx + 4 * Math.min(glyph, metrics - 1)),
  );
}

/** The structure tree in reading order: H1, paragraphs, the address as a link, the QR code and logos as figures. */
function structureProblems(root: StructNode, marked: Map<string, string>, expected: PosterExpectation) {
  const problems: string[] = [];
  const document = root?.children?.find((node) => node.role === "Document");
  if (!document?.children) return ["structure: no Document element in the structure tree"];
  const rtl = expected.dir === "rtl";
  // An element's words: its ActualText where it has one, else its marked content as pdf.js reads it.
  const wordsOf = (node: StructNode): string =>
    node.alt ??
    (node.children ?? [])
      .map((child) => (child.type === "content" && child.id ? (marked.get(child.id) ?? "") : wordsOf(child)))
      .join("");
  const read = (words: string) => normal(words, { spaces: rtl, marks: false });
  const elements = document.children;
  const roles = elements.map((node) => node.role).join(" ");
  const [heading, tagline, date, label, number] = elements;
  /** The element has the role and reads the words (or, `opening`, begins with them). */
  const expect = (
    node: StructNode | undefined,
    role: string,
    name: string,
    words: string,
    opening = false,
  ) => {
    if (node?.role !== role)
      return problems.push(`structure: the ${name} is ${node?.role ?? "missing"}, not ${role} (${roles})`);
    const found = read(wordsOf(node));
    if (opening ? !found.startsWith(read(words)) : found !== read(words))
      problems.push(`structure: the ${name}'s ${role} reads "${wordsOf(node)}", not "${words}"`);
  };
  expect(heading, "H1", "title", expected.title);
  expect(tagline, "P", "tagline", expected.tagline);
  expect(date, "P", "date", expected.date);
  // The label may be followed by the line's hours.
  expect(label, "P", "hotline label", expected.label, true);
  expect(number, "P", "hotline number", expected.number);
  const linkAt = elements.findIndex((node) => node.children?.some((child) => child.role === "Link"));
  const link = elements[linkAt]?.children?.find((child) => child.role === "Link");
  if (!link) problems.push(`structure: no Link element for the address (${roles})`);
  else {
    if (read(wordsOf(link)) !== read(expected.url))
      problems.push(`structure: the Link reads "${wordsOf(link)}"`);
    if (!link.children?.some((child) => child.type === "annotation" || child.type === "object"))
      problems.push("structure: the Link holds no link annotation");
  }
  const figures = elements.slice(linkAt + 1);
  const [qr, ...logos] = figures;
  if (qr?.role !== "Figure" || !qr.alt?.includes(expected.url))
    problems.push(
      `structure: the QR code is not a Figure whose Alt gives ${expected.url} (${qr?.role} "${qr?.alt}")`,
    );
  const names = logos.map((node) => (node.role === "Figure" ? (node.alt ?? "") : `<${node.role}>`));
  if (names.join(" | ") !== expected.partners.join(" | "))
    problems.push(
      `structure: the logos' figures say ${names.join(" | ")}, not ${expected.partners.join(" | ")}`,
    );
  // A name without a letter of the poster's script is in another language, which it must name.
  const script = new Intl.Locale(expected.lang).maximize().script ?? "Latn";
  const ownScript = new RegExp(`\\p{Script=${script === "Hans" || script === "Hant" ? "Han" : script}}`, "u");
  for (const logo of logos) {
    const foreign = !ownScript.test(logo.alt ?? "");
    if (foreign && !logo.lang) problems.push(`structure: the logo "${logo.alt}" has no /Lang`);
    if (!foreign && logo.lang) problems.push(`structure: the logo "${logo.alt}" has /Lang ${logo.lang}`);
  }
  return problems;
}

/**
 * The page's boxes: the screen copy exactly the paper; the print copy's TrimBox the paper, its
 * BleedBox 3 mm more each side, its MediaBox larger still, the colours running into the bleed
 * and crop marks at each corner outside it (read from the page drawn by pdftoppm).
 */
async function boxProblems(file: string, boxes: Map<string, string>, expected: PosterExpectation) {
  const box = (name: string) => (boxes.get(name) ?? "").split(/\s+/).map(Number);
  const [media, trim, bleed] = [box("MediaBox"), box("TrimBox"), box("BleedBox")];
  const problems: string[] = [];
  const near = (a: number, b: number) => Math.abs(a - b) < 0.01;
  const size = (of: number[]) => [of[2] - of[0], of[3] - of[1]];
  const [trimWidth, trimHeight] = size(trim);
  if (!near(trimWidth, expected.width) || !near(trimHeight, expected.height))
    problems.push(
      `boxes: the finished page is ${trimWidth} × ${trimHeight}, not ${expected.width} × ${expected.height}`,
    );
  if (!expected.print) {
    if (media.some((value, index) => !near(value, trim[index])))
      problems.push(`boxes: MediaBox ${media} is not the page`);
    return problems;
  }
  const bleedPoints = (3 / 25.4) * 72;
  const grown = [trim[0] - bleedPoints, trim[1] - bleedPoints, trim[2] + bleedPoints, trim[3] + bleedPoints];
  if (bleed.some((value, index) => !near(value, grown[index])))
    problems.push(`boxes: BleedBox ${bleed} is not the TrimBox ${trim} and 3 mm`);
  if (!(media[0] < bleed[0] && media[1] < bleed[1] && media[2] > bleed[2] && media[3] > bleed[3]))
    problems.push(`boxes: MediaBox ${media} does not hold the bleed ${bleed} and marks`);
  problems.push(...(await cornerProblems(file, media, trim, bleed)));
  return problems;
}

/**
 * Each corner of the page drawn by pdftoppm at 150 dpi, in a square centred on it that reaches
 * the sheet's edges: outside the bleed only crop marks on the lines of the page's edges; inside
 * the bleed, the colour of the page's corner.
 */
async function cornerProblems(file: string, media: number[], trim: number[], bleed: number[]) {
  const dpi = 150;
  const px = (points: number) => (points * dpi) / 72;
  const slug = px(trim[0] - media[0]);
  const reach = px(trim[0] - bleed[0]);
  const top = media[3];
  const problems: string[] = [];
  for (const [name, cornerX, cornerY, outX, outY] of [
    ["top left", trim[0], trim[3], -1, -1],
    ["top right", trim[2], trim[3], 1, -1],
    ["bottom left", trim[0], trim[1], -1, 1],
    ["bottom right", trim[2], trim[1], 1, 1],
  ] as const) {
    // The corner in the drawing's pixels (y downwards), and the square around it.
    const [cx, cy] = [px(cornerX - media[0]), px(top - cornerY)];
    const [left, upper, size] = [Math.round(cx - slug), Math.round(cy - slug), Math.round(2 * slug)];
    const args = [
      "-r",
      String(dpi),
      "-x",
      String(left),
      "-y",
      String(upper),
      "-W",
      String(size),
      "-H",
      String(size),
    ];
    const png = await toolBytes("pdftoppm", [...args, "-png", "-singlefile", file]);
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const colour = (x: number, y: number) => {
      const offset = (Math.round(y) * info.width + Math.round(x)) * info.channels;
      return [data[offset], data[offset + 1], data[offset + 2]];
    };
    const [x0, y0] = [cx - left, cy - upper];
    let marks = 0;
    let stray = 0;
    for (let y = 0; y < info.height; y++) {
      for (let x = 0; x < info.width; x++) {
        const outside = (x - x0) * outX > reach + 1 || (y - y0) * outY > reach + 1;
        if (!outside) continue;
        const [r, g, b] = colour(x, y);
        if (r + g + b > 3 * 200) continue;
        if (Math.abs(x - x0) <= 1.5 || Math.abs(y - y0) <= 1.5) marks++;
        else stray++;
      }
    }
    if (marks < px(4)) problems.push(`crop marks: none at the ${name} corner, outside the bleed`);
    if (stray > 0) problems.push(`crop marks: ${stray} dark pixels outside the bleed at the ${name} corner`);
    const bleedColour = colour(x0 + (outX * reach) / 2, y0 + (outY * reach) / 2);
    const pageColour = colour(x0 - outX * 3, y0 - outY * 3);
    if (bleedColour.some((channel, index) => Math.abs(channel - pageColour[index]) > 8))
      problems.push(
        `bleed: at the ${name} corner it is rgb(${bleedColour}), the page's corner rgb(${pageColour})`,
      );
  }
  return problems;
}
