import { suite } from "uvu";
import * as assert from "uvu/assert";
import { endonym, formatDate, textDirection } from "../../src/i18n/languages.ts";
import { availableLanguages, flatKeys, missingKeys, translator, uiStrings } from "../../src/i18n/strings.ts";

/** The languages the project promises: the 24 official EU languages, Luxembourgish and ten more. */
export const REQUIRED_LANGUAGES = [
  ..."bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv".split(" "),
  "lb",
  ..."ar fa ti uk ru tr sq vi zh so".split(" "),
];

const test = suite("UI strings");

test("every required language has a file", () => {
  const available = availableLanguages();
  assert.is(REQUIRED_LANGUAGES.length, 35);
  assert.equal(
    REQUIRED_LANGUAGES.filter((tag) => !available.includes(tag)),
    [],
  );
});

test("no file misses a key that English has", () => {
  for (const tag of availableLanguages()) assert.equal(missingKeys(tag), [], `${tag} misses keys`);
});

test("placeholders match English and plural forms match the language's rules", () => {
  const english = uiStrings("en");
  const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort().join();
  for (const tag of availableLanguages()) {
    const strings = uiStrings(tag);
    assert.ok(strings && english);
    const en = translator("en");
    const t = translator(tag);
    for (const key of flatKeys(english.strings)) {
      assert.is(placeholders(t(key)), placeholders(en(key)), `${tag} ${key}`);
    }
    const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories.slice().sort();
    for (const key of ["languages.count", "share.imageCount"]) {
      const group = key
        .split(".")
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], strings.strings);
      assert.equal(Object.keys(group as object).sort(), categories, `${tag} ${key}`);
    }
  }
});

test("only the source language is marked reviewed until a fluent person checks a file", () => {
  for (const tag of availableLanguages()) {
    const strings = uiStrings(tag);
    assert.type(strings?.reviewed, "boolean");
    if (tag !== "en")
      assert.is(strings?.reviewed, false, `${tag} claims a review; record who reviewed it in reviewNote`);
  }
});

test("plural forms are chosen by count", () => {
  const t = translator("en");
  assert.is(t("languages.count", { count: 1 }), "This page is available in 1 language.");
  assert.is(t("languages.count", { count: 24 }), "This page is available in 24 languages.");
  assert.match(translator("pl")("share.imageCount", { count: 3 }), "3");
});

test("every English key is shown somewhere (no string is translated for nothing)", async () => {
  const { readFile, readdir } = await import("node:fs/promises");
  const pathModule = await import("node:path");
  const root = pathModule.resolve(import.meta.dirname, "../..");
  const folders = ["templates/default", "templates/default/partials", "src/site", "src/social", "src/kit"];
  let sources = "";
  for (const folder of folders) {
    for (const name of await readdir(pathModule.join(root, folder))) {
      if (/\.(njk|ts)$/.test(name)) sources += await readFile(pathModule.join(root, folder, name), "utf8");
    }
  }
  const english = uiStrings("en");
  assert.ok(english);
  const unused = flatKeys(english.strings).filter(
    (key) => !sources.includes(`"${key}"`) && !sources.includes(`'${key}'`),
  );
  assert.equal(unused, []);
});

test("regional tags fall back to their language", () => {
  assert.is(uiStrings("nl-BE")?.language, "nl");
  assert.is(translator("fr-LU")("skipLink"), translator("fr")("skipLink"));
});

test("endonyms, directions and dates", () => {
  assert.is(endonym("lb"), "Lëtzebuergesch");
  assert.is(endonym("ti"), "ትግርኛ");
  assert.is(endonym("fa"), "فارسی");
  assert.is(endonym("fr"), "Français");
  assert.is(textDirection("ar"), "rtl");
  assert.is(textDirection("fa"), "rtl");
  assert.is(textDirection("ti"), "ltr");
  assert.is(formatDate("2023-07-30", "nl"), "30\u00a0juli\u00a02023", "a date is never broken across lines");
  assert.match(formatDate("2023-07-30", "fa"), "۲۰۲۳");
});

test.run();
