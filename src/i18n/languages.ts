/**
 * Facts about a language tag that pages need: its name in itself, its direction, and dates
 * written its way. Everything comes from Intl (ICU), so any valid tag works.
 */
import { unbreakable } from "./typography.ts";

/** A BCP 47 tag as campaigns use them: language, optional script, optional region. */
export const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$/;

/** Scripts written right to left (ISO 15924), for tags whose script Intl cannot tell us. */
const RTL_SCRIPTS = new Set(["Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Mand"]);

export type Direction = "ltr" | "rtl";

/** Letters of the scripts written right to left. */
const RTL_LETTER = new RegExp(`[${[...RTL_SCRIPTS].map((script) => `\\p{Script=${script}}`).join("")}]`, "u");

/** Whether the text holds a letter of a script written right to left. */
export function hasRightToLeft(text: string): boolean {
  return RTL_LETTER.test(text);
}

export function textDirection(tag: string): Direction {
  const locale = new Intl.Locale(tag).maximize();
  const info = (locale as Intl.Locale & { textInfo?: { direction?: string } }).textInfo;
  if (info?.direction === "rtl" || info?.direction === "ltr") return info.direction;
  return locale.script && RTL_SCRIPTS.has(locale.script) ? "rtl" : "ltr";
}

/** Unicode script properties of the scripts ISO 15924 names as mixtures (Han with kana, Hangul). */
const SCRIPT_PROPERTIES: Record<string, string[]> = {
  Hans: ["Han"],
  Hant: ["Han"],
  Jpan: ["Han", "Hiragana", "Katakana"],
  Kore: ["Han", "Hangul"],
};

/**
 * Whether every letter of `text` is of the script the language is usually written in (Intl's
 * likely script: Latin for French, Arabic for Persian); text without letters is written in any.
 */
export function writtenIn(text: string, tag: string): boolean {
  const script = new Intl.Locale(tag).maximize().script;
  if (!script) return false;
  const properties = SCRIPT_PROPERTIES[script] ?? [script];
  try {
    const letter = new RegExp(
      `^(?:${properties.map((property) => `\\p{Script=${property}}`).join("|")}|\\P{L})*$`,
      "u",
    );
    return letter.test(text);
  } catch {
    return false; // a script the regular expressions of this Node do not know
  }
}

/** "Français", "Lëtzebuergesch", "ትግርኛ": the language's own name, capitalised its own way. */
export function endonym(tag: string): string {
  const name = new Intl.DisplayNames([tag], { type: "language", fallback: "code" }).of(tag) ?? tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

/** The English name, for people who run the build. */
export function englishName(tag: string): string {
  return new Intl.DisplayNames(["en"], { type: "language", fallback: "code" }).of(tag) ?? tag;
}

/**
 * A campaign date (YYYY-MM-DD) written in the language. The Gregorian calendar is forced so the
 * day matches the international day named on the page (Persian would otherwise use its own).
 */
export function formatDate(isoDate: string, tag: string): string {
  // A date is never broken across lines.
  return unbreakable(
    new Intl.DateTimeFormat(tag, {
      dateStyle: "long",
      timeZone: "UTC",
      calendar: "gregory",
    }).format(new Date(`${isoDate}T00:00:00Z`)),
  );
}

/** Open Graph wants `fr_BE`-style locales; a bare language gets no region. */
export function ogLocale(tag: string): string {
  const locale = new Intl.Locale(tag);
  return locale.region ? `${locale.language}_${locale.region}` : locale.language;
}
