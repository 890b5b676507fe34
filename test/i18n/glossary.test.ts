/**
 * The style notes of src/i18n/glossary.json hold: in each language, one register (no word of the
 * other one) and one spelling of each key term, in the UI strings and in every campaign's own
 * wording (campaigns/<slug>/strings/<lang>.json).
 */
import fs from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { availableLanguages, flatKeys, STRINGS_DIR, type Tree, uiStrings } from "../../src/i18n/strings.ts";
import { ROOT } from "../helpers/fixtures.ts";

interface Term {
  /** Accepted forms or stems: each key in `in` contains one of them, ignoring case. */
  use: string[];
  /** Variants that appear nowhere in the language, not even inside a longer word. */
  avoid?: string[];
  in: string[];
}
interface Style {
  register: string;
  /** Whole words of the other register. */
  avoid?: string[];
  terms: Record<string, Term>;
}

const GLOSSARY_FILE = path.join(path.dirname(STRINGS_DIR), "glossary.json");
const glossary = JSON.parse(fs.readFileSync(GLOSSARY_FILE, "utf8")) as { languages: Record<string, Style> };

/** Every text of a tree with its dotted key (each plural form on its own), placeholders removed. */
function texts(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[`${prefix}${key}`, value.replace(/\{\w+\}/g, " ")] as [string, string]]
      : texts(value, `${prefix}${key}.`),
  );
}

/** The campaigns' own wording files in `lang` (nl-BE.json counts as nl). */
function wordingFiles(lang: string): string[] {
  const campaigns = path.join(ROOT, "campaigns");
  return fs.readdirSync(campaigns).flatMap((slug) => {
    const dir = path.join(campaigns, slug, "strings");
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter((name) => name.endsWith(".json") && new Intl.Locale(name.slice(0, -5)).language === lang)
      .map((name) => path.join(dir, name));
  });
}

/** Where a language's words are read: [where, key, text]. */
function everything(lang: string): [string, string, string][] {
  const own = uiStrings(lang);
  if (!own) throw new Error(`no strings for ${lang}`);
  const rows = texts(own.strings).map(([key, text]): [string, string, string] => [
    `src/i18n/strings/${lang}.json`,
    key,
    text,
  ]);
  for (const file of wordingFiles(lang)) {
    const tree = JSON.parse(fs.readFileSync(file, "utf8")) as Tree;
    for (const [key, text] of texts(tree)) rows.push([path.relative(ROOT, file), key, text]);
  }
  return rows;
}

const words = (text: string, lang: string) =>
  text
    .toLocaleLowerCase(lang)
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);

/** What breaks the style of `lang` in its texts, one line each. */
function styleProblems(lang: string, style: Style, rows = everything(lang)): string[] {
  const problems: string[] = [];
  const lower = (text: string) => text.toLocaleLowerCase(lang);
  const avoid = new Set((style.avoid ?? []).map(lower));
  for (const [where, key, text] of rows) {
    for (const word of words(text, lang))
      if (avoid.has(word))
        problems.push(`${where} ${key}: "${word}" is the other register; ${lang} is ${style.register}`);
    for (const [concept, term] of Object.entries(style.terms))
      for (const variant of term.avoid ?? [])
        if (lower(text).includes(lower(variant)))
          problems.push(`${where} ${key}: "${variant}" for ${concept}; write ${term.use.join(" or ")}`);
  }
  const own = new Map(rows.filter(([where]) => where.startsWith("src/")).map(([, key, text]) => [key, text]));
  for (const [concept, term] of Object.entries(style.terms))
    for (const key of term.in) {
      const text = own.get(key);
      if (text === undefined) problems.push(`${lang} ${key}: no such string (listed for ${concept})`);
      else if (!term.use.some((form) => lower(text).includes(lower(form))))
        problems.push(`${lang} ${key}: "${text}" lacks the term for ${concept} (${term.use.join(" or ")})`);
    }
  return problems;
}

const test = suite("style notes: register and key terms per language");

test("every language with UI strings has a style note, and no note is for a language without", () => {
  const notes = Object.keys(glossary.languages).sort();
  assert.equal(notes, availableLanguages());
  for (const [lang, style] of Object.entries(glossary.languages)) {
    assert.ok(style.register.length > 0, `${lang}: register`);
    for (const concept of ["campaign", "helpline", "safetyExit", "share"])
      assert.ok(style.terms[concept]?.use.length, `${lang}: a term for ${concept}`);
  }
});

test("listed keys are keys of the English strings", () => {
  const english = uiStrings("en");
  assert.ok(english);
  const keys = new Set(texts(english.strings).map(([key]) => key));
  for (const key of flatKeys(english.strings)) keys.add(key);
  for (const [lang, style] of Object.entries(glossary.languages))
    for (const [concept, term] of Object.entries(style.terms))
      for (const key of term.in) assert.ok(keys.has(key), `${lang} ${concept}: ${key}`);
});

test("each language keeps one register and one spelling of its key terms", () => {
  const problems = Object.entries(glossary.languages).flatMap(([lang, style]) => styleProblems(lang, style));
  assert.equal(problems, []);
});

test("the check finds a mixed register and a second spelling (it can fail)", () => {
  const nl = glossary.languages.nl;
  const broken: [string, string, string][] = [
    ["nl.json", "kit.calendar", "Toevoegen aan je agenda"],
    ["nl.json", "share.pageTitle", "Deel deze campagne"],
  ];
  assert.match(styleProblems("nl", nl, broken).join("\n"), '"je" is the other register');
  const ti = glossary.languages.ti;
  const military: [string, string, string][] = [["ti.json", "kit.heading", "ናይ መዓልቲ ዘመተ ጥቕሉል"]];
  assert.match(styleProblems("ti", ti, military).join("\n"), '"ዘመተ" for campaign');
  const fa = glossary.languages.fa;
  assert.match(
    styleProblems("fa", fa, [["fa.json", "home.backLink", "بازگشت به صفحه کمپین"]]).join("\n"),
    "کمپین",
  );
  // A listed key that lost its term.
  const own: [string, string, string][] = [
    ["src/i18n/strings/nl.json", "share.pageTitle", "Deel deze actie"],
  ];
  assert.match(
    styleProblems("nl", { ...nl, terms: { campaign: nl.terms.campaign } }, own).join("\n"),
    "lacks",
  );
});

test.run();
