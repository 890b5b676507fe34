import fs from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { run } from "../../src/commands/translations.ts";
import { ROOT, tempDir } from "../helpers/fixtures.ts";

const test = suite("commands/translations");

/** Runs the command and returns its exit code and what it printed. */
async function translations(...argv: string[]) {
  const printed: string[] = [];
  const log = console.log;
  const error = console.error;
  console.log = (line: string) => printed.push(line);
  console.error = (line: string) => printed.push(line);
  try {
    return { code: await run(argv, { root: ROOT }), output: printed.join("\n") };
  } finally {
    console.log = log;
    console.error = error;
  }
}

test("export writes an XLIFF file; import of a file the campaign cannot take exits 1 and writes nothing", async () => {
  const dir = await tempDir("translations-cli-");
  const campaigns = path.join(dir, "campaigns");
  await fs.cp(path.join(ROOT, "campaigns"), campaigns, { recursive: true });
  const out = path.join(dir, "pl.xlf");
  const exported = await translations(
    "export",
    "benelux-2021",
    "--to",
    "pl",
    "--out",
    out,
    "--campaigns",
    campaigns,
  );
  assert.is(exported.code, 0, exported.output);
  assert.match(exported.output, "13 units from fr to pl, 13 to translate");
  assert.match(await fs.readFile(out, "utf8"), 'trgLang="pl"');

  const imported = await translations("import", out, "--campaigns", campaigns);
  assert.is(imported.code, 1);
  assert.match(imported.output, 'pl.xlf: trgLang "pl" is not a language of campaigns/benelux-2021');
  assert.match(imported.output, "Nothing was written.");
  assert.not.ok(
    await fs.stat(path.join(campaigns, "benelux-2021/content/page.pl.md")).catch(() => undefined),
  );
  await fs.rm(dir, { recursive: true });
});

test("import of a file whose hotline number was changed exits 1, says what changed and writes nothing", async () => {
  const dir = await tempDir("translations-cli-");
  const campaigns = path.join(dir, "campaigns");
  await fs.cp(path.join(ROOT, "campaigns"), campaigns, { recursive: true });
  const out = path.join(dir, "blue-heart-2023-be.fr-nl.xlf");
  const page = path.join(campaigns, "blue-heart-2023-be/content/page.nl.md");
  const before = await fs.readFile(page, "utf8");
  await translations("export", "blue-heart-2023-be", "--to", "nl", "--out", out, "--campaigns", campaigns);
  const xml = await fs.readFile(out, "utf8");
  await fs.writeFile(
    out,
    xml.replaceAll('<data id="d1">078 055 800</data>', '<data id="d1">078 000 000</data>'),
  );

  const imported = await translations("import", out, "--campaigns", campaigns);
  assert.is(imported.code, 1);
  assert.match(
    imported.output,
    'blue-heart-2023-be.fr-nl.xlf unit description: protected value changed from "078 055 800" to "078 000 000"; protected values (phone numbers, addresses, code, {placeholders}) must stay as exported: export again or restore it',
  );
  assert.match(
    imported.output,
    'blue-heart-2023-be.fr-nl.xlf unit b4: protected value changed from "078 055 800"',
  );
  assert.match(imported.output, "Nothing was written.");
  assert.not.match(imported.output, /\n\s+at /, "no stack trace");
  assert.is(await fs.readFile(page, "utf8"), before);
  await fs.rm(dir, { recursive: true });
});

test("usage mistakes exit 2 with the usage", async () => {
  const result = await translations("export", "benelux-2021");
  assert.is(result.code, 2);
  assert.match(result.output, "Expected the target language: --to <lang>");
  assert.match(result.output, "Usage: npm run translations");
});

test("a language that is not a tag is answered with the tag meant", async () => {
  const to = await translations("export", "benelux-2021", "--to", "english");
  assert.is(to.code, 2);
  assert.is(to.output.split("\n")[0], '--to: "english" is not a language tag; did you mean "en" (English)?');
  const from = await translations("export-ui", "--to", "nl", "--from", "fr_BE");
  assert.is(from.code, 2);
  assert.is(
    from.output.split("\n")[0],
    '--from: "fr_BE" is not a language tag; did you mean "fr-BE" (French (Belgium))?',
  );
});

test.run();
