import { suite } from "uvu";
import * as assert from "uvu/assert";
import "../../src/render/fonts.ts";
import { type FitRequest, fitText, TextFitError } from "../../src/render/text-fit.ts";

const request: FitRequest = {
  text: "Welttag gegen Menschenhandel 2023",
  lang: "de",
  weight: "bold",
  colour: "#ffffff",
  width: 904,
  height: 640,
  max: 136,
  min: 44,
};

const test = suite("fitText with whole words");

test("shrinks until the longest word fits on a line rather than breaking it", async () => {
  /** Whether "Menschenhandel" alone fits on one line at `size`. */
  const wordFits = (size: number) =>
    fitText({ ...request, text: "Menschenhandel", height: size * 1.6, max: size, min: size }).then(
      () => true,
      (error) => (error instanceof TextFitError ? false : Promise.reject(error)),
    );
  const broken = await fitText(request);
  const whole = await fitText({ ...request, wholeWords: true });
  assert.not.ok(await wordFits(broken.size), `without whole words, drawn at ${broken.size} px`);
  assert.ok(await wordFits(whole.size), `with whole words, drawn at ${whole.size} px`);
  assert.ok(whole.width <= request.width && whole.height <= request.height);
});

test("a word too long for the box even at the smallest size is still broken to fit", async () => {
  const word = "Menschenhandelsbekämpfungsgesetzgebungsverfahren";
  const image = await fitText({ ...request, text: word, wholeWords: true, max: 60, min: 44 });
  assert.ok(image.width <= request.width && image.size >= 44, `${image.width} px wide at ${image.size} px`);
});

test.run();
