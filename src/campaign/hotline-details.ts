/**
 * What a person needs besides the number: when the line is open (OpenStreetMap opening_hours,
 * read in the line's time zone), which languages are spoken, and other ways to write to it.
 * Checks here need libraries (opening_hours, libphonenumber-js, countries-and-timezones), so they
 * run after the schema, like the number check in hotline.ts.
 */
import ct from "countries-and-timezones";
import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import OpeningHours from "opening_hours";

/** Minutes since midnight, [open, close); close may be 1440. */
export type Interval = [number, number];

export interface HotlineHours {
  /** As written, e.g. "Mo-Fr 09:00-17:00; PH off". */
  text: string;
  /** IANA zone the times are in, e.g. "Europe/Brussels". */
  timeZone: string;
  /** Seven lists of open intervals, Monday first, as in a week without public holidays. */
  week: Interval[][];
  /** Open every minute of the week. */
  always: boolean;
  /** The hours close on public holidays ("PH off"), which a page can only say in words. */
  holidaysOff: boolean;
}

export interface HotlineDetails {
  hours?: HotlineHours;
  /** BCP 47 tags of languages spoken on the line. */
  languages: string[];
  interpreters?: boolean;
  sms?: { number: string; e164: string };
  whatsapp?: { number: string; digits: string };
  email?: string;
  web?: string;
}

export interface HotlineDetailsInput {
  country: string;
  hours?: string;
  timeZone?: string;
  languages?: string[];
  interpreters?: boolean;
  sms?: string;
  whatsapp?: string;
  email?: string;
  web?: string;
}

/** A problem with one key of a hotline, such as `hours`. */
export interface DetailProblem {
  key: keyof HotlineDetailsInput;
  message: string;
}

/** A week in which no common time zone changes its clocks: Monday 8 January 2024. */
const REFERENCE_MONDAY = [2024, 0, 8] as const;
const DAY = 24 * 60;

export function checkHotlineDetails(input: HotlineDetailsInput): {
  details: HotlineDetails;
  problems: DetailProblem[];
} {
  const problems: DetailProblem[] = [];
  const details: HotlineDetails = { languages: input.languages ?? [] };
  if (input.interpreters !== undefined) details.interpreters = input.interpreters;

  for (const tag of details.languages) {
    if (!isKnownLanguage(tag)) {
      problems.push({
        key: "languages",
        message: `"${tag}" is not a language tag Intl knows; use a BCP 47 tag such as nl, fr or ti`,
      });
    }
  }

  const timeZone = input.timeZone ?? countryTimeZone(input.country);
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) {
    problems.push({
      key: "timeZone",
      message: `"${input.timeZone}" is not an IANA time zone; write one such as Europe/Brussels`,
    });
  } else if (input.hours !== undefined) {
    if (timeZone === undefined) {
      const zones = ct.getCountry(input.country)?.timezones ?? [];
      problems.push({
        key: "timeZone",
        message: zones.length
          ? `${input.country} has more than one time zone (${zones.slice(0, 4).join(", ")}…); add timeZone to say which one the hours are in`
          : `no time zone is known for ${input.country}; add timeZone, such as Europe/Brussels`,
      });
    } else {
      const hours = parseHours(input.hours, timeZone);
      if (typeof hours === "string") problems.push({ key: "hours", message: hours });
      else details.hours = hours;
    }
  }

  for (const channel of ["sms", "whatsapp"] as const) {
    const value = input[channel];
    if (value === undefined) continue;
    const phone = parsePhoneNumberFromString(value, input.country as CountryCode);
    const type = phone?.isValid() ? phone.getType() : undefined;
    if (!phone || (type !== "MOBILE" && type !== "FIXED_LINE_OR_MOBILE")) {
      problems.push({
        key: channel,
        message: `"${value}" is not a valid mobile number${phone?.country ? ` in ${phone.country}` : ` in ${input.country}`}; ${channel === "sms" ? "text messages need" : "WhatsApp needs"} a mobile number, such as "+32 470 12 34 56"`,
      });
    } else if (channel === "sms") details.sms = { number: value, e164: phone.number };
    else details.whatsapp = { number: value, digits: phone.number.slice(1) };
  }
  if (input.email !== undefined) details.email = input.email;
  if (input.web !== undefined) details.web = input.web;
  return { details, problems };
}

/** The country's time zone when it has only one (countries-and-timezones, from the IANA data). */
export function countryTimeZone(country: string): string | undefined {
  const zones = ct.getCountry(country)?.timezones ?? [];
  return zones.length === 1 ? zones[0] : undefined;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isKnownLanguage(tag: string): boolean {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    const name = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" }).of(canonical);
    return name !== undefined;
  } catch {
    return false;
  }
}

/** Parses opening_hours into a week of intervals, or returns the library's message. */
export function parseHours(text: string, timeZone: string): HotlineHours | string {
  let oh: OpeningHours;
  try {
    oh = new OpeningHours(text, null, {
      mode: 0,
      warnings_severity: 4,
      locale: "en",
      tag_key: "opening_hours",
      map_value: false,
    });
  } catch (error) {
    const reason = String(error instanceof Error ? error.message : error)
      .replace(/\s+/g, " ")
      .trim();
    return `opening hours could not be read: ${reason}. Write them in OpenStreetMap opening_hours syntax, such as "Mo-Fr 09:00-17:00; PH off" or "24/7"`;
  }
  const warnings = oh.getWarnings();
  if (warnings.length > 0) {
    return `opening hours are ambiguous: ${warnings.join(" ").replace(/\s+/g, " ")}`;
  }
  // opening_hours works in the process's local time; a week of local dates gives wall-clock
  // times, which are read as the line's wall-clock times.
  const [year, month, day] = REFERENCE_MONDAY;
  const start = new Date(year, month, day);
  const end = new Date(year, month, day + 7);
  const week: Interval[][] = Array.from({ length: 7 }, () => []);
  for (const [from, to, unknown] of oh.getOpenIntervals(start, end)) {
    if (unknown) continue;
    let cursor = from;
    while (cursor < to) {
      const index = (cursor.getDay() + 6) % 7;
      const midnight = new Date(cursor.getFullYear(), cursor.getMonth(), cursor.getDate() + 1);
      const stop = to < midnight ? to : midnight;
      const open = cursor.getHours() * 60 + cursor.getMinutes();
      const close = stop === midnight ? DAY : stop.getHours() * 60 + stop.getMinutes();
      week[index].push([open, close]);
      cursor = stop;
    }
  }
  const always = week.every(
    (intervals) => intervals.length === 1 && intervals[0][0] === 0 && intervals[0][1] === DAY,
  );
  return { text, timeZone, week, always, holidaysOff: /\bPH\b[^;]*\b(off|closed)\b/i.test(text) };
}
