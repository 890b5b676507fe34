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

test("a poster's balanced lines never cut a word the greedy lines kept whole", () => {
  // The German poster's title: at some widths "2023" alone on a last line, and the narrowest
  // width that keeps three lines would cut "Menschenhandel".
  const title = "Welttag gegen Menschenhandel 2023";
  const units = shapeText(title, "de", "bold", "ltr");
  const size = 100;
  const words = (text: ReturnType<typeof layoutText>) =>
    text.text.flatMap((line) =>
      line.chars
        .map((each) => each.char)
        .join("")
        .trim()
        .split(/\s+/),
    );
  let balancedSome = 0;
  for (let width = 600; width <= 2000; width += 10) {
    const greedy = layoutText(units, size, width, "ltr", "bold");
    if (words(greedy).join(" ") !== title) continue;
    const at = balancedWidth(units, size, width);
    if (at < width) balancedSome++;
    const even = layoutText(units, size, at, "ltr", "bold");
    assert.is(words(even).join(" "), title, `at ${width} px, balanced at ${at} px`);
    assert.is(even.lines.length, greedy.lines.length, `at ${width} px`);
  }
  assert.ok(balancedSome > 0, "no width in the range was balanced: the check above proved nothing");
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
