/**
 * Hotline details written in a page's language: weekday names, times and language names all
 * come from Intl, never from a hand-made table.
 */
import type { HotlineHours, Interval } from "../campaign/hotline-details.ts";
import type { Hotline } from "../campaign/index.ts";
import { unbreakable } from "../i18n/typography.ts";

/** Monday 1 January 2024, UTC: day `n` of a week is this date plus `n` days. */
const MONDAY = Date.UTC(2024, 0, 1);
const MINUTE = 60_000;

export interface HoursRow {
  /** "Monday – Friday" or "Saturday". */
  days: string;
  /** "09:00–17:00", several ranges joined by the language's list format. */
  times: string;
}

function weekday(day: number, lang: string, width: "long" | "short"): string {
  return new Intl.DateTimeFormat(lang, { weekday: width, timeZone: "UTC" }).format(
    MONDAY + day * 1440 * MINUTE,
  );
}

function timeRange([open, close]: Interval, lang: string): string {
  const format = new Intl.DateTimeFormat(lang, { timeStyle: "short", timeZone: "UTC" });
  // A range into the next day (20:00–24:00) would be written with both dates: times only.
  // A time range is never broken across lines ("10:00 –" / "14:00").
  return unbreakable(
    close >= 1440
      ? `${format.format(MONDAY + open * MINUTE)} – ${format.format(MONDAY + close * MINUTE)}`
      : format.formatRange(MONDAY + open * MINUTE, MONDAY + close * MINUTE),
  );
}

/** Days with the same hours grouped into runs, Monday first; closed days left out. */
export function hoursRows(hours: HotlineHours, lang: string, width: "long" | "short" = "long"): HoursRow[] {
  const list = new Intl.ListFormat(lang, { type: "unit", style: "short" });
  const rows: HoursRow[] = [];
  let day = 0;
  while (day < 7) {
    const key = JSON.stringify(hours.week[day]);
    let last = day;
    while (last + 1 < 7 && JSON.stringify(hours.week[last + 1]) === key) last += 1;
    if (hours.week[day].length > 0) {
      const days =
        last === day
          ? weekday(day, lang, width)
          : `${weekday(day, lang, width)}${last === day + 1 ? ", " : "–"}${weekday(last, lang, width)}`;
      rows.push({ days, times: list.format(hours.week[day].map((interval) => timeRange(interval, lang))) });
    }
    day = last + 1;
  }
  return rows;
}

/** The time zone's name in the language, such as "Central European Time". */
export function zoneName(timeZone: string, lang: string): string {
  const parts = new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: "longGeneric" }).formatToParts(
    MONDAY,
  );
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

/** Languages named in the page's language and joined as a list: "Dutch, French and English". */
export function languageNames(tags: string[], lang: string): string {
  const names = new Intl.DisplayNames([lang], { type: "language", fallback: "code" });
  return new Intl.ListFormat(lang, { type: "conjunction" }).format(tags.map((tag) => names.of(tag) ?? tag));
}

/** Whether a page in `lang` is in a language spoken on the line (fr-BE counts as fr). */
export function speaksLanguage(tags: string[], lang: string): boolean {
  const base = new Intl.Locale(lang).language;
  return tags.some((tag) => new Intl.Locale(tag).language === base);
}

/**
 * The hours in a few characters for share images, posters and calendar files: "24/7", or the
 * days and times in short form ("Mon–Fri 9:00 AM–5:00 PM"); undefined when no hours are set.
 */
export function hoursShort(hotline: Pick<Hotline, "details">, lang: string): string | undefined {
  const hours = hotline.details?.hours;
  if (!hours) return undefined;
  if (hours.always) return "24/7";
  return hoursRows(hours, lang, "short")
    .map((row) => `${row.days} ${row.times}`)
    .join(" · ");
}

/** The opening times of the week written in `lang`, by minute of the day: { "540": "09:00" }. */
export function openingTimes(hours: HotlineHours, lang: string): Record<string, string> {
  const format = new Intl.DateTimeFormat(lang, { timeStyle: "short", timeZone: "UTC" });
  const times: Record<string, string> = {};
  for (const [open] of hours.week.flat()) times[open] = unbreakable(format.format(MONDAY + open * MINUTE));
  return times;
}

/**
 * The week as the open-now script reads it: time zone and intervals, Monday first, and the
 * opening times already written in the page's language, so the script needs no locale data of
 * its own (a phone's browser may lack the language's) and no network.
 */
export function scheduleAttribute(hours: HotlineHours, lang = "en"): string {
  return JSON.stringify({ zone: hours.timeZone, week: hours.week, times: openingTimes(hours, lang) });
}

/** What the hotline-details partial shows for one line in one language. */
export interface HotlineDetailsView {
  hours?: {
    zone: string;
    always: boolean;
    holidaysOff: boolean;
    rows: HoursRow[];
    /** JSON for the open-now script (data-hotline-schedule). */
    schedule: string;
  };
  /** "Dutch, French and English", or "" when no languages are set. */
  languages: string;
  /** Whether to say if interpreters are available: the page's language is not spoken. */
  interpreterNote: "yes" | "no" | "";
  sms?: { number: string; href: string };
  whatsapp?: { number: string; href: string };
  email?: { address: string; href: string };
  web?: string;
}

export function hotlineDetailsView(
  hotline: Pick<Hotline, "details">,
  lang: string,
): HotlineDetailsView | undefined {
  const details = hotline.details;
  if (!details) return undefined;
  const { hours, sms, whatsapp, email, web } = details;
  const languages = details.languages.length > 0 ? languageNames(details.languages, lang) : "";
  const spoken = details.languages.length > 0 && speaksLanguage(details.languages, lang);
  const interpreterNote =
    details.interpreters === undefined || spoken ? "" : details.interpreters ? "yes" : "no";
  const view: HotlineDetailsView = { languages, interpreterNote };
  if (hours) {
    view.hours = {
      zone: zoneName(hours.timeZone, lang),
      always: hours.always,
      holidaysOff: hours.holidaysOff,
      rows: hoursRows(hours, lang),
      schedule: scheduleAttribute(hours, lang),
    };
  }
  if (sms) view.sms = { number: sms.number, href: `sms:${sms.e164}` };
  if (whatsapp) view.whatsapp = { number: whatsapp.number, href: `https://wa.me/${whatsapp.digits}` };
  if (email) view.email = { address: email, href: `mailto:${email}` };
  if (web) view.web = web;
  const empty = !view.hours && !languages && !interpreterNote && !sms && !whatsapp && !email && !web;
  return empty ? undefined : view;
}
