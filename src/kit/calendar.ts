/**
 * The day as a calendar entry (RFC 5545, written by the `ics` package): an all-day event on the
 * campaign's date, ending (exclusively) the next day, with the page's address. The stamp is the
 * day itself, not the build time, so the file is the same from one build to the next. The text
 * properties carry the page's language (`SUMMARY;LANGUAGE=fr:…`), which `ics` does not write:
 * its lines are unfolded, given the parameter and folded again at 75 octets (RFC 5545 3.1).
 */
import { createEvent, type EventAttributes } from "ics";
import { codeFingerprint } from "../render/code-fingerprint.ts";

export interface CalendarInput {
  /** YYYY-MM-DD */
  date: string;
  /** BCP 47 tag of the words, written as each text property's LANGUAGE parameter. */
  lang: string;
  title: string;
  tagline: string;
  hotlines: string[];
  url: string;
  /** Stable across builds: the same event keeps its identity when the file is imported again. */
  uid: string;
}

export class CalendarError extends Error {
  override name = "CalendarError";
  constructor(
    readonly key: "date" | "url",
    message: string,
  ) {
    super(message);
  }
}

export function renderCalendar(input: CalendarInput): Buffer {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.date);
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== input.date)
    throw new CalendarError("date", `"${input.date}" is not a calendar date; write it as YYYY-MM-DD`);
  if (!/^https?:\/\/[^\s]+$/.test(input.url))
    throw new CalendarError("url", `"${input.url}" is not an absolute http(s) address`);
  const next = new Date(day.getTime() + 24 * 3600 * 1000);
  const parts = (d: Date) =>
    [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()] as [number, number, number];
  // `timestamp` (DTSTAMP) is read by ics but missing from its type.
  const attributes: EventAttributes & { timestamp: number } = {
    productId: "awareness-campaigns",
    uid: input.uid,
    timestamp: day.getTime(),
    start: parts(day),
    end: parts(next),
    title: input.title,
    description: [input.tagline, ...input.hotlines, input.url].join("\n"),
    url: input.url,
    busyStatus: "FREE",
    transp: "TRANSPARENT",
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw new CalendarError("date", `cannot make a calendar entry: ${error?.message}`);
  return Buffer.from(withLanguage(value, input.lang), "utf8");
}

/** The text properties RFC 5545 lets carry a LANGUAGE parameter that this entry has. */
const TEXT_PROPERTIES = ["SUMMARY", "DESCRIPTION", "LOCATION"];

/** The calendar text with `;LANGUAGE=<lang>` on each text property, folded at 75 octets. */
export function withLanguage(text: string, lang: string): string {
  return text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .map((line) => {
      const name = /^[A-Z-]+(?=[;:])/.exec(line)?.[0];
      const tagged = name && TEXT_PROPERTIES.includes(name) && !/^[^:]*;LANGUAGE=/i.test(line);
      return foldLine(tagged ? `${name};LANGUAGE=${lang}${line.slice(name.length)}` : line);
    })
    .join("\r\n");
}

/**
 * A content line folded so that no line is longer than 75 octets, continuation lines starting
 * with one space; a character written in several octets is never split.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let part = "";
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, "utf8");
    if (octets + size > 75) {
      parts.push(part);
      part = " ";
      octets = 1;
    }
    part += character;
    octets += size;
  }
  parts.push(part);
  return parts.join("\r\n");
}

/** The fingerprint of the code that makes calendar files (this module and what it imports), for cache keys. */
export function calendarCode(): string {
  return codeFingerprint(import.meta.url);
}
