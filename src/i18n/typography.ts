/**
 * Typography by language, applied to the words people read (campaign text, UI strings, dates and
 * hours) on pages, share images and posters: French takes a narrow no-break space before : ; ! ?
 * and inside « », and its quotes; English its curly quotes (richtypo's rules for each). Whatever
 * the language, what must not be broken across lines is joined with no-break spaces: a date, a
 * time range, a number and its percent sign. Text that is HTML keeps its tags as they are.
 */
import richtypo from "richtypo";
import { quotes as englishQuotes } from "richtypo/rules/en";
import { quotes as frenchQuotes, punctuationMarks } from "richtypo/rules/fr";

type Rule = (text: string) => string;

export const NO_BREAK_SPACE = "\u00a0";
export const NARROW_NO_BREAK_SPACE = "\u202f";

/** Outside tags: `100 %` → `100 %` with a narrow no-break space, in the languages that space it. */
const percent: Rule = (text) => text.replace(/(?<!<[^>]*)(\d)[ \u00a0](%)/g, `$1${NARROW_NO_BREAK_SPACE}$2`);

/** A time (09:00, 17:30) is no colon of a sentence: French spacing before ":" leaves it whole. */
const times: Rule = (text) => text.replace(/(\d)\u202f:(?=\d\d(?!\d))/g, "$1:");

const RULES: Record<string, Rule[]> = {
  fr: [frenchQuotes, punctuationMarks, times, percent],
  en: [englishQuotes],
  de: [percent],
  nl: [],
};

/** The language's rules, by its primary subtag (fr-BE takes French rules). */
function rulesFor(lang: string): Rule[] {
  return RULES[new Intl.Locale(lang).language] ?? [];
}

/** `text` (plain or HTML) set in the typography of `lang`. */
export function typeset(text: string, lang: string): string {
  const rules = rulesFor(lang);
  return rules.length === 0 ? text : richtypo(rules, text);
}

/** Text that must stay on one line (a date, a time range, a phone number): every space joined. */
export function unbreakable(text: string): string {
  return text.replace(/[ \u2009]/g, (space) => (space === " " ? NO_BREAK_SPACE : NARROW_NO_BREAK_SPACE));
}
