import fs from "node:fs/promises";
import path from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { languageOfContentFile } from "../../src/campaign/content-files.ts";
import { CampaignError } from "../../src/problems/problem.ts";
import { exportContent, importContent } from "../../src/translations/content.ts";
import { readXliff, writeXliff, XLIFF_NAMESPACE } from "../../src/translations/xliff.ts";
import { ROOT, tempDir } from "../helpers/fixtures.ts";

const EXAMPLES = path.join(ROOT, "campaigns");

/** A copy of the example campaigns to write into. */
async function copyExamples(): Promise<string> {
  const dir = await tempDir("translations-");
  await fs.cp(EXAMPLES, dir, { recursive: true });
  return dir;
}

async function roundTrip(campaignsDir: string, slug: string, to: string, edit = (xml: string) => xml) {
  const xml = edit(writeXliff(await exportContent({ campaignsDir, slug, to })));
  const file = path.join(campaignsDir, `${slug}.${to}.xlf`);
  await fs.writeFile(file, xml);
  return importContent(readXliff(xml), file, campaignsDir);
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.instance(error, CampaignError);
    return (error as CampaignError).message;
  }
  assert.unreachable("expected a refusal");
  return "";
}

/** Edits the <target> of one unit of an exported file. */
function inTarget(xml: string, unit: string, edit: (target: string) => string): string {
  const target = new RegExp(
    `(<unit id="${unit}">[\\s\\S]*?<target xml:space="preserve">)([\\s\\S]*?)(</target>)`,
  );
  assert.match(xml, target);
  return xml.replace(
    target,
    (_, before: string, words: string, after: string) => before + edit(words) + after,
  );
}

const test = suite("translations: content round trip");

test("export then import without edits gives every example file back byte for byte", async () => {
  const dir = await copyExamples();
  for (const slug of ["benelux-2021", "blue-heart-2023-be"]) {
    for (const name of await fs.readdir(path.join(EXAMPLES, slug, "content"))) {
      const lang = languageOfContentFile(name);
      if (!lang) continue;
      const before = await fs.readFile(path.join(EXAMPLES, slug, "content", name), "utf8");
      await fs.rm(path.join(dir, slug, "content", name));
      // Export reads the target from the untouched examples: copy it back first.
      await fs.writeFile(path.join(dir, slug, "content", name), before);
      const result = await roundTrip(dir, slug, lang);
      assert.is(await fs.readFile(result.file, "utf8"), before, `${slug}/${lang}`);
    }
  }
  await fs.rm(dir, { recursive: true });
});

test("a second XML parser reads the export as XLIFF 2.0 with one unit per piece", async () => {
  const xml = writeXliff(
    await exportContent({ campaignsDir: EXAMPLES, slug: "blue-heart-2023-be", to: "ar" }),
  );
  const document = new DOMParser().parseFromString(xml, "text/xml");
  const root = document.documentElement;
  assert.ok(root);
  assert.is(root.namespaceURI, XLIFF_NAMESPACE);
  assert.is(root.getAttribute("version"), "2.0");
  assert.is(root.getAttribute("srcLang"), "fr");
  assert.is(root.getAttribute("trgLang"), "ar");
  const units = Array.from(document.getElementsByTagNameNS(XLIFF_NAMESPACE, "unit"));
  const ids = units.map((unit) => unit.getAttribute("id"));
  assert.equal(ids.slice(0, 4), ["title", "tagline", "description", "b1"]);
  const title = units[0];
  const source = title.getElementsByTagNameNS(XLIFF_NAMESPACE, "source")[0];
  assert.is(source.textContent, "Journée mondiale contre la traite des êtres humains 2023");
  const notes = Array.from(title.getElementsByTagNameNS(XLIFF_NAMESPACE, "note")).map((note) =>
    note.getAttribute("category"),
  );
  assert.equal(notes, ["context", "length"]);
  // The hotline is protected in the source and in the Arabic target (written with no-break spaces).
  const phones = Array.from(document.getElementsByTagNameNS(XLIFF_NAMESPACE, "ph")).filter(
    (ph) => ph.getAttribute("disp") === "phone number",
  );
  assert.ok(phones.length >= 4);
  const data = Array.from(document.getElementsByTagNameNS(XLIFF_NAMESPACE, "data")).map(
    (item) => item.textContent,
  );
  assert.ok(data.includes("078 055 800"));
  assert.ok(data.includes("078\u00a0055\u00a0800"));
});

/** Gives benelux-2021's French page a paragraph (b6) with emphasis, a link and code; returns
 * the page. */
async function addMarkup(campaignsDir: string): Promise<string> {
  const file = path.join(campaignsDir, "benelux-2021/content/page.fr.md");
  const text = await fs.readFile(file, "utf8");
  const marked = text.replace(
    "## Une chaise pour la victime",
    "Lisez **le plan** et [la brochure](https://www.example.org/a_(b)) ou `code`, *vite*.\n\n## Une chaise pour la victime",
  );
  assert.is.not(marked, text);
  await fs.writeFile(file, marked);
  return marked;
}

test("emphasis, links and code become inline elements and come back as Markdown", async () => {
  const dir = await copyExamples();
  const marked = await addMarkup(dir);
  const xml = writeXliff(await exportContent({ campaignsDir: dir, slug: "benelux-2021", to: "fr" }));
  const document = new DOMParser().parseFromString(xml, "text/xml");
  const pcs = Array.from(document.getElementsByTagNameNS(XLIFF_NAMESPACE, "pc"));
  assert.ok(pcs.some((pc) => pc.getAttribute("dispStart") === "link to https://www.example.org/a_(b)"));
  assert.ok(pcs.some((pc) => pc.getAttribute("dispStart") === "strong"));
  const codes = Array.from(document.getElementsByTagNameNS(XLIFF_NAMESPACE, "ph")).filter(
    (ph) => ph.getAttribute("disp") === "code",
  );
  assert.is(codes.length, 2); // in the source and in the current target
  // A translator changes the words inside the link and keeps the link.
  await fs.writeFile(path.join(dir, "x.xlf"), xml.replaceAll(">la brochure<", ">le dépliant<"));
  const result = await importContent(
    readXliff(xml.replaceAll(">la brochure<", ">le dépliant<")),
    "x.xlf",
    dir,
  );
  assert.is(await fs.readFile(result.file, "utf8"), marked.replace("[la brochure]", "[le dépliant]"));
  await fs.rm(dir, { recursive: true });
});

test("a new language: export with nothing to fill, translate, import writes the file", async () => {
  const dir = await copyExamples();
  const exported = await exportContent({ campaignsDir: dir, slug: "benelux-2021", to: "de" });
  assert.ok(exported.units.every((unit) => unit.state === "initial" && unit.target === undefined));
  const yaml = path.join(dir, "benelux-2021/campaign.yaml");
  await fs.writeFile(
    yaml,
    (await fs.readFile(yaml, "utf8")).replace("languages: [fr, nl, en]", "languages: [fr, nl, en, de]"),
  );
  const translated = {
    ...exported,
    units: exported.units.map((unit) => ({ ...unit, target: unit.source, state: "final" as const })),
  };
  const result = await importContent(readXliff(writeXliff(translated)), "de.xlf", dir);
  assert.ok(result.reviewed);
  const written = await fs.readFile(result.file, "utf8");
  assert.match(written, /^---\ntitle: "Benelux : ensemble contre la traite des êtres humains"/);
  assert.match(written, "\nreviewed: true\n---\n");
  assert.match(written, "\n## Une chaise pour la victime\n");
  await fs.rm(dir, { recursive: true });
});

test("a translation keeping every protected value imports, its words and spacing its own", async () => {
  const dir = await copyExamples();
  const result = await roundTrip(dir, "blue-heart-2023-be", "nl", (xml) =>
    inTarget(xml, "b4", (words) =>
      words
        .replace("In juli 2023", "Sinds juli 2023 (2 * 3 regels, file_name)")
        .replace('dataRef="d1"', 'dataRef="d1t"'),
    ).replace(/(<unit id="b4">[\s\S]*?<originalData>)/, '$1<data id="d1t">078\u00a0055\u00a0800</data>'),
  );
  assert.match(
    await fs.readFile(result.file, "utf8"),
    "\nSinds juli 2023 (2 * 3 regels, file_name) heeft België een nieuw, uniek nummer gelanceerd voor de hulplijn voor slachtoffers van mensenhandel: 078\u00a0055\u00a0800. U kunt",
  );
  await fs.rm(dir, { recursive: true });
});

const refuse = suite("translations: import refuses, writing nothing");

/** Imports an edited export of `lang` and returns the refusal; the content file is unchanged. */
async function refused(dir: string, slug: string, lang: string, edit: (xml: string) => string) {
  const file = path.join(dir, slug, "content", `page.${lang}.md`);
  const before = await fs.readFile(file, "utf8");
  const message = await refusal(roundTrip(dir, slug, lang, edit));
  assert.is(await fs.readFile(file, "utf8"), before, "nothing written");
  return message;
}

refuse(
  "a hotline number changed inside <originalData>, naming the unit, the old and the new number",
  async () => {
    const dir = await copyExamples();
    const message = await refused(dir, "blue-heart-2023-be", "nl", (xml) =>
      xml.replace(/(<unit id="b4">[\s\S]*?<data id="d1">)078 055 800/, "$1078 000 000"),
    );
    assert.is(
      message,
      `${path.relative(process.cwd(), path.join(dir, "blue-heart-2023-be.nl.xlf"))} unit b4: protected value changed from "078 055 800" to "078 000 000"; protected values (phone numbers, addresses, code, {placeholders}) must stay as exported: export again or restore it`,
    );
    await fs.rm(dir, { recursive: true });
  },
);

refuse("a link address or code changed inside <originalData>", async () => {
  const dir = await copyExamples();
  await addMarkup(dir);
  const message = await refused(dir, "benelux-2021", "fr", (xml) =>
    xml
      .replace(
        '<data id="d2e">](https://www.example.org/a_(b))</data>',
        '<data id="d2e">](https://evil.example/)</data>',
      )
      .replace('<data id="d3">`code`</data>', '<data id="d3">`rm -rf`</data>'),
  );
  assert.match(
    message,
    'unit b7: protected value changed from "[…](https://www.example.org/a_(b))" to "[…](https://evil.example/)"',
  );
  assert.match(message, 'unit b7: protected value changed from "`code`" to "`rm -rf`"');
  await fs.rm(dir, { recursive: true });
});

refuse("a phone number marked deletable in the file and dropped", async () => {
  const dir = await copyExamples();
  const message = await refused(dir, "blue-heart-2023-be", "nl", (xml) =>
    inTarget(xml.replaceAll('canDelete="no" ', ""), "b4", (words) =>
      words.replace(/<ph id="1"[^>]*\/>/, "het nummer"),
    ),
  );
  assert.match(message, "unit b4: inline elements changed (missing placeholder 078 055 800)");
  await fs.rm(dir, { recursive: true });
});

refuse("an inline element the source does not have", async () => {
  const dir = await copyExamples();
  const message = await refused(dir, "blue-heart-2023-be", "nl", (xml) =>
    inTarget(
      inTarget(xml, "b4", (words) => `${words} Of bel <ph id="2" dataRef="d2" disp="phone number"/>.`),
      "b3",
      (words) => `<pc id="1" dataRefStart="d1s" dataRefEnd="d1e">${words}</pc>`,
    )
      .replace(/(<unit id="b4">[\s\S]*?<originalData>)/, '$1<data id="d2">0800 000 000</data>')
      .replace(
        /(<unit id="b3">[\s\S]*?)(<segment)/,
        '$1<originalData><data id="d1s">[</data><data id="d1e">](https://evil.example/)</data></originalData>$2',
      ),
  );
  assert.match(message, "unit b4: inline elements changed (unexpected placeholder 0800 000 000)");
  assert.match(message, "unit b3: inline elements changed (unexpected markup […](https://evil.example/))");
  await fs.rm(dir, { recursive: true });
});

refuse("a link, a web or e-mail address or a phone number typed into a translation", async () => {
  const dir = await copyExamples();
  const typed: Record<string, string> = {
    b1: " Meer: [hier](https://evil.example/hulp).",
    b2: " Zie &lt;https://evil.example&gt;.",
    b3: " www.evil.example",
    b8: " Mail hulp@evil.example.",
    b10: " Bel 0800 12 34 56.",
  };
  const message = await refused(dir, "benelux-2021", "nl", (xml) =>
    Object.entries(typed).reduce(
      (edited, [unit, words]) => inTarget(edited, unit, (text) => text + words),
      xml,
    ),
  );
  for (const [unit, found] of [
    ["b1", "a link to https://evil.example/hulp"],
    ["b2", "a link to https://evil.example"],
    ["b3", '"www.evil.example"'],
    ["b8", '"hulp@evil.example"'],
    ["b10", '"0800 12 34 56"'],
  ]) {
    assert.match(
      message,
      `unit ${unit}: adds what the source does not have: ${found}; a translation may not add`,
    );
  }
  await fs.rm(dir, { recursive: true });
});

refuse("text added to the skeleton around the units", async () => {
  const dir = await copyExamples();
  const message = await refused(dir, "blue-heart-2023-be", "nl", (xml) =>
    xml.replace("\\n\\n## ", "\\n\\nBel 0800 000 000.\\n\\n## "),
  );
  assert.match(message, "blue-heart-2023-be.nl.xlf: the <skeleton> is missing or changed");
  await fs.rm(dir, { recursive: true });
});

refuse("a file whose original is not a campaign folder's name, before it is used in a path", async () => {
  const dir = await copyExamples();
  const message = await refused(dir, "blue-heart-2023-be", "nl", (xml) =>
    xml.replace('original="blue-heart-2023-be"', 'original="../blue-heart-2023-be"'),
  );
  assert.match(message, 'original "../blue-heart-2023-be" is not the name of a campaign folder');
  await fs.rm(dir, { recursive: true });
});

refuse("a target language the campaign does not list, with the fix", async () => {
  const dir = await copyExamples();
  const message = await refusal(roundTrip(dir, "benelux-2021", "de"));
  assert.match(message, 'trgLang "de" is not a language of campaigns/benelux-2021');
  assert.match(message, "add de to languages in");
  await assert.not.ok(
    await fs.stat(path.join(dir, "benelux-2021/content/page.de.md")).catch(() => undefined),
  );
  await fs.rm(dir, { recursive: true });
});

refuse("missing and untranslated units, listed", async () => {
  const dir = await copyExamples();
  const before = await fs.readFile(path.join(dir, "benelux-2021/content/page.nl.md"), "utf8");
  const message = await refusal(
    roundTrip(dir, "benelux-2021", "nl", (xml) =>
      xml
        .replace(/<unit id="b2">[\s\S]*?<\/unit>/, "")
        .replace(/(<unit id="b3">[\s\S]*?)<target xml:space="preserve">[^<]*<\/target>/, "$1"),
    ),
  );
  assert.match(message, "nl.xlf: units missing: b2");
  assert.match(message, "units not translated: b3");
  assert.is(await fs.readFile(path.join(dir, "benelux-2021/content/page.nl.md"), "utf8"), before);
  await fs.rm(dir, { recursive: true });
});

refuse("a phone number changed or dropped, with the unit", async () => {
  const dir = await copyExamples();
  const before = await fs.readFile(path.join(dir, "blue-heart-2023-be/content/page.nl.md"), "utf8");
  const message = await refusal(
    roundTrip(dir, "blue-heart-2023-be", "nl", (xml) =>
      xml.replace(/(<target xml:space="preserve">[^<]*)<ph id="1" dataRef="d1"[^>]*\/>/, "$1 0800 12345"),
    ),
  );
  assert.match(
    message,
    /unit (description|b\d+): inline elements changed \(missing placeholder 078 055 800\)/,
  );
  assert.is(await fs.readFile(path.join(dir, "blue-heart-2023-be/content/page.nl.md"), "utf8"), before);
  await fs.rm(dir, { recursive: true });
});

refuse("raw HTML in a translation", async () => {
  const dir = await copyExamples();
  const message = await refusal(
    roundTrip(dir, "benelux-2021", "nl", (xml) =>
      xml.replace(
        /(<unit id="b3">[\s\S]*?<target xml:space="preserve">)/,
        "$1&lt;script&gt;alert(1)&lt;/script&gt; ",
      ),
    ),
  );
  assert.match(message, "unit b3: raw HTML <script> is not allowed in content");
  await fs.rm(dir, { recursive: true });
});

refuse("a file that is not XLIFF 2.0", () => {
  const xliff12 =
    '<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file/></xliff>';
  assert.throws(() => readXliff(xliff12), /this is XLIFF 1\.2, expected version="2\.0"/);
  assert.throws(() => readXliff("title: not xml"), /not well-formed XML/);
});

test.run();
refuse.run();
