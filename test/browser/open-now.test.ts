/**
 * The open-now script in Chromium with the clock fixed, in four time zones for the visitor (two
 * 25 hours apart, two that change their clocks in opposite seasons): the answer follows the
 * line's zone (the Belgian example's line: Mo-Fr 09:00-17:00, Europe/Brussels, UTC+2 in summer,
 * UTC+1 in winter), never the visitor's, across the ends of days and weeks.
 */
import type { Page } from "playwright-core";
import * as assert from "uvu/assert";
import { unbreakable } from "../../src/i18n/typography.ts";
import { exampleBrowserSuite } from "../helpers/example-browser.ts";
import { browserEnvironment, CLOCK_CHANGING_ZONES, FAR_ZONES, pageInZone } from "../helpers/time-zones.ts";

// The machine's default fonts (browser.ts): this suite checks words, not layout.
const { test, it, state } = exampleBrowserSuite(
  "open-now script in a real browser, with a fixed clock, in any time zone",
  "system",
);
const PAGE = "/blue-heart-2023-be/";
/** A time as the build writes it in the page's language (hotline-hours.ts), in one piece. */
const time = (lang: string, hour: number) =>
  unbreakable(
    new Intl.DateTimeFormat(lang, { timeStyle: "short", timeZone: "UTC" }).format(Date.UTC(2024, 0, 1, hour)),
  );
const NINE_AM = time("en", 9);
const VISITOR_ZONES = [...CLOCK_CHANGING_ZONES, ...FAR_ZONES];

/** One page per visitor zone, its clock set again before each visit. */
const pages = new Map<string, Page>();

/**
 * The open-now line of the page in `lang` at the instant `now` for a visitor in `zone`, or null
 * when hidden. With JavaScript, the page's zone and clock are checked first.
 */
async function openNowAt(now: string, lang: string, zone: string, javaScriptEnabled = true) {
  let page = javaScriptEnabled ? pages.get(zone) : undefined;
  if (page) await page.clock.setFixedTime(new Date(now));
  else {
    page = await pageInZone(state.browser, zone, now, { javaScriptEnabled });
    if (javaScriptEnabled) pages.set(zone, page);
  }
  await page.goto(`${state.origin}${PAGE}${lang}/`);
  if (javaScriptEnabled)
    assert.equal(await browserEnvironment(page), { zone, now: new Date(now).toISOString() });
  const line = page.locator("[data-open-now-text]");
  const text = (await line.isVisible()) ? await line.textContent() : null;
  if (!javaScriptEnabled) await page.context().close();
  return text;
}

/** What the page says at `now` (UTC), in `lang`, the same for a visitor in each zone. */
async function says(now: string, lang: string, expected: string) {
  for (const zone of VISITOR_ZONES)
    assert.is(await openNowAt(now, lang, zone), expected, `visitor in ${zone}`);
}

/** What the page says at an instant (UTC), in a language: [why, instant, language, line]. */
const CASES: [string, string, string, string][] = [
  ["Wednesday 10:00 in Brussels: open now", "2024-07-31T08:00:00Z", "fr", "Ouvert maintenant"],
  ["Wednesday 10:00 in Brussels: open now, in English", "2024-07-31T08:00:00Z", "en", "Open now"],
  [
    "Wednesday 18:00 in Brussels: closed, opens tomorrow, though 09:00 in Los Angeles",
    "2024-07-31T16:00:00Z",
    "en",
    `Closed now, opens tomorrow at ${NINE_AM}`,
  ],
  [
    "Saturday 12:00 in Brussels: closed, opens Monday at 09:00, in the page's language",
    "2024-08-03T10:00:00Z",
    "fr",
    "Fermé pour l’instant, ouvre lundi à 09:00",
  ],
  [
    "Saturday 12:00 in Brussels, in Dutch",
    "2024-08-03T10:00:00Z",
    "nl",
    "Nu gesloten, opent maandag om 09:00",
  ],
  [
    "Friday 17:30 in Brussels (15:30 UTC) is after closing, though still office hours in UTC",
    "2024-08-02T15:30:00Z",
    "en",
    `Closed now, opens on Monday at ${NINE_AM}`,
  ],
  [
    "Monday 09:30 in Brussels: open, though still Sunday in Los Angeles and Pago Pago",
    "2024-07-29T07:30:00Z",
    "en",
    "Open now",
  ],
  [
    "Friday 16:30 in Brussels: open, though already Saturday in Auckland and Kiritimati",
    "2024-08-02T14:30:00Z",
    "en",
    "Open now",
  ],
  [
    "Sunday 23:30 in Brussels: closed, opens tomorrow, though Monday morning in Auckland",
    "2024-08-04T21:30:00Z",
    "en",
    `Closed now, opens tomorrow at ${NINE_AM}`,
  ],
  [
    "Saturday 00:30 in Brussels: closed, though Friday afternoon in Los Angeles",
    "2024-08-02T22:30:00Z",
    "en",
    `Closed now, opens on Monday at ${NINE_AM}`,
  ],
  [
    "in winter Brussels is UTC+1: Monday 08:30 there is closed, opens today at 09:00",
    "2024-01-08T07:30:00Z",
    "en",
    `Closed now, opens today at ${NINE_AM}`,
  ],
  ["in winter, Monday 09:30 in Brussels is open", "2024-01-08T08:30:00Z", "en", "Open now"],
  // Whole sentences per language, never a weekday glued in (German needs "am", Arabic "يوم").
  [
    "Saturday 12:00 in Brussels, in German",
    "2024-08-03T10:00:00Z",
    "de",
    "Jetzt geschlossen, öffnet am Montag um 09:00",
  ],
  [
    "Sunday 12:00 in Brussels, in German: tomorrow",
    "2024-08-04T10:00:00Z",
    "de",
    "Jetzt geschlossen, öffnet morgen um 09:00",
  ],
  [
    "Saturday 12:00 in Brussels, in Arabic",
    "2024-08-03T10:00:00Z",
    "ar",
    `مغلق الآن، يفتح يوم الاثنين الساعة ${time("ar", 9)}`,
  ],
  [
    "Monday 07:00 in Brussels, in Luxembourgish: today",
    "2024-07-29T05:00:00Z",
    "lb",
    "Elo zou, mécht haut um 09:00 op",
  ],
];

for (const [name, now, lang, expected] of CASES) it(name, () => says(now, lang, expected));

it("without JavaScript the hours alone are shown", async () => {
  for (const zone of FAR_ZONES) assert.is(await openNowAt("2024-07-31T08:00:00Z", "fr", zone, false), null);
});

test.run();
