import { suite } from "uvu";
import * as assert from "uvu/assert";
import { languageTagMessage, suggestCountry, suggestLanguage } from "../../src/i18n/suggest-codes.ts";

const test = suite("i18n/suggest-codes: language tags and country codes from CLDR names");

test("languages: English names, own names, names in other UI languages, near misses", () => {
  const cases: Record<string, string | undefined> = {
    english: "en",
    Français: "fr",
    francais: "fr",
    Nederlands: "nl",
    néerlandais: "nl",
    Deutsch: "de",
    Englsh: "en",
    Vlaams: "nl-BE",
    ትግርኛ: "ti",
    klingon: undefined,
  };
  for (const [written, tag] of Object.entries(cases)) assert.is(suggestLanguage(written), tag, written);
});

test("languages: tags written another way, canonicalised by Intl", () => {
  const cases: Record<string, string | undefined> = {
    nl_BE: "nl-BE",
    NL: "nl",
    "nl-be": "nl-BE",
    zh_hans: "zh-Hans",
    eng: "en",
    en: undefined,
    qq: undefined,
  };
  for (const [written, tag] of Object.entries(cases)) assert.is(suggestLanguage(written), tag, written);
});

test("countries: names in English and in the UI languages, lower case, retired codes", () => {
  const cases: Record<string, string | undefined> = {
    Belgium: "BE",
    België: "BE",
    Belgique: "BE",
    Belgien: "BE",
    be: "BE",
    UK: "GB",
    Luxemburg: "LU",
    "Pays-Bas": "NL",
    Belgum: "BE",
    BEL: undefined,
    EU: undefined,
  };
  for (const [written, code] of Object.entries(cases)) assert.is(suggestCountry(written), code, written);
});

test("the message quotes what was written", () => {
  assert.is(languageTagMessage("english"), '"english" is not a language tag; did you mean "en" (English)?');
  assert.is(
    languageTagMessage("x y"),
    '"x y" is not a language tag; expected a BCP 47 tag such as fr, nl-BE or zh-Hans',
  );
});

test.run();
