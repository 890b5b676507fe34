import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import "../../src/render/fonts.ts";
import { type CardInput, renderCard } from "../../src/social/card.ts";
import { FORMATS, loadDesign } from "../../src/social/design.ts";
import { TEMPLATES, tempDir } from "../helpers/fixtures.ts";

const design = await loadDesign(path.join(TEMPLATES, "default"));
const LOGOS = ["payoke", "pag-asa", "surya", "fps-justice", "social-inspection"].map((name) =>
  path.join(TEMPLATES, `../assets/partners/${name}.svg`),
);

/** Words of the example campaign, and a short title, in the scripts the shipped fonts draw. */
const WORDS = {
  fr: {
    dir: "ltr",
    title: "Journée mondiale contre la traite des êtres humains 2023",
    tagline: "Chaque victime de la traite compte, ne laisser personne de côté",
  },
  ar: {
    dir: "rtl",
    title: "اليوم العالمي لمناهضة الاتجار بالأشخاص 2023",
    tagline: "كل ضحية للاتجار بالأشخاص مهمة، لا تتركوا أحدًا خلف الركب",
  },
  ti: { dir: "ltr", title: "ዓለምለኻዊ መዓልቲ ምቅላስ ዘይሕጋዊ ምስግጋር ሰባት", tagline: "ነፍሲ ወከፍ ግዳይ ኣገዳሲ እዩ" },
  ru: { dir: "ltr", title: "Всемирный день борьбы с торговлей людьми", tagline: "Каждая жертва важна" },
  zh: { dir: "ltr", title: "世界打击贩运人口日", tagline: "每一位受害者都很重要" },
  en: { dir: "ltr", title: "Blue Heart Day", tagline: "Every victim counts" },
} as const;

function card(lang: keyof typeof WORDS, overrides: Partial<CardInput> = {}): CardInput {
  return {
    format: design.formats.story,
    emblem: design.emblem,
    lang,
    dir: WORDS[lang].dir,
    background: "#1d4ed8",
    foreground: "#ffffff",
    title: WORDS[lang].title,
    tagline: WORDS[lang].tagline,
    date: "30 July 2023",
    address: "www.example.be/2023",
    hotlineLabel: "Helpline",
    hotlineNumber: "078 055 800",
    logos: LOGOS,
    ...overrides,
  };
}

interface Pixels {
  data: Buffer;
  width: number;
  height: number;
}

async function pixels(png: Buffer): Promise<Pixels> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

const distance = (a: Pixels, i: number, b: Pixels, j: number) =>
  Math.abs(a.data[i] - b.data[j]) +
  Math.abs(a.data[i + 1] - b.data[j + 1]) +
  Math.abs(a.data[i + 2] - b.data[j + 2]);

/** Whether row `y` holds anything but the card colour (its top-left pixel). */
const inkedRow = (image: Pixels, y: number) => {
  for (let x = 0; x < image.width; x++)
    if (distance(image, (y * image.width + x) * 3, image, 0) > 60) return true;
  return false;
};

/** The bounding box of the pixels that differ between two cards of the same size. */
async function differenceBox(a: Buffer, b: Buffer) {
  const [x, y] = await Promise.all([pixels(a), pixels(b)]);
  let [left, top, right, bottom] = [x.width, x.height, -1, -1];
  for (let row = 0; row < x.height; row++) {
    for (let column = 0; column < x.width; column++) {
      const i = (row * x.width + column) * 3;
      if (distance(x, i, y, i) <= 60) continue;
      [left, top] = [Math.min(left, column), Math.min(top, row)];
      [right, bottom] = [Math.max(right, column), Math.max(bottom, row)];
    }
  }
  return { left, top, right, bottom };
}

/** The tagline's words (or, without spaces, characters) in another order: the same glyphs. */
const reordered = (tagline: string) =>
  tagline.includes(" ") ? tagline.split(" ").reverse().join(" ") : [...tagline].reverse().join("");

/**
 * Where the tagline's first ink is (the first row that changes when only the order of its words
 * changes) and the title's last ink (the last inked row above it).
 */
async function titleAndTagline(card: CardInput): Promise<{ titleBottom: number; taglineTop: number }> {
  // Without its fills, nothing above the tagline moves when the tagline's lines change.
  const stack = card.format.stack.filter((item) => item !== "fill");
  const input = { ...card, format: { ...card.format, stack } };
  const png = await renderCard(input);
  const { top } = await differenceBox(png, await renderCard({ ...input, tagline: reordered(input.tagline) }));
  const image = await pixels(png);
  let titleBottom = top - 1;
  while (titleBottom > 0 && !inkedRow(image, titleBottom)) titleBottom--;
  return { titleBottom, taglineTop: top };
}

const test = suite("share card layout");

test("every format shows the date and the site's address, inside its margins", async () => {
  for (const name of FORMATS) {
    const format = design.formats[name];
    const base = await renderCard(card("fr", { format, date: "30 juillet 2023" }));
    for (const change of [{ date: "1 janvier 2024" }, { address: "www.example.org/other" }]) {
      const box = await differenceBox(
        base,
        await renderCard(card("fr", { format, date: "30 juillet 2023", ...change })),
      );
      const where = `${name} ${Object.keys(change)[0]}: ${JSON.stringify(box)}`;
      assert.ok(box.right > box.left, `${where} drew nothing`);
      assert.ok(box.left >= format.padding && box.right < format.width - format.padding, where);
      assert.ok(box.top >= format.padding && box.bottom < format.height - format.padding, where);
    }
  }
});

test("the address is drawn left to right on a right-to-left card, on its start side", async () => {
  // Without fills nothing moves when the address changes; "w" lies within the address's ink, so
  // what differs is exactly where the address is.
  const format = { ...design.formats.og, stack: design.formats.og.stack.filter((item) => item !== "fill") };
  const boxes = [];
  const images = [];
  for (const lang of ["en", "ar"] as const) {
    const png = await renderCard(card(lang, { format }));
    boxes.push(await differenceBox(png, await renderCard(card(lang, { format, address: "w" }))));
    images.push(await pixels(png));
  }
  const [en, ar] = boxes;
  assert.ok(ar.left > format.width / 2 && en.right < format.width / 2, JSON.stringify(boxes));
  assert.equal([ar.right - ar.left, ar.bottom - ar.top], [en.right - en.left, en.bottom - en.top]);
  // The same address, drawn the same way: the two crops match pixel for pixel.
  let different = 0;
  for (let y = 0; y <= en.bottom - en.top; y++) {
    for (let x = 0; x <= en.right - en.left; x++) {
      const i = ((en.top + y) * format.width + en.left + x) * 3;
      const j = ((ar.top + y) * format.width + ar.left + x) * 3;
      if (distance(images[0], i, images[1], j) > 60) different++;
    }
  }
  assert.ok(different < 10, `${different} pixels of the address differ between English and Arabic`);
});

test("the gap from the title's last ink to the tagline's first ink is the same in every script", async () => {
  for (const name of FORMATS) {
    const format = design.formats[name];
    const gaps: Record<string, number> = {};
    for (const lang of ["en", "fr", "ar", "ti", "ru", "zh"] as const) {
      const { titleBottom, taglineTop } = await titleAndTagline(card(lang, { format }));
      gaps[lang] = taglineTop - titleBottom - 1;
    }
    for (const [lang, gap] of Object.entries(gaps))
      assert.ok(Math.abs(gap - gaps.en) <= 3, `${name}: gaps ${JSON.stringify(gaps)} (${lang})`);
  }
});

test("a title's lines are as far apart in every script", async () => {
  const format = design.formats.og;
  const words = { en: "Heart", ar: "الأشخاص", ti: "ዓለምለኻዊ", ru: "Сердце", zh: "世界" } as const;
  const pitches: Record<string, number> = {};
  for (const [lang, word] of Object.entries(words) as Array<[keyof typeof words, string]>) {
    // A second line of the same word moves the tagline down by exactly one line's pitch.
    const one = await titleAndTagline(card(lang, { format, title: word }));
    const two = await titleAndTagline(card(lang, { format, title: `${word}\n${word}` }));
    pitches[lang] = two.taglineTop - one.taglineTop;
  }
  const expected = format.title.max * format.title.lineHeight;
  for (const [lang, pitch] of Object.entries(pitches))
    assert.ok(
      Math.abs(pitch - expected) <= 2,
      `pitch ${JSON.stringify(pitches)}, expected ${expected} (${lang})`,
    );
});

/** The tallest run of rows that are nothing but the card colour, as a share of the height. */
async function largestEmptyBand(png: Buffer): Promise<number> {
  const image = await pixels(png);
  let [run, largest] = [0, 0];
  for (let y = 0; y < image.height; y++) {
    run = inkedRow(image, y) ? 0 : run + 1;
    largest = Math.max(largest, run);
  }
  return largest / image.height;
}

test("the story uses its height: no empty band taller than 15 % of it", async () => {
  for (const lang of ["fr", "ar", "en", "zh"] as const) {
    for (const logos of [LOGOS, []]) {
      const band = await largestEmptyBand(await renderCard(card(lang, { logos })));
      assert.ok(
        band <= 0.15,
        `${lang}, ${logos.length} logos: an empty band of ${(band * 100).toFixed(1)} %`,
      );
    }
  }
});

/** Boxes of the reddest pixels: each logo of the fixture is a solid red rectangle. */
function redBoxes(image: Pixels): Array<{ left: number; top: number; right: number; bottom: number }> {
  const red = (x: number, y: number) => {
    const i = (y * image.width + x) * 3;
    return image.data[i] > 180 && image.data[i + 1] < 80 && image.data[i + 2] < 80;
  };
  const boxes = [];
  let y = 0;
  while (y < image.height) {
    const rowHasRed = (row: number) =>
      Array.from({ length: image.width }, (_, x) => x).some((x) => red(x, row));
    if (!rowHasRed(y)) {
      y++;
      continue;
    }
    const top = y;
    while (y < image.height && rowHasRed(y)) y++;
    // Within this run of rows, each run of red columns is one logo.
    let x = 0;
    const columnHasRed = (column: number) => {
      for (let row = top; row < y; row++) if (red(column, row)) return true;
      return false;
    };
    while (x < image.width) {
      if (!columnHasRed(x)) {
        x++;
        continue;
      }
      const left = x;
      while (x < image.width && columnHasRed(x)) x++;
      boxes.push({ left, top, right: x - 1, bottom: y - 1 });
    }
  }
  return boxes;
}

test("partner logos on the story are at least 64 px tall", async () => {
  const dir = await tempDir("card-logos-");
  for (const [width, height] of [
    [240, 80],
    [400, 80],
  ]) {
    const file = path.join(dir, `logo-${width}.svg`);
    await fs.writeFile(
      file,
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#e00000"/></svg>`,
    );
    const png = await renderCard(card("fr", { logos: Array(5).fill(file) }));
    const boxes = redBoxes(await pixels(png));
    const sizes = boxes.map((box) => `${box.right - box.left + 1}×${box.bottom - box.top + 1}`);
    assert.is(boxes.length, 5, `logos ${width}×${height}: ${sizes}`);
    for (const box of boxes) assert.ok(box.bottom - box.top + 1 >= 64, `logos ${width}×${height}: ${sizes}`);
  }
  await fs.rm(dir, { recursive: true });
});

test.run();
