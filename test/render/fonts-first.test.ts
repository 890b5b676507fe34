/**
 * fontconfig reads its configuration once per process, at the first text libvips draws. A partner
 * logo (an SVG with text) drawn before src/render/fonts.ts has run would put the system's fonts on
 * every later share image, poster and frame, and into the caches. So every module that draws
 * through sharp or eleventy-img has fonts.ts among the modules it imports, and a process that
 * draws a logo first still draws text in the shipped fonts.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { suite } from "uvu";
import * as assert from "uvu/assert";

const run = promisify(execFile);
const root = process.cwd();
const FONTS = path.join(root, "src/render/fonts.ts");

/** The source files of src/, recursively. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [file] : [];
  });
}

/** Relative modules a file imports for their values (type-only imports are erased), statically or not. */
function valueImports(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const found: string[] = [];
  for (const match of text.matchAll(/^import\s+(type\s+)?(?:[^"';]*?\sfrom\s+)?"([^"]+)";/gms)) {
    if (!match[1] && match[2].startsWith(".")) found.push(path.resolve(path.dirname(file), match[2]));
  }
  for (const match of text.matchAll(/\bimport\("(\.[^"]+)"\)/g))
    found.push(path.resolve(path.dirname(file), match[1]));
  return found;
}

/** Whether a file draws through sharp or eleventy-img: a value import of either, static or dynamic. */
function draws(file: string): boolean {
  const text = fs.readFileSync(file, "utf8");
  return (
    /^import\s+(?!type\b)[^;]*from\s+"(sharp|@11ty\/eleventy-img)";/ms.test(text) ||
    /\bimport\("(sharp|@11ty\/eleventy-img)"\)/.test(text)
  );
}

function importsFonts(file: string, seen = new Set<string>()): boolean {
  if (file === FONTS) return true;
  if (seen.has(file)) return false;
  seen.add(file);
  return valueImports(file).some((imported) => importsFonts(imported, seen));
}

const test = suite("shipped fonts before the first drawing");

test("every module that draws through sharp or eleventy-img imports the font setup", () => {
  const drawing = sources(path.join(root, "src")).filter(draws);
  assert.ok(drawing.length >= 5, `found ${drawing.length} modules drawing through sharp`);
  const missing = drawing.filter((file) => !importsFonts(file)).map((file) => path.relative(root, file));
  assert.equal(missing, [], "these draw without importing src/render/fonts.ts first");
});

/** The width of an Arabic line in a fresh process, after `before` (module code) has run. */
async function arabicWidth(before: string): Promise<number> {
  const url = (file: string) => pathToFileURL(path.join(root, file)).href;
  const script = `${before}
const { fitText } = await import(${JSON.stringify(url("src/render/text-fit.ts"))});
const text = await fitText({ text: "كل ضحية تستحق المساعدة", lang: "ar", weight: "bold", colour: "#000000", width: 900, height: 200, max: 54, min: 26 });
console.log(text.width);`;
  // Without this process's own setting, which a child would inherit.
  const env = { ...process.env };
  delete env.FONTCONFIG_FILE;
  const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: root,
    env,
  });
  return Number(stdout.trim().split("\n").pop());
}

test("a process that draws a partner logo first still draws text in the shipped fonts", async () => {
  const logo = path.join(root, "assets/partners/payoke.svg");
  const canvas = pathToFileURL(path.join(root, "src/render/canvas.ts")).href;
  const [alone, afterLogo] = await Promise.all([
    arabicWidth(""),
    arabicWidth(`const { drawnSvg } = await import(${JSON.stringify(canvas)});
const fs = await import("node:fs");
await drawnSvg(fs.readFileSync(${JSON.stringify(logo)}, "utf8"), 320, 96);`),
  ]);
  assert.ok(alone > 0, `drawn ${alone} px wide`);
  assert.is(afterLogo, alone, "the Arabic line after a logo has another width: another font drew it");
});

test("a process that checks a campaign's logos first still draws text in the shipped fonts", async () => {
  const load = pathToFileURL(path.join(root, "src/campaign/load.ts")).href;
  const [alone, afterCheck] = await Promise.all([
    arabicWidth(""),
    // No cache folder: every logo is decoded (its SVG text drawn) to prove it readable.
    arabicWidth(`const { loadCampaign } = await import(${JSON.stringify(load)});
await loadCampaign(${JSON.stringify(path.join(root, "test/fixtures/campaigns/minimal"))}, { templatesDir: ${JSON.stringify(path.join(root, "templates"))} });`),
  ]);
  assert.is(
    afterCheck,
    alone,
    "the Arabic line after checking a logo has another width: another font drew it",
  );
});

test("SVG text that asks for a generic or a system family is drawn in the first shipped font", async () => {
  // fonts.ts has run in this process (test/run.ts imports it first).
  const { FONTCONFIG_FILE } = await import("../../src/render/fonts.ts");
  assert.ok(FONTCONFIG_FILE);
  const sharp = (await import("sharp")).default;
  const drawn = (family: string) =>
    sharp(
      Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="64"><rect width="320" height="64" fill="#fff"/><text x="8" y="44" font-family="${family}" font-size="28" font-weight="bold">Social Inspection</text></svg>`,
      ),
    )
      .raw()
      .toBuffer();
  const noto = await drawn("Noto Sans");
  for (const family of ["sans-serif", "Arial", "Helvetica, sans-serif", "serif"]) {
    assert.ok((await drawn(family)).equals(noto), `${family} is not drawn in Noto Sans`);
  }
});

test.run();
