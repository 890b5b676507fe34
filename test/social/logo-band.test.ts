import { suite } from "uvu";
import * as assert from "uvu/assert";
import { arrange } from "../../src/social/logo-band.ts";

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

test.run();
