/**
 * The day as a calendar entry (RFC 5545, written by the `ics` package): an all-day event on the
 * campaign's date, ending (exclusively) the next day, with the page's address. The stamp is the
 * day itself, not the build time, so the file is the same from one build to the next.
 */
import { createEvent, type EventAttributes } from "ics";

export interface CalendarInput {
  /** YYYY-MM-DD */
  date: string;
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
  return Buffer.from(value, "utf8");
}
