/**
 * docs/guide.md, the guide for the person who launches a campaign, followed as they would: every
 * command it gives (each alone in a ```sh block), in order, in a copy of the project as a clone
 * holds it, with what the guide asks them to do in the editor done as file edits in between
 * (test/helpers/walkthrough.ts; each named after its section). The lines the guide quotes must
 * be printed; the messages it quotes under a name (`<!-- output: name -->`) are made to happen
 * here; the words it puts in bold must be the editor's own. The French and Dutch guides must give
 * the same commands and quote the same output, and every picture must exist and be described.
 *
 * The copy reuses this checkout's node_modules/ and compiled dist/ (test/shipped/commands.test.ts
 * runs `npm ci` in its own copy); commands run through npm as the guide writes them.
 */
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { cleanCopy, runInTerminal, type Started, startIn } from "../helpers/clean-copy.ts";
import { assertCompiled } from "../helpers/compiled.ts";
import { ROOT, tempDir } from "../helpers/fixtures.ts";
import { type Guide, printed, readGuide } from "../helpers/guide-blocks.ts";
import { suite } from "../helpers/suite.ts";
import {
  ADDED_LANGUAGE,
  accept,
  addLanguage,
  changeDayThemeColoursHotline,
  comingDay,
  LAST_YEAR,
  NEXT,
  OLD_YEAR,
  putRightWhatTheCheckLists,
  translated,
  updateTitles,
} from "../helpers/walkthrough.ts";

const GUIDES = { en: "docs/guide.md", fr: "docs/guide.fr.md", nl: "docs/guide.nl.md" };
const test = suite("the launch guide, followed command by command");
const state = {} as { work: string; project: string; guides: Record<string, Guide> };

/** What each command printed (stdout and stderr as a terminal shows them), by "text#occurrence". */
const printedBy = new Map<string, string>();
/** What the test made happen for each quote the guide names. */
const made = new Map<string, string>();
/** The editor's own words: its page, its script, its configuration and Decap, as served. */
let editorWords = "";

/** What a command prints in the project, stdout and stderr as a terminal window shows them. */
const terminal = async (project: string, command: string[]) => (await runInTerminal(project, command)).output;
/** The guide's addresses say 8080; the editor takes the next free port when 8080 is busy. */
const asInGuide = (output: string) => output.replace(/localhost:\d+/g, "localhost:8080");

/** Splits a line the guide gives into what npm is started with (no quotes in the guide's lines). */
const argv = (command: string) => command.split(/\s+/);

const settings = () => path.join(state.project, "campaigns", NEXT, "campaign.yaml");
const exported = () => path.join(state.project, "exports", `${NEXT}.fr-${ADDED_LANGUAGE}.xlf`);

/** Runs `command` in the project with campaign.yaml changed by `edit`, then puts it back. */
async function withSettings(edit: (yaml: string) => string, command: string): Promise<string> {
  const before = await fs.readFile(settings(), "utf8");
  await fs.writeFile(settings(), edit(before));
  try {
    return await terminal(state.project, argv(command));
  } finally {
    await fs.writeFile(settings(), before);
  }
}

/**
 * What the person does after a command, before the next one, by "text#occurrence": the editor
 * steps of the guide, as file edits, and the mistakes whose messages the guide quotes.
 */
const after: Record<string, () => Promise<void>> = {
  [`npm run new -- --from ${LAST_YEAR}#1`]: async () => {
    // Section 10, "npm run new says the folder already exists": the same line again.
    made.set(
      "new-edition-made-twice",
      await terminal(state.project, argv(`npm run new -- --from ${LAST_YEAR}`)),
    );
    const day = comingDay();
    // Section 3, "Update the old year", then "A year that is history" (the body's July 2023).
    await updateTitles(state.project, day.slice(0, 4));
    await accept(state.project, `year-mention ${OLD_YEAR}`);
    // Section 4: the date, the English theme line, a colour, the hotline's hours.
    await changeDayThemeColoursHotline(state.project, day);
    // Section 10, "A red box": colours too close to read, as the check (and the editor) says.
    made.set(
      "colours-hard-to-read",
      await withSettings(
        (yaml) => yaml.replace(/^ {2}text: .*$/m, '  text: "#aaaaaa"'),
        `npm run check -- --campaign ${NEXT}`,
      ),
    );
    // Section 5: Settings → Languages.
    await addLanguage(state.project, ADDED_LANGUAGE);
    // Section 10, "not rebuilt": the new language has no words yet; the editor starts all the same.
    const editor = await startIn(state.project, ["npm", "run", "edit"], /Ctrl\+C to stop\./);
    await editor.stop();
    made.set("editor-with-a-language-without-words", editor.output());
  },
  [`npm run translations -- export ${NEXT} --to ${ADDED_LANGUAGE}#1`]: async () => {
    const sent = await fs.readFile(exported(), "utf8");
    // Section 6, what the tool refuses: a segment left out, a phone number changed, and a
    // language the campaign does not have yet.
    const importLine = `npm run translations -- import exports/${path.basename(exported())}`;
    await fs.writeFile(exported(), translated(sent, { leaveOut: "b4" }));
    made.set("import-untranslated", await terminal(state.project, argv(importLine)));
    await fs.writeFile(exported(), translated(sent, { changePhone: "078 055 999" }));
    made.set("import-phone-changed", await terminal(state.project, argv(importLine)));
    // What the translator sends back, saved in place of the file sent (section 6, step 3); it
    // would be refused before the language is the campaign's.
    await fs.writeFile(exported(), translated(sent));
    made.set(
      "import-before-adding-the-language",
      await withSettings(
        (yaml) => yaml.replace(new RegExp(`^ {2}- ${ADDED_LANGUAGE}\\n`, "m"), ""),
        importLine,
      ),
    );
  },
  [`npm run check -- --publish --campaign ${NEXT}#1`]: async () => {
    // Section 7: each line of the list put right in the editor.
    await putRightWhatTheCheckLists(state.project);
  },
};

/** A command the guide expects to fail, by "text#occurrence", with its exit code. */
const failing: Record<string, number> = { [`npm run check -- --publish --campaign ${NEXT}#1`]: 1 };

/** `npm run edit`: started, its address opened with the key, then stopped as Ctrl+C does. */
async function startEditor(command: string): Promise<string> {
  const editor: Started = await startIn(state.project, argv(command), /Ctrl\+C to stop\./);
  try {
    const address = /Editor: +(http:\/\/localhost:\d+\/admin\/\?token=[\w-]+)/.exec(editor.output())?.[1];
    assert.ok(address, `no editor address in:\n${editor.output()}`);
    const local = (href: string) => href.replace("//localhost:", "//127.0.0.1:");
    // The printed address answers with a redirect that sets the key's cookie, then the editor.
    const opened = await fetch(local(address), { redirect: "manual" });
    assert.is(opened.status, 303);
    const cookie = (opened.headers.get("set-cookie") ?? "").split(";")[0];
    const get = (href: string, withKey = true) =>
      fetch(local(new URL(href, address).href), { headers: withKey ? { cookie } : {} });
    const page = await get("/admin/");
    assert.is(page.status, 200);
    assert.match(await page.text(), "<title>Campaign editor</title>");
    const keyless = await get("/admin/", false);
    assert.is(keyless.status, 401);
    made.set("editor-without-its-key", await keyless.text());
    for (const file of ["/admin/admin.js", "/admin/config.yml", "/admin/decap-cms.js"]) {
      const response = await get(file);
      assert.is(response.status, 200, file);
      editorWords += await response.text();
    }
  } finally {
    await editor.stop();
  }
  return editor.output();
}

test.before(async () => {
  // The copy runs this checkout's dist/: it must be compiled from the sources as they are.
  assertCompiled();
  state.guides = Object.fromEntries(
    Object.entries(GUIDES).map(([lang, file]) => [lang, readGuide(path.join(ROOT, file))]),
  );
  state.work = await tempDir("campaign-guide-");
  state.project = await cleanCopy(state.work, "campaigns-generator", { reuseInstall: true });
});

test.after(async () => {
  if (state.work) await fs.rm(state.work, { recursive: true, force: true, maxRetries: 10 });
});

test("the French and Dutch guides give the same commands and quote the same output, in order", () => {
  const { en, ...others } = state.guides;
  assert.ok(en.commands.length >= 5, "the guide gives its commands in ```sh blocks");
  for (const [lang, guide] of Object.entries(others)) {
    assert.equal(
      guide.commands.map(({ text, quoted }) => ({ text, quoted })),
      en.commands.map(({ text, quoted }) => ({ text, quoted })),
      `${GUIDES[lang as keyof typeof GUIDES]}: commands or quoted output differ from docs/guide.md`,
    );
    assert.equal(
      guide.quotes.map(({ name, lines }) => ({ name, lines })),
      en.quotes.map(({ name, lines }) => ({ name, lines })),
    );
  }
});

test("every picture the guides show exists, is small, and is described", async () => {
  const shown = new Set<string>();
  for (const [lang, guide] of Object.entries(state.guides)) {
    assert.ok(guide.images.length > 0, `${lang}: no pictures`);
    for (const image of guide.images) {
      const file = path.join(ROOT, "docs", image.src);
      shown.add(path.resolve(file));
      const where = `${GUIDES[lang as keyof typeof GUIDES]}: ${image.src}`;
      assert.ok(image.alt.split(/\s+/).length >= 6, `${where} has no real description: "${image.alt}"`);
      const { width = 0, height = 0, format } = await sharp(file).metadata();
      assert.is(format, "png", where);
      assert.ok(width <= 1280 && height <= 800, `${where} is ${width}×${height}, more than 1280×800`);
      assert.ok((await fs.stat(file)).size < 300_000, `${where} is over 300 KB`);
    }
  }
  // No picture is left in docs/guide/ that no guide shows.
  for (const name of await fs.readdir(path.join(ROOT, "docs/guide"))) {
    assert.ok(shown.has(path.join(ROOT, "docs/guide", name)), `docs/guide/${name} is shown by no guide`);
  }
});

test("every command of the guide, in order, does what the guide says", async () => {
  const { commands } = state.guides.en;
  for (const key of [...Object.keys(after), ...Object.keys(failing)]) {
    assert.ok(
      commands.some((command) => `${command.text}#${command.occurrence}` === key),
      `the test acts after "${key}", which the guide no longer gives`,
    );
  }
  for (const command of commands) {
    const key = `${command.text}#${command.occurrence}`;
    if (command.text === "npm run edit") {
      printedBy.set(key, await startEditor(command.text));
    } else {
      const { code, output } = await runInTerminal(state.project, argv(command.text));
      assert.is(
        code,
        failing[key] ?? 0,
        `${command.text} (docs/guide.md:${command.line}) exited with ${code}:\n${output}`,
      );
      printedBy.set(key, output);
    }
    await after[key]?.();
  }
  // The end of the walk-through: the new edition is ready, built and packed.
  const yaml = parse(await fs.readFile(settings(), "utf8")) as { date: string; languages: string[] };
  assert.is(yaml.date, comingDay());
  assert.ok(yaml.languages.includes(ADDED_LANGUAGE));
  await fs.access(path.join(state.project, "_site", NEXT, ADDED_LANGUAGE, "poster-a4.pdf"));
  await fs.access(path.join(state.project, "exports", `${NEXT}.zip`));
});

test("every line the guide quotes after a command is printed by it", () => {
  for (const command of state.guides.en.commands) {
    const output = printedBy.get(`${command.text}#${command.occurrence}`);
    assert.ok(output !== undefined, `${command.text} did not run`);
    for (const line of command.quoted) {
      assert.ok(
        printed(asInGuide(output), line),
        `docs/guide.md:${command.line}: ${command.text} no longer prints\n  ${line}\nIt printed:\n${output}`,
      );
    }
  }
});

test("every message the guide quotes by name is what the tool says", async () => {
  // Outside the project folder: npm's own answer (section 10).
  const elsewhere = await tempDir("campaign-guide-elsewhere-");
  made.set("not-in-the-project-folder", await terminal(elsewhere, ["npm", "run", "edit"]));
  await fs.rm(elsewhere, { recursive: true, force: true });
  const names = state.guides.en.quotes.map((quote) => quote.name);
  assert.equal(
    [...names].sort(),
    [...made.keys()].sort(),
    "the messages the guide quotes and those made here differ",
  );
  for (const quote of state.guides.en.quotes) {
    const output = asInGuide(made.get(quote.name) ?? "");
    for (const line of quote.lines) {
      assert.ok(
        printed(output, line),
        `docs/guide.md:${quote.line} (${quote.name}) no longer says\n  ${line}\nIt says:\n${output}`,
      );
    }
  }
});

test("every word the guides put in bold is the editor's own", () => {
  assert.ok(editorWords.length > 0, "the editor was not opened");
  for (const [lang, guide] of Object.entries(state.guides)) {
    for (const bold of guide.bold) {
      // The editor ran before the new edition was made: its collections were last year's.
      const word = bold.replaceAll(NEXT, LAST_YEAR);
      assert.ok(
        editorWords.includes(word),
        `${GUIDES[lang as keyof typeof GUIDES]}: **${bold}** is not a word of the editor`,
      );
    }
  }
});

test.run();
