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
