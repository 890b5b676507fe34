import fs from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { forgetDesigns } from "../../src/layers/remembered.ts";
import { DEFAULT_STACK, loadDesign } from "../../src/social/design.ts";
import { TEMPLATES, tempDir } from "../helpers/fixtures.ts";

/** A template folder of its own (no parent) whose card.json is the default one, changed by `edit`. */
async function template(edit: (json: { formats: Record<string, Record<string, unknown>> }) => void) {
  const dir = await tempDir("card-design-");
  const json = JSON.parse(await fs.readFile(path.join(TEMPLATES, "default/card.json"), "utf8"));
  edit(json);
  await fs.writeFile(path.join(dir, "card.json"), JSON.stringify(json));
  await fs.copyFile(path.join(TEMPLATES, "default/emblem.svg"), path.join(dir, "emblem.svg"));
  await fs.writeFile(path.join(dir, "campaign.njk"), "");
  return dir;
}

const test = suite("loadDesign");

test("a card.json without the layout keys gets their defaults", async () => {
  const dir = await template((json) => {
    for (const format of Object.values(json.formats)) {
      for (const key of ["stack", "date", "address", "logoRows"]) delete format[key];
      delete (format.title as Record<string, unknown>).lineHeight;
    }
  });
  const { formats } = await loadDesign(dir);
  assert.equal(formats.story.stack, [...DEFAULT_STACK]);
  assert.is(formats.story.date, formats.story.hotlineLabel);
  assert.is(formats.story.address, formats.story.hotlineLabel);
  assert.is(formats.story.logoRows, 1);
  assert.is(formats.og.title.lineHeight, 1.25);
  await fs.rm(dir, { recursive: true });
});

test("a stack that leaves out a block is refused, naming the file and key", async () => {
  const dir = await template((json) => {
    json.formats.og.stack = ["emblem", "title", "tagline", "fill", "hotline", "address", "logos"];
  });
  try {
    await loadDesign(dir);
    assert.unreachable("expected the missing date to be refused");
  } catch (error) {
    assert.match(
      (error as Error).message,
      `${path.join(dir, "card.json")} formats.og.stack: names "date" 0 times`,
    );
  }
  await fs.rm(dir, { recursive: true });
});

test("a design is read once, and again after forgetDesigns (the dev server's edits)", async () => {
  const dir = await template(() => {});
  const before = await loadDesign(dir);
  const json = JSON.parse(await fs.readFile(path.join(dir, "card.json"), "utf8"));
  json.formats.og.emblem += 10;
  await fs.writeFile(path.join(dir, "card.json"), JSON.stringify(json));
  assert.is(await loadDesign(dir), before, "kept for the rest of the build");
  forgetDesigns();
  const after = await loadDesign(dir);
  assert.is.not(after.fingerprint, before.fingerprint);
  await fs.rm(dir, { recursive: true });
});

test.run();
