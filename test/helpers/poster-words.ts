/**
 * A French title that the default template's share cards fit and its poster does not: measured
 * with this text, the cards take up to about 287 characters and the poster up to about 209 (the
 * poster's smallest title size is larger for its width). 235 sits between the two.
 */
export const TITLE_FOR_CARDS_NOT_POSTER =
  "Journée mondiale contre la traite des êtres humains : chaque victime compte, ne laisser personne de côté. "
    .repeat(3)
    .slice(0, 235)
    .trim();

/** Replaces the `title:` line of a content file's front matter. */
export function withTitle(markdown: string, title: string): string {
  return markdown.replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`);
}

/** A title in each script the posters draw, with its direction. */
export const SCRIPT_TITLES: Record<string, { dir: "ltr" | "rtl"; title: string }> = {
  fr: { dir: "ltr", title: "Journée mondiale contre la traite des êtres humains" },
  ar: { dir: "rtl", title: "اليوم العالمي لمكافحة الاتجار بالأشخاص" },
  fa: { dir: "rtl", title: "روز جهانی مبارزه با قاچاق انسان" },
  ti: { dir: "ltr", title: "ዓለምለኻዊ መዓልቲ ምቅላስ ዘይሕጋዊ ንግዲ ሰባት" },
  ru: { dir: "ltr", title: "Всемирный день борьбы с торговлей людьми" },
  zh: { dir: "ltr", title: "世界打击贩运人口日：每一位受害者都很重要" },
};
