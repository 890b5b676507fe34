/**
 * The posters' invisible text in every script they draw: poppler and pdf.js find the title in
 * Latin, Arabic, Persian, Ethiopic, Cyrillic and Chinese, and a line with a colour emoji (drawn
 * as a picture) still gives its words, the emoji as a UTF-16 surrogate pair in the ToUnicode map.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import "../../src/render/fonts.ts";
import { loadKitDesign } from "../../src/kit/design.ts";
import { type PosterInput, renderPoster } from "../../src/kit/poster.ts";
import { FIXTURES, TEMPLATES, tempDir } from "../helpers/fixtures.ts";
import { holds, pdftotext, readWithPdfjs } from "../helpers/poster-readers.ts";
import { SCRIPT_TITLES } from "../helpers/poster-words.ts";

const { poster: design } = await loadKitDesign(path.join(TEMPLATES, "default"));
const LOGO = path.join(FIXTURES, "campaigns/minimal/logos/mark.svg");

function input(lang: string, overrides: Partial<PosterInput> = {}): PosterInput {
  const { dir, title } = SCRIPT_TITLES[lang];
  return {
    design,
    lang,
    dir,
    theme: { primary: "#1e40af", background: "#ffffff", text: "#111827" },
    title,
    tagline: title,
    dateText: "30 July 2023",
    hotlineLabel: "Helpline",
    hotlines: [{ number: "078 055 800", region: "Belgium" }],
    url: `https://www.example.be/blue-heart-2023/${lang}/`,
    qrAlt: "QR code",
    logos: [{ file: LOGO, name: "Mark" }],
    ...overrides,
  };
}

const test = suite("poster text that machines read");

test("poppler and pdf.js read the title in every script the posters draw", async () => {
  const dir = await tempDir("poster-scripts-");
  for (const [lang, { dir: direction, title }] of Object.entries(SCRIPT_TITLES)) {
    const { a4 } = await renderPoster(input(lang));
    const file = path.join(dir, `${lang}.pdf`);
    await fs.writeFile(file, a4);
    const rtl = direction === "rtl";
    assert.ok(holds(await pdftotext(file), title, rtl), `${lang}: pdftotext`);
    assert.ok(holds((await readWithPdfjs(a4)).text, title, rtl, true), `${lang}: pdf.js`);
  }
  await fs.rm(dir, { recursive: true, force: true });
});

test("a line with a colour emoji keeps its words, the emoji as a surrogate pair", async () => {
  const tagline = "Chaque victime compte 💙";
  const { a4 } = await renderPoster(input("fr", { tagline }));
  const dir = await tempDir("poster-emoji-");
  const file = path.join(dir, "fr.pdf");
  await fs.writeFile(file, a4);
  assert.ok(holds(await pdftotext(file), tagline, false), "pdftotext");
  assert.ok(holds((await readWithPdfjs(a4)).text, tagline, false), "pdf.js");
  // The ToUnicode map of the text's font, as pdf-lib reads it.
  const pdf = await PDFDocument.load(a4);
  const maps = pdf.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((object): object is PDFDict => object instanceof PDFDict)
    .filter((font) => font.get(PDFName.of("Subtype")) === PDFName.of("Type0"))
    .map((font) => font.lookup(PDFName.of("ToUnicode")))
    .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
    .map((stream) => Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1"));
  assert.is(maps.length, 1, "one font for the text");
  assert.match(maps[0], /<[0-9A-F]{4}> <D83DDC99>/);
  await fs.rm(dir, { recursive: true, force: true });
});

test.run();
