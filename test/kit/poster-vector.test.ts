/**
 * Poster text as outlines: the PDFs carry the glyphs as paths (no picture of the text), Arabic
 * is shaped with its joining forms, and every script the share images support is drawn with
 * real glyphs, never the empty box of a missing one.
 */
import path from "node:path";
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import "../../src/render/fonts.ts";
import { loadKitDesign } from "../../src/kit/design.ts";
import { type PosterInput, renderPoster } from "../../src/kit/poster.ts";
import { layoutPoster } from "../../src/kit/poster-layout.ts";
import { pdfImage } from "../../src/kit/poster-pdf.ts";
import { layoutText } from "../../src/render/line-breaking.ts";
import { shapeText } from "../../src/render/shaping.ts";
import { accented, mirrored } from "../../src/translations/pseudo.ts";
import { FIXTURES, TEMPLATES } from "../helpers/fixtures.ts";
import { SCRIPT_TITLES } from "../helpers/poster-words.ts";

const { poster: design } = await loadKitDesign(path.join(TEMPLATES, "default"));
const LOGO = path.join(FIXTURES, "campaigns/minimal/logos/mark.svg");

const SAMPLES: Record<string, { dir: "ltr" | "rtl"; title: string }> = {
  ...SCRIPT_TITLES,
  "en-XA": { dir: "ltr", title: accented("World Day against Trafficking in Persons") },
  "ar-XB": { dir: "rtl", title: mirrored("World Day against Trafficking in Persons") },
};

function input(lang: string, overrides: Partial<PosterInput> = {}): PosterInput {
  const sample = SAMPLES[lang];
  return {
    design,
    lang,
    dir: sample.dir,
    theme: { primary: "#1e40af", background: "#ffffff", text: "#111827" },
    title: sample.title,
    tagline: sample.title,
    dateText: "30 July 2023",
    hotlineLabel: sample.title.slice(0, 12),
    hotlines: [{ number: "078 055 800", region: "Belgium" }],
    url: `https://www.example.be/blue-heart-2023/${lang}/`,
    qrAlt: "QR code",
    logos: [{ file: LOGO, name: "Mark" }],
    ...overrides,
  };
}

/** The page's image XObjects, and its content with that of its forms (XObjects drawn as operators), decoded. */
async function readPage(bytes: Buffer) {
  const pdf = await PDFDocument.load(bytes);
  const page = pdf.getPage(0);
  const xObjects = page.node.Resources()?.lookupMaybe(PDFName.of("XObject"), PDFDict);
  const objects = (xObjects?.keys() ?? []).map((key) => xObjects?.lookup(key));
  const ofType = (type: string) =>
    objects.filter(
      (object): object is PDFRawStream =>
        object instanceof PDFRawStream && object.dict.get(PDFName.of("Subtype")) === PDFName.of(type),
    );
  const contents = page.node.Contents();
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref)) : [contents];
  const content = [...streams, ...ofType("Form")]
    .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
    .map((stream) => Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1"))
    .join("\n");
  return { images: ofType("Image"), forms: ofType("Form"), content };
}

const test = suite("poster text as outlines");

test("the PDFs draw text as filled paths: their only images are the emblem and the logo", async () => {
  const files = await renderPoster(input("fr"));
  for (const paper of ["a4", "a3"] as const) {
    const { images, forms, content } = await readPage(files[paper]);
    assert.is(images.length, 2, `${paper}: emblem and logo, no picture of text`);
    assert.is(forms.length, 6, `${paper}: title, tagline, date, label, number, address`);
    const curves = content.match(/^[-\d. ]+ c$/gm) ?? [];
    assert.ok(curves.length > 500, `${paper}: ${curves.length} curves`);
    assert.match(
      content,
      /^q 1 1 1 rg [-\d. ]+ cm \/T\d+ Do Q$/m,
      "the band's words are filled with the background colour",
    );
  }
});

test("a line with a colour emoji keeps its picture; the rest stays outlines", async () => {
  const files = await renderPoster(input("fr", { tagline: "Chaque victime compte 💙" }));
  const { images } = await readPage(files.a3);
  assert.is(images.length, 3, "emblem, logo and the tagline's picture");
});

test("Arabic letters are joined: each takes its initial, medial or final form", () => {
  const [unit] = shapeText("مكافحة", "ar", "bold", "rtl");
  const [piece] = unit.pieces;
  assert.is(unit.pieces.length, 1, "one run of one font");
  const font = piece.face.font;
  // The letters' glyphs (the font draws some dots as marks of their own, named without a form),
  // in visual order: the word's last letter first. ا does not join the letter after it, so ف
  // starts anew.
  const names = piece.glyphs.map((glyph) => font.glyphName(glyph.id));
  const letters = piece.glyphs.filter((_, index) => names[index].includes("."));
  assert.equal(
    letters.map((glyph) => font.glyphName(glyph.id).split(".")[1]),
    ["fina", "medi", "init", "fina", "medi", "init"],
  );
  const isolated = [..."مكافحة"].reverse().map((char) => font.nominalGlyph(char.codePointAt(0) ?? 0));
  assert.not.equal(
    letters.map((glyph) => glyph.id),
    isolated,
    "not the isolated letters one after another",
  );
});

test("right to left: brackets and quotes face the words they enclose", () => {
  // Laid out on one line, glyphs from left to right: the phrase's closing bracket stands at its
  // left, drawn as "(", and its opening one at its right, drawn as ")".
  const seen = (text: string) => {
    const units = shapeText(text, "ar", "bold", "rtl");
    const [line] = layoutText(units, 100, 10_000, "rtl", "bold").lines;
    return [...line].sort((a, b) => a.x - b.x).map((placed) => placed.face.font.glyphName(placed.glyph));
  };
  const parens = seen("(مجاناً)");
  assert.is(parens[0], "parenleft", parens.join(" "));
  assert.is(parens[parens.length - 1], "parenright", parens.join(" "));
  const quotes = seen("«الآن»").filter((name) => name.startsWith("guillemot"));
  assert.equal(quotes, ["guillemotleft", "guillemotright"]);
});

test("every script the share images support is drawn with real glyphs, none missing", () => {
  for (const [lang, { title, dir }] of Object.entries(SAMPLES)) {
    for (const weight of ["regular", "bold"] as const) {
      const glyphs = shapeText(title, lang, weight, dir).flatMap((unit) =>
        unit.pieces.flatMap((piece) => piece.glyphs),
      );
      assert.ok(glyphs.length > 0, lang);
      const missing = glyphs.filter((glyph) => glyph.id === 0);
      assert.is(missing.length, 0, `${lang} ${weight}: ${missing.length} missing glyphs`);
    }
  }
});

test("right to left: a phone number inside Arabic text reads left to right", async () => {
  const [word] = shapeText("\u2066078 055 800\u2069", "ar", "bold", "rtl");
  const digits = word.pieces.flatMap((piece) => piece.glyphs.map((glyph) => glyph.codePoints[0]));
  assert.equal(String.fromCodePoint(...digits.slice(0, 3)), "078");
});

test("Chinese breaks between words, never before a closing comma or full stop", () => {
  const text = "每一位受害者都很重要，不让任何人掉队。";
  const units = shapeText(text, "zh", "regular", "ltr");
  assert.ok(units.length > 3, `${units.length} places to break`);
  const starts = units.map((unit) => String.fromCodePoint(unit.pieces[0].glyphs[0].codePoints[0]));
  assert.not.ok(starts.includes("，"), starts.join(" "));
  assert.not.ok(starts.includes("。"), starts.join(" "));
});

test("below the band, lines of text keep a space between their inks, in Arabic too", async () => {
  for (const lang of ["fr", "ar"]) {
    const hotlines = [
      { number: "078 055 800", region: "Belgium", hours: "Mon–Fri 9:00–17:00" },
      { number: "0800 7000", region: "Netherlands" },
      { number: "8002 7676", region: "Luxembourg" },
    ];
    const layout = await layoutPoster(input(lang, { hotlines }), "a4", 300, pdfImage);
    const band = layout.items.find(
      (item) => item.kind === "fill" && item.y === 0 && item.height < layout.height,
    );
    const below = layout.items
      .filter((item) => item.kind === "text" && band?.kind === "fill" && item.y > band.height)
      .map((item) => (item.kind === "text" ? { top: item.y, bottom: item.y + item.text.height } : undefined))
      .filter((box) => box !== undefined)
      .sort((a, b) => a.top - b.top);
    assert.ok(below.length >= 4, `${lang}: label, number, two other lines`);
    for (let i = 1; i < below.length; i++) {
      assert.ok(
        below[i].top - below[i - 1].bottom >= 8,
        `${lang}: line ${i} is ${below[i].top - below[i - 1].bottom} px below line ${i - 1}`,
      );
    }
  }
});

test.run();
