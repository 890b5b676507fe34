import fs from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { hashModules, moduleClosure } from "../../src/render/code-fingerprint.ts";
import { ROOT, tempDir } from "../helpers/fixtures.ts";

const test = suite("code fingerprints");

/** poster.ts imports layout.ts, which loads text.ts on demand; calendar.ts stands alone. */
async function modules(): Promise<string> {
  const dir = await tempDir("code-");
  await fs.mkdir(path.join(dir, "kit"));
  const files: Record<string, string> = {
    "kit/poster.ts":
      'import { layout } from "./layout.ts";\nimport type { Paper } from "../types.ts";\nexport const poster = () => layout();\n',
    "kit/layout.ts": 'export async function layout() { return (await import("../text.ts")).shape(); }\n',
    "text.ts": "export const shape = () => 1;\n",
    "types.ts": "export type Paper = string;\n",
    "kit/calendar.ts": 'import fs from "node:fs";\nexport const calendar = () => fs;\n',
  };
  for (const [file, text] of Object.entries(files)) await fs.writeFile(path.join(dir, file), text);
  return dir;
}

test("a module's closure follows static, type and dynamic relative imports, not packages", async () => {
  const dir = await modules();
  const closure = moduleClosure(path.join(dir, "kit/poster.ts")).map((file) => path.relative(dir, file));
  assert.equal(closure, ["kit/layout.ts", "kit/poster.ts", "text.ts", "types.ts"]);
  assert.equal(
    moduleClosure(path.join(dir, "kit/calendar.ts")).map((file) => path.relative(dir, file)),
    ["kit/calendar.ts"],
  );
});

test("changes when a module it needs changes, and not when another one does", async () => {
  const dir = await modules();
  const poster = path.join(dir, "kit/poster.ts");
  const calendar = path.join(dir, "kit/calendar.ts");
  const before = { poster: hashModules(poster), calendar: hashModules(calendar) };
  assert.match(before.poster, /^[0-9a-f]{16}$/);
  await fs.appendFile(path.join(dir, "text.ts"), "// lines now break elsewhere\n");
  assert.is.not(hashModules(poster), before.poster, "a change two imports away kept the fingerprint");
  assert.is(hashModules(calendar), before.calendar, "an unrelated change moved the calendar's fingerprint");
});

test("the producers of the real artefacts reach their drawing code", () => {
  const closure = (file: string) =>
    moduleClosure(path.join(ROOT, "src", file)).map((each) => path.relative(path.join(ROOT, "src"), each));
  const poster = closure("kit/poster.ts");
  for (const needed of [
    "render/shaping.ts",
    "render/line-breaking.ts",
    "render/outlines.ts",
    "kit/poster-pdf.ts",
    "kit/poster-layout.ts",
    "render/fonts.ts",
  ])
    assert.ok(poster.includes(needed), `posters do not follow ${needed}`);
  assert.not.ok(poster.includes("kit/calendar.ts"));
  const card = closure("social/card.ts");
  for (const needed of ["render/text-fit.ts", "render/canvas.ts", "render/fonts.ts"])
    assert.ok(card.includes(needed), `share images do not follow ${needed}`);
  assert.not.ok(card.includes("kit/poster.ts"));
});

test.run();
