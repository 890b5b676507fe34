import path from "node:path";
import sharp from "sharp";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseHours } from "../../src/campaign/hotline-details.ts";
import { hoursShort } from "../../src/site/hotline-hours.ts";
import { renderCard } from "../../src/social/card.ts";
import { loadDesign } from "../../src/social/design.ts";
import { planShareImages } from "../../src/social/index.ts";
import { TEMPLATES } from "../helpers/fixtures.ts";

const design = await loadDesign(path.join(TEMPLATES, "default"));
const week = parseHours("Mo-Fr 09:00-17:00", "Europe/Brussels");
if (typeof week === "string") throw new Error(week);

const plan = (hotlineHours?: string) =>
  planShareImages({
    slug: "demo",
    languagePath: "nl",
    lang: "nl",
    dir: "ltr",
    theme: { primary: "#1d4ed8", background: "#ffffff" },
    title: "Blauw Hart",
    tagline: "Elk slachtoffer telt",
    dateText: "30 juli 2023",
    url: "https://www.example.be/2023/",
    hotlineLabel: "Hulplijn",
    hotlineNumber: "078 055 800",
    hotlineHours,
    logos: [],
    contentFile: "campaigns/demo/content/page.nl.md",
    design,
  });

const test = suite("share images with the line's hours");

test("the short hours go into the alt text and the card", () => {
  const hours = hoursShort({ details: { hours: week, languages: [] } }, "nl");
  assert.is(hours, "ma–vr 09:00–17:00");
  const [og] = plan(hours);
  assert.is(og.image.alt, "Blauw Hart. Elk slachtoffer telt. Hulplijn: 078 055 800 (ma–vr 09:00–17:00)");
  assert.is(og.card.hotlineHours, "ma–vr 09:00–17:00");
  assert.is(plan()[0].card.hotlineHours, undefined);
});

test("the card draws them: pixels near the number change, the title does not", async () => {
  const [withHours] = plan("ma–vr 09:00–17:00");
  const [without] = plan();
  const pixels = async (png: Buffer) => sharp(png).raw().toBuffer({ resolveWithObject: true });
  const a = await pixels(await renderCard(withHours.card));
  const b = await pixels(await renderCard(without.card));
  assert.equal([a.info.width, a.info.height], [b.info.width, b.info.height]);
  let top = 0;
  let bottom = 0;
  for (let i = 0; i < a.data.length; i++) {
    if (Math.abs(a.data[i] - b.data[i]) > 64) {
      if (i < a.data.length / 3) top++;
      else bottom++;
    }
  }
  assert.is(top, 0, "the title moved");
  assert.ok(bottom > 2000, `only ${bottom} channel values differ below the title`);
});

test.run();
