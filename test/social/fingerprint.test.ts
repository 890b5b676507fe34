import fs from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { rendererFingerprint } from "../../src/social/fingerprint.ts";
import { ROOT, tempDir } from "../helpers/fixtures.ts";

const test = suite("rendererFingerprint");

test("changes when any drawing source changes, and only then", async () => {
  const copy = path.join(await tempDir("fingerprint-"), "social");
  await fs.cp(path.join(ROOT, "src/social"), copy, { recursive: true });
  const live = rendererFingerprint();
  assert.match(live, /^[0-9a-f]{16}$/);
  assert.is(rendererFingerprint(copy), live, "the same sources give the same fingerprint");
  for (const file of ["card.ts", "text.ts", "canvas.ts"]) {
    const full = path.join(copy, file);
    const source = await fs.readFile(full, "utf8");
    await fs.writeFile(full, source.replace("export", "// changed\nexport"));
    assert.is.not(rendererFingerprint(copy), live, `a change to ${file} kept the fingerprint`);
    await fs.writeFile(full, source);
  }
  await fs.writeFile(path.join(copy, "effects.ts"), "export const glow = 2;\n");
  assert.is.not(rendererFingerprint(copy), live, "a new drawing module kept the fingerprint");
  await fs.rm(path.dirname(copy), { recursive: true });
});

test.run();
