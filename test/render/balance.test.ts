/**
 * Lines balanced on images: no word left alone on a last line when another break keeps the
 * text's size and number of lines, on share cards (Pango) and posters (HarfBuzz); and every line
 * of a block starts at the same edge.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { balancedWidth, layoutText } from "../../src/render/line-breaking.ts";
import { shapeText } from "../../src/render/shaping.ts";
import { alignLines, fitText, inkColumns, lineInkWidths } from "../../src/render/text-fit.ts";

const test = suite("balanced lines");
const TAGLINE = "Chaque victime de la traite compte, ne laisser personne de côté";
const card = {
  lang: "fr",
  weight: "regular",
  colour: "#ffffff",
  height: 200,
  max: 38,
  min: 38,
  lineHeight: 1.25,
  wholeWords: true,
} as const;

test("a share card's tagline: the lone last word gets company, at the same size and lines", async () => {
  const greedy = await fitText({ ...card, text: TAGLINE, width: 1088 });
  const widths = lineInkWidths(greedy);
  assert.is(widths.length, 2);
  assert.ok(widths[1] < widths[0] * 0.5, `greedy: ${widths}`);
  const even = await fitText({ ...card, text: TAGLINE, width: 1088, balance: true });
  const balanced = lineInkWidths(even);
  assert.is(balanced.length, 2);
  assert.is(even.size, greedy.size);
  assert.ok(balanced[1] >= balanced[0] * 0.5, `balanced: ${balanced}`);
});

test("text whose lines are even already is left as it is", async () => {
  const request = { ...card, text: "Chaque victime compte, appelez", width: 1088 };
  const plain = await fitText(request);
  const balanced = await fitText({ ...request, balance: true });
  assert.is(balanced.width, plain.width);
});

test("a poster's text: the same rule in the posters' own line breaker", () => {
  const units = shapeText(TAGLINE, "fr", "regular", "ltr");
  const size = 60;
  const lengths = (text: ReturnType<typeof layoutText>) => text.lines.map((line) => line.length);
  // A width at which breaking greedily leaves the last word nearly alone.
  const width = [...Array(60).keys()]
    .map((step) => 1000 + step * 20)
    .find((at) => {
      const counts = lengths(layoutText(units, size, at, "ltr", "regular"));
      return counts.length === 2 && counts[1] < counts[0] / 3;
    }) as number;
  assert.ok(width, "no width leaves a short last line");
  const greedy = layoutText(units, size, width, "ltr", "regular");
  const at = balancedWidth(units, size, width);
  const even = layoutText(units, size, at, "ltr", "regular");
  assert.is(even.lines.length, greedy.lines.length);
  assert.ok(lengths(greedy)[1] < lengths(greedy)[0] / 3, `greedy: ${lengths(greedy)}`);
  assert.ok(lengths(even)[1] > lengths(even)[0] / 2, `balanced: ${lengths(even)}`);
});

test("every line of a block starts where the others do, left to right and right to left", async () => {
  for (const [text, dir, lang] of [
    ["Journée mondiale contre la traite des êtres humains", "ltr", "fr"],
    ["اليوم العالمي لمناهضة الاتجار بالأشخاص", "rtl", "ar"],
  ] as const) {
    const image = alignLines(
      await fitText({ ...card, lang, text, weight: "bold", width: 500, height: 400, max: 54, min: 54 }),
      dir,
    );
    const rows = (top: number, bottom: number) => inkColumns(image, top, bottom);
    const half = Math.floor(image.height / 2);
    const [first, rest] = [rows(0, half), rows(half, image.height)];
    if (dir === "ltr") assert.is(first.left, rest.left, text);
    else assert.is(first.right, rest.right, text);
  }
});

test.run();
