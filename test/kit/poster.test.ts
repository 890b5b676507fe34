import path from "node:path";
import jsqr from "jsqr";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import "../../src/render/fonts.ts";
import { loadKitDesign } from "../../src/kit/design.ts";
import {
  PosterFitError,
  type PosterInput,
  renderPosterPdf,
  renderPosterPreview,
} from "../../src/kit/poster.ts";
import { FIXTURES, TEMPLATES } from "../helpers/fixtures.ts";

const { poster: design } = await loadKitDesign(path.join(TEMPLATES, "default"));
const LOGO = path.join(FIXTURES, "campaigns/minimal/logos/mark.svg");

function input(overrides: Partial<PosterInput> = {}): PosterInput {
  return {
    design,
    lang: "en",
    dir: "ltr",
    theme: { primary: "#1e40af", background: "#ffffff", text: "#111827" },
    title: "World Day against Trafficking in Persons",
    tagline: "Every victim of trafficking counts, leave no one behind",
    dateText: "30 July 2023",
    hotlineLabel: "Helpline",
    hotlines: [
      { number: "078 055 800", region: "Belgium" },
      { number: "0800 7000", region: "Netherlands" },
    ],
    url: "https://www.example.be/blue-heart-2023/en/",
    qrAlt: "QR code",
    logos: [{ file: LOGO, name: "Mark" }],
    ...overrides,
  };
}

async function decode(png: Buffer): Promise<string | undefined> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)
    ?.data;
}

/** jsqr is CommonJS: its default export is the module itself at run time. */
const jsQR = ((jsqr as unknown as { default?: typeof jsqr.default }).default ??
  jsqr) as unknown as typeof jsqr.default;

const test = suite("posters");

test("a QR reader finds the page's address in the preview, left-to-right and right-to-left", async () => {
  const english = await renderPosterPreview(input());
  assert.is(await decode(english), "https://www.example.be/blue-heart-2023/en/");
  const arabic = await renderPosterPreview(
    input({
      lang: "ar",
      dir: "rtl",
      title: "اليوم العالمي لمكافحة الاتجار بالأشخاص",
      tagline: "كل ضحية للاتجار بالبشر مهمة، لا تتركوا أحداً خلف الركب",
      dateText: "٣٠ يوليو ٢٠٢٣",
      hotlineLabel: "خط المساعدة",
      url: "https://www.example.be/blue-heart-2023/ar/",
    }),
  );
  assert.is(await decode(arabic), "https://www.example.be/blue-heart-2023/ar/");
});

test("the QR code is at least 30 mm wide on A4, with its quiet zone", async () => {
  const png = await renderPosterPreview(input());
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const found = jsQR(
    new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    info.width,
    info.height,
  );
  assert.ok(found);
  const widthPx = (found?.location.topRightCorner.x ?? 0) - (found?.location.topLeftCorner.x ?? 0);
  const mm = (widthPx / design.previewDpi) * 25.4;
  assert.ok(mm >= 30, `QR code is ${mm.toFixed(1)} mm wide`);
});

test("the PDFs have one page of exactly A4 or A3, and A4 stays under 5 MB", async () => {
  for (const [paper, size] of [
    ["a4", [595.28, 841.89]],
    ["a3", [841.89, 1190.55]],
  ] as const) {
    const bytes = await renderPosterPdf(input(), paper);
    const pdf = await PDFDocument.load(bytes);
    assert.is(pdf.getPageCount(), 1);
    const { width, height } = pdf.getPage(0).getSize();
    assert.equal([width, height], [...size], paper);
    if (paper === "a4") assert.ok(bytes.length < 5 * 1024 * 1024, `${bytes.length} bytes`);
  }
});

test("the same poster gives the same PDF bytes", async () => {
  const [a, b] = await Promise.all([renderPosterPdf(input(), "a4"), renderPosterPdf(input(), "a4")]);
  assert.ok(a.equals(b));
});

test("a title too long for the poster names the field", async () => {
  try {
    await renderPosterPreview(input({ title: "Trafficking ".repeat(120) }));
    assert.unreachable("should have thrown");
  } catch (error) {
    assert.instance(error, PosterFitError);
    assert.is((error as PosterFitError).field, "title");
  }
});

test.run();
