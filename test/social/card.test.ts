import path from "node:path";
import sharp from "sharp";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import "../../src/render/fonts.ts";
import { escapeMarkup } from "../../src/render/text-fit.ts";
import { CardFitError, type CardInput, renderCard } from "../../src/social/card.ts";
import { loadDesign } from "../../src/social/design.ts";
import { FIXTURES, TEMPLATES } from "../helpers/fixtures.ts";

const design = await loadDesign(path.join(TEMPLATES, "default"));
const LOGO = path.join(FIXTURES, "campaigns/minimal/logos/mark.svg");

function card(overrides: Partial<CardInput> = {}): CardInput {
  return {
    format: design.formats.og,
    emblem: design.emblem,
    lang: "en",
    dir: "ltr",
    background: "#1d4ed8",
    foreground: "#ffffff",
    title: "World Day against Trafficking in Persons",
    tagline: "Every victim of trafficking counts, leave no one behind",
    date: "30 July 2023",
    address: "www.example.be/2023",
    hotlineLabel: "Helpline",
    hotlineNumber: "078 055 800",
    logos: [LOGO],
    ...overrides,
  };
}

/** Pixels that differ from the card colour, per half, within rows [top, bottom). */
async function inkByHalf(png: Buffer, top: number, bottom: number): Promise<{ start: number; end: number }> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const background = [data[0], data[1], data[2]];
  let left = 0;
  let right = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * 3;
      const ink =
        Math.abs(data[i] - background[0]) +
          Math.abs(data[i + 1] - background[1]) +
          Math.abs(data[i + 2] - background[2]) >
        60;
      if (ink) x < info.width / 2 ? left++ : right++;
    }
  }
  return { start: left, end: right };
}

const test = suite("renderCard");

test("every format has its exact size and stays within its byte budget", async () => {
  for (const [name, format] of Object.entries(design.formats)) {
    const png = await renderCard(card({ format }));
    const meta = await sharp(png).metadata();
    assert.equal([meta.width, meta.height, meta.format], [format.width, format.height, "png"], name);
    assert.ok(png.length <= format.maxBytes, `${name}: ${png.length} bytes`);
  }
});

test("Arabic text sits on the right, English on the left", async () => {
  const arabic = await renderCard(
    card({
      lang: "ar",
      dir: "rtl",
      title: "اليوم العالمي",
      tagline: "كل ضحية مهمة",
      hotlineLabel: "خط المساعدة",
    }),
  );
  const english = await renderCard(card({ title: "Day", tagline: "Every victim counts" }));
  const rows = [56, 630 - 56] as const;
  const ar = await inkByHalf(arabic, ...rows);
  const en = await inkByHalf(english, ...rows);
  assert.ok(ar.end > ar.start * 3, `Arabic ink: ${JSON.stringify(ar)}`);
  assert.ok(en.start > en.end * 3, `English ink: ${JSON.stringify(en)}`);
});

/** The bounding box of the pixels that differ between two cards of the same size. */
async function differenceBox(a: Buffer, b: Buffer) {
  const [x, y] = await Promise.all(
    [a, b].map((png) => sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true })),
  );
  const { width, height } = x.info;
  let [left, top, right, bottom] = [width, height, -1, -1];
  for (let row = 0; row < height; row++) {
    for (let column = 0; column < width; column++) {
      const i = (row * width + column) * 3;
      const distance =
        Math.abs(x.data[i] - y.data[i]) +
        Math.abs(x.data[i + 1] - y.data[i + 1]) +
        Math.abs(x.data[i + 2] - y.data[i + 2]);
      if (distance <= 60) continue;
      [left, top] = [Math.min(left, column), Math.min(top, row)];
      [right, bottom] = [Math.max(right, column), Math.max(bottom, row)];
    }
  }
  return { left, top, right, bottom };
}

/** The bounding box of the pixels that differ from the card colour, within rows [top, bottom). */
async function inkBox(png: Buffer, top: number, bottom: number) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let [left, first, right, last] = [info.width, bottom, -1, -1];
  for (let row = top; row < bottom; row++) {
    for (let column = 0; column < info.width; column++) {
      const i = (row * info.width + column) * 3;
      const distance =
        Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]);
      if (distance <= 60) continue;
      [left, first] = [Math.min(left, column), Math.min(first, row)];
      [right, last] = [Math.max(right, column), Math.max(last, row)];
    }
  }
  return { left, top: first, right, bottom: last };
}

test("a 200-character tagline shrinks to fit inside the card's margins, clear of the hotline", async () => {
  const tagline = "Every victim of trafficking counts; nobody is left behind. ".repeat(4).slice(0, 200);
  assert.is(tagline.length, 200);
  for (const [name, format] of Object.entries(design.formats)) {
    const long = await renderCard(card({ format, tagline, logos: [] }));
    // Where the tagline starts: the first row that changes when only the tagline changes (the
    // blocks below it may move too, as they share the room left over).
    const changed = await differenceBox(long, await renderCard(card({ format, tagline: ".", logos: [] })));
    // Where the hotline label is: what changes when only the label changes (to one of the
    // same ink height, ascender and descender, so the room left for the text stays the same).
    const label = await differenceBox(
      long,
      await renderCard(card({ format, tagline, hotlineLabel: "Xxxlpxxx", logos: [] })),
    );
    // The tagline's ink: all that is drawn from its first row down to the label.
    const text = await inkBox(long, changed.top, label.top);
    const where = `${name}: tagline ${JSON.stringify(text)}, hotline label ${JSON.stringify(label)}`;
    assert.ok(text.left >= format.padding && text.top >= format.padding, where);
    assert.ok(text.right < format.width - format.padding, where);
    assert.ok(text.bottom < format.height - format.padding, where);
    assert.ok(label.top > 0 && text.bottom < label.top - format.gap / 2, where);
  }
});

test("& and < in text are drawn, not parsed as markup", async () => {
  assert.is(escapeMarkup(`Tom & Jerry <b>"x"</b>`), "Tom &amp; Jerry &lt;b&gt;&quot;x&quot;&lt;/b&gt;");
  const png = await renderCard(card({ title: "Safe & sound <here>", tagline: "A < B && C > D" }));
  const ink = await inkByHalf(png, 150, 400);
  assert.ok(ink.start > 1000);
  // Parsed as markup, an empty <i></i> would draw nothing; as text it draws its seven characters.
  const tags = await renderCard(card({ tagline: "A<i></i>B" }));
  const plain = await renderCard(card({ tagline: "AB" }));
  const box = await differenceBox(tags, plain);
  assert.ok(box.right - box.left > 50, `"<i></i>" drew ${JSON.stringify(box)}`);
});

test("text that cannot fit even at the smallest size is refused, naming the field", async () => {
  try {
    await renderCard(card({ tagline: "Far too long. ".repeat(300) }));
    assert.unreachable("expected a CardFitError");
  } catch (error) {
    assert.instance(error, CardFitError);
    assert.is((error as CardFitError).field, "tagline");
    assert.match((error as Error).message, /does not fit even at 22 px/);
  }
});

test("the same inputs give byte-identical files", async () => {
  const input = card({ format: design.formats.square });
  const [first, second] = [await renderCard(input), await renderCard(input)];
  assert.ok(first.equals(second));
});

test.run();
