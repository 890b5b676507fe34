/**
 * "Did you mean …?" for language tags and country codes, from the CLDR data behind Intl:
 * "english", "Français", "nl_BE", "NL" → en, fr, nl-BE, nl; "Belgium", "België", "be" → BE.
 * Languages are suggested among those with UI strings (the only ones a campaign can use), by
 * their names in English, in themselves and in every UI language; countries by their names in
 * English and in every UI language. Near misses ("Englsh", "Belgum") are matched against the
 * English names and the languages' own names only, so a short word is not matched to anything.
 */
import { closest } from "../problems/suggest.ts";
import { LANGUAGE_TAG } from "./languages.ts";
import { availableLanguages } from "./strings.ts";

/** The tag a person most likely meant by `written`, or undefined. */
export function suggestLanguage(written: string): string | undefined {
  const text = written.trim();
  if (text === "") return undefined;
  const reshaped = canonicalTag(text.replace(/_/g, "-"));
  if (reshaped && reshaped !== text) return reshaped;
  const names = languageNames();
  return names.exact.get(fold(text)) ?? nearest(text, names.near);
}

/** The two-letter country code a person most likely meant by `written`, or undefined. */
export function suggestCountry(written: string): string | undefined {
  const text = written.trim();
  const names = countryNames();
  if (/^[a-z]{2}$/i.test(text)) {
    // "be" → BE, and retired or common codes to the current one: "UK" → GB.
    const region = new Intl.Locale(Intl.getCanonicalLocales(`und-${text}`)[0]).region;
    if (region && names.codes.has(region)) return region;
  }
  return names.exact.get(fold(text)) ?? nearest(text, names.near);
}

/** `"english" is not a language tag; did you mean "en" (English)?` */
export function languageTagMessage(input: unknown): string {
  const written = JSON.stringify(input);
  const tag = typeof input === "string" ? suggestLanguage(input) : undefined;
  return tag
    ? `${written} is not a language tag; did you mean "${tag}" (${languageName(tag)})?`
    : `${written} is not a language tag; expected a BCP 47 tag such as fr, nl-BE or zh-Hans`;
}

/** `"Belgium" is not a country code; did you mean "BE" (Belgium)?`, or undefined without a guess. */
export function countryCodeMessage(input: unknown): string | undefined {
  const code = typeof input === "string" ? suggestCountry(input) : undefined;
  return code
    ? `${JSON.stringify(input)} is not a country code; did you mean "${code}" (${regionName(code)})?`
    : undefined;
}

/** "Dutch (Belgium)" rather than ICU's "Flemish": the parts of the tag, named in English. */
function languageName(tag: string): string {
  return new Intl.DisplayNames(["en"], { type: "language", languageDisplay: "standard" }).of(tag) ?? tag;
}

function regionName(code: string): string {
  return new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code;
}

/** The canonical form of a well-formed tag that names a real language ("NL" → "nl"), else undefined. */
function canonicalTag(text: string): string | undefined {
  let canonical: string;
  try {
    [canonical] = Intl.getCanonicalLocales(text);
  } catch {
    return undefined;
  }
  if (!canonical || !LANGUAGE_TAG.test(canonical)) return undefined;
  const locale = new Intl.Locale(canonical);
  const language = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" }).of(locale.language);
  const region = locale.region
    ? new Intl.DisplayNames(["en"], { type: "region", fallback: "none" }).of(locale.region)
    : "";
  return language !== undefined && region !== undefined ? canonical : undefined;
}

interface Names {
  /** Every known name, folded, to its code. */
  exact: Map<string, string>;
  /** The names near misses are matched against, as written, to their code. */
  near: Map<string, string>;
}

/** Regional tags that CLDR names on their own rather than "Dutch (Belgium)". */
const REGIONAL_TAGS = [
  "de-AT",
  "de-CH",
  "en-GB",
  "en-US",
  "es-MX",
  "fr-CA",
  "fr-CH",
  "nl-BE",
  "pt-BR",
  "pt-PT",
];

let languageCache: Names | undefined;

function languageNames(): Names {
  if (languageCache) return languageCache;
  const tags = availableLanguages();
  const exact = new Map<string, string>();
  const near = new Map<string, string>();
  const add = (map: Map<string, string>, name: string | undefined, tag: string) => {
    if (name && !map.has(name)) map.set(name, tag);
  };
  for (const tag of tags) {
    const english = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" }).of(tag);
    const own = new Intl.DisplayNames([tag], { type: "language", fallback: "none" }).of(tag);
    for (const name of [english, own]) {
      add(near, name, tag);
      add(exact, name && fold(name), tag);
    }
  }
  // Languages as spoken in a region, by their own CLDR names ("Flemish", "Vlaams" → nl-BE).
  for (const tag of REGIONAL_TAGS) {
    for (const reader of ["en", tag]) {
      const name = new Intl.DisplayNames([reader], { type: "language" }).of(tag);
      add(exact, name && fold(name), tag);
    }
  }
  for (const reader of tags) {
    const names = new Intl.DisplayNames([reader], { type: "language", fallback: "none" });
    for (const tag of tags) {
      const name = names.of(tag);
      add(exact, name && fold(name), tag);
    }
  }
  languageCache = { exact, near };
  return languageCache;
}

/** Codes of CLDR that are not countries a phone line can serve. */
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"]);

let countryCache: (Names & { codes: Set<string> }) | undefined;

function countryNames(): Names & { codes: Set<string> } {
  if (countryCache) return countryCache;
  const english = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  const codes = new Set<string>();
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      if (NOT_COUNTRIES.has(code) || english.of(code) === undefined) continue;
      // Retired codes (ZR for Congo - Kinshasa) are left to the code that replaced them.
      if (Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`) codes.add(code);
    }
  }
  const exact = new Map<string, string>();
  const near = new Map<string, string>();
  for (const reader of ["en", ...availableLanguages()]) {
    const names = new Intl.DisplayNames([reader], { type: "region", fallback: "none" });
    for (const code of codes) {
      const name = names.of(code);
      if (!name) continue;
      if (reader === "en" && !near.has(name)) near.set(name, code);
      if (!exact.has(fold(name))) exact.set(fold(name), code);
    }
  }
  countryCache = { exact, near, codes };
  return countryCache;
}

/** The code of the name nearest to `text`, for words long enough to be told apart. */
function nearest(text: string, names: Map<string, string>): string | undefined {
  if (text.length < 4) return undefined;
  const name = closest(fold(text), [...names.keys()].map(fold));
  if (name === undefined) return undefined;
  for (const [written, code] of names) if (fold(written) === name) return code;
  return undefined;
}

/** "Français" and "francais", "België" and "belgie" are one name. */
function fold(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}
