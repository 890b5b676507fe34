import fs from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { FORMATS, loadDesign } from "../../src/social/design.ts";
import { arrange } from "../../src/social/logo-band.ts";
import { ROOT, TEMPLATES } from "../helpers/fixtures.ts";

const test = suite("arrange (partner logo rows)");

test("one row when the logos fit the width at full height", () => {
  assert.equal(arrange([3, 3], 84, 868, 36, 3), { rows: [[0, 1]], height: 84 });
});

test("balanced rows, fuller first, before anything is made smaller", () => {
  // Five 3:1 logos at 84 px need 1404 px in one row: two rows of 3 + 2 keep them at 84 px.
  assert.equal(arrange([3, 3, 3, 3, 3], 84, 868, 36, 3), {
    rows: [
      [0, 1, 2],
      [3, 4],
    ],
    height: 84,
  });
});

test("when even the most rows do not fit, every logo shrinks together to fit the width", () => {
  const { rows, height } = arrange([3, 3, 3, 3, 3], 84, 868, 36, 1);
  assert.equal(rows, [[0, 1, 2, 3, 4]]);
  assert.is(height, Math.floor((868 - 4 * 36) / 15));
});

test("the example partners' names in their logos are drawn at 16 px or more on every card with logos", async () => {
  const logos = await Promise.all(
    ["payoke", "pag-asa", "surya", "fps-justice", "social-inspection"].map(async (id) => {
      const svg = await fs.readFile(path.join(ROOT, "assets/partners", `${id}.svg`), "utf8");
      const [, width, height] = (/viewBox="0 0 (\d+) (\d+)"/.exec(svg) ?? []).map(Number);
      return { id, ratio: width / height, height, fontSize: Number(/font-size="(\d+)"/.exec(svg)?.[1]) };
    }),
  );
  for (const template of ["default", "benelux"]) {
    const design = await loadDesign(path.join(TEMPLATES, template));
    for (const format of FORMATS) {
      const spec = design.formats[format];
      if (spec.logos === 0) continue;
      // As logoBand measures the band: padding 15 % of the row, the logos inside it.
      const pad = Math.round(spec.logos * 0.15);
      const room = spec.width - 2 * spec.padding - 2 * pad;
      const { height } = arrange(
        logos.map((logo) => logo.ratio),
        spec.logos - 2 * pad,
        room,
        pad * 2,
        spec.logoRows,
      );
      for (const logo of logos) {
        const label = (logo.fontSize * height) / logo.height;
        assert.ok(label >= 16, `${template} ${format}: ${logo.id}'s name at ${label.toFixed(1)} px`);
      }
    }
  }
});

test.run();
