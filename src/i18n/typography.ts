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

/**
 * An address in running text (`https://…`, `mailto:…`, `tel:…`, `www.…`): left exactly as written,
 * since a space before its colon or a curly quote inside it would break it. Trailing punctuation
 * stays outside (the sentence's full stop after an address).
 */
const ADDRESS = /\b(?:[a-z][a-z0-9+.-]*:\/\/|mailto:|tel:|www\.)[^\s<>"'«»]*[^\s<>"'«».,;:!?)]/gi;

/** `text` (plain or HTML) set in the typography of `lang`; tags and addresses stay as written. */
export function typeset(text: string, lang: string): string {
  const rules = rulesFor(lang);
  if (rules.length === 0) return text;
  // Addresses are set aside as tokens that no rule changes, then put back. A token starts and
  // ends with a letter, so that quotes around an address open and close as around a word.
  const addresses: string[] = [];
  const tokens = text.replace(ADDRESS, (address) => `a\ue000${addresses.push(address) - 1}\ue001a`);
  return richtypo(rules, tokens).replace(
    /a\ue000(\d+)\ue001a/g,
    (_, index: string) => addresses[Number(index)],
  );
}

/** Text that must stay on one line (a date, a time range, a phone number): every space joined. */
export function unbreakable(text: string): string {
  return text.replace(/[ \u2009]/g, (space) => (space === " " ? NO_BREAK_SPACE : NARROW_NO_BREAK_SPACE));
}
