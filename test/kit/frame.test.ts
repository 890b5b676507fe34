/**
 * The profile-picture frame: transparent where the photo shows, the campaign's colour around it,
 * and the tagline's lines as far apart in Arabic as in Latin script.
 */
import path from "node:path";
import sharp from "sharp";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import "../../src/render/fonts.ts";
import { loadKitDesign } from "../../src/kit/design.ts";
import { renderFrame } from "../../src/kit/frame.ts";
import { TEMPLATES } from "../helpers/fixtures.ts";

const { frame: design } = await loadKitDesign(path.join(TEMPLATES, "default"));
const theme = { primary: "#1d4ed8", background: "#ffffff" };

/** The rows of the band that hold text (white pixels), as runs [first, last]. */
async function textLines(png: Buffer): Promise<Array<[number, number]>> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const rows: boolean[] = [];
  for (let y = info.height - design.band; y < info.height; y++) {
    let text = false;
    for (let x = design.ring; x < info.width - design.ring && !text; x++) {
      const i = (y * info.width + x) * info.channels;
      text = data[i] > 200 && data[i + 1] > 200 && data[i + 2] > 200;
    }
    rows.push(text);
  }
  const runs: Array<[number, number]> = [];
  for (const [index, text] of rows.entries()) {
    if (!text) continue;
    const last = runs[runs.length - 1];
    if (last && last[1] >= index - 2) last[1] = index;
    else runs.push([index, index]);
  }
  return runs;
}

const test = suite("profile-picture frame");

test("transparent in the middle, the campaign's colour at the corners, 1080 × 1080", async () => {
  const png = await renderFrame({ design, lang: "en", theme, tagline: "Every victim counts" });
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  assert.equal([info.width, info.height, info.channels], [1080, 1080, 4]);
  const at = (x: number, y: number) => [...data.subarray((y * 1080 + x) * 4, (y * 1080 + x) * 4 + 4)];
  assert.is(at(540, 540)[3], 0, "the photo shows in the middle");
  assert.equal(at(5, 5), [0x1d, 0x4e, 0xd8, 255]);
});

test("a tagline on two lines has the same space between its lines in Arabic as in French", async () => {
  const lines = async (lang: string, tagline: string) =>
    textLines(await renderFrame({ design, lang, theme, tagline }));
  const french = await lines("fr", "Chaque victime de la traite compte, ne laisser personne de côté");
  const arabic = await lines("ar", "كل ضحية للاتجار بالأشخاص مهمة، لا تتركوا أحدًا خلف الركب");
  assert.is(french.length, 2, JSON.stringify(french));
  assert.is(arabic.length, 2, JSON.stringify(arabic));
  const gap = (runs: Array<[number, number]>) => runs[1][0] - runs[0][1];
  assert.ok(
    gap(arabic) <= gap(french) + 12,
    `gap between lines: Arabic ${gap(arabic)} px, French ${gap(french)} px`,
  );
});

test.run();
