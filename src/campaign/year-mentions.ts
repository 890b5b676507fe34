/**
 * Years as people write them in campaign text, found line by line: the mentions next year's
 * edition lists to update, and the readiness check lists until they are updated or accepted.
 */

/** Today's date where the command runs, YYYY-MM-DD. */
export function today(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** A year as people write it in campaign text: 1900–2099, not part of a longer number. */
export const YEAR = /(?<![\p{N}])(?:19|20)\d{2}(?![\p{N}])/gu;

export interface YearMention {
  file: string;
  line: number;
  year: number;
  /** The line, trimmed, to show beside its number. */
  text: string;
}

/** Every line of `text` that mentions a year (other than `except`). */
export function yearMentions(
  text: string,
  file: string,
  options: { only?: number; except?: number },
): YearMention[] {
  const mentions: YearMention[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    for (const match of line.matchAll(YEAR)) {
      const year = Number(match[0]);
      if (options.only !== undefined && year !== options.only) continue;
      if (options.except !== undefined && year === options.except) continue;
      mentions.push({ file, line: index + 1, year, text: line.trim() });
    }
  });
  return mentions;
}
