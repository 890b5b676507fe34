/**
 * The open-now script (templates/default/hours.js) run in Node against a stand-in for the page's
 * hours box, filled as the hotline-details partial fills it, in every language with UI strings:
 * the next opening is said in one whole sentence of the language (today, tomorrow or a weekday),
 * with the time written at build time, never a weekday name glued into a sentence.
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseHours } from "../../src/campaign/hotline-details.ts";
import { availableLanguages, translator } from "../../src/i18n/strings.ts";
import { unbreakable } from "../../src/i18n/typography.ts";
import { scheduleAttribute } from "../../src/site/hotline-hours.ts";
import { ROOT } from "../helpers/fixtures.ts";

const test = suite("open-now sentences in every language");

const SCRIPT = fs.readFileSync(path.join(ROOT, "templates/default/hours.js"), "utf8");
const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** What hours.js writes at `now` for a line open `hours` (in Brussels) on a page in `lang`. */
function says(lang: string, now: string, hours = "Mo-Fr 09:00-17:00; PH off"): string | null {
  const parsed = parseHours(hours, "Europe/Brussels");
  if (typeof parsed === "string") throw new Error(parsed);
  const t = translator(lang);
  const out = { textContent: "", hidden: true };
  const box = {
    dataset: {
      hotlineSchedule: scheduleAttribute(parsed, lang),
      openNow: t("hotlineDetails.openNow"),
      opensToday: t("hotlineDetails.opensToday"),
      opensTomorrow: t("hotlineDetails.opensTomorrow"),
      opensOn: JSON.stringify(WEEKDAYS.map((day) => t(`hotlineDetails.opensOn.${day}`))),
    },
    querySelector: () => out,
  };
  const fixed = new Date(now).getTime();
  // The script asks the time once, with new Date().
  class FixedDate extends Date {
    constructor() {
      super(fixed);
    }
  }
  vm.runInNewContext(SCRIPT, {
    document: { documentElement: { lang }, querySelectorAll: () => [box] },
    Date: FixedDate,
    Intl,
    JSON,
    Number,
  });
  return out.hidden ? null : out.textContent;
}

/** 09:00 as the language writes it (the ICU of the day decides the digits and space before AM), never broken. */
const nine = (lang: string) =>
  unbreakable(
    new Intl.DateTimeFormat(lang, { timeStyle: "short", timeZone: "UTC" }).format(Date.UTC(2024, 0, 1, 9)),
  );

// Instants in UTC; Brussels is UTC+2 in summer.
const SATURDAY_NOON = "2024-08-03T10:00:00Z";
const SUNDAY_NOON = "2024-08-04T10:00:00Z";
const MONDAY_EARLY = "2024-07-29T05:00:00Z"; // 07:00 in Brussels
const WEDNESDAY_EVENING = "2024-07-31T16:00:00Z"; // 18:00 in Brussels

test("German says am Montag, heute and morgen, each in a sentence of its own", () => {
  assert.is(says("de", SATURDAY_NOON), "Jetzt geschlossen, öffnet am Montag um 09:00");
  assert.is(says("de", MONDAY_EARLY), "Jetzt geschlossen, öffnet heute um 09:00");
  assert.is(says("de", SUNDAY_NOON), "Jetzt geschlossen, öffnet morgen um 09:00");
  assert.is(says("de", WEDNESDAY_EVENING), "Jetzt geschlossen, öffnet morgen um 09:00");
});

test("Ukrainian puts the weekday in the accusative, with в or у as the sounds need", () => {
  assert.is(says("uk", SATURDAY_NOON), "Зараз зачинено, відкриється в понеділок о 09:00");
  assert.is(says("uk", MONDAY_EARLY), "Зараз зачинено, відкриється сьогодні о 09:00");
  // A line open on Wednesdays only: "в середу", not the nominative "середа".
  assert.is(says("uk", SATURDAY_NOON, "We 09:00-12:00"), "Зараз зачинено, відкриється в середу о 09:00");
  assert.is(says("uk", SATURDAY_NOON, "Tu 09:00-12:00"), "Зараз зачинено, відкриється у вівторок о 09:00");
});

test("Arabic says يوم before the weekday, with the time in the page's digits", () => {
  assert.is(says("ar", SATURDAY_NOON), `مغلق الآن، يفتح يوم الاثنين الساعة ${nine("ar")}`);
  assert.is(says("ar", SUNDAY_NOON), `مغلق الآن، يفتح غدًا الساعة ${nine("ar")}`);
});

test("English, French and Dutch: today, tomorrow and on a weekday", () => {
  assert.is(says("en", SATURDAY_NOON), `Closed now, opens on Monday at ${nine("en")}`);
  assert.is(says("en", MONDAY_EARLY), `Closed now, opens today at ${nine("en")}`);
  assert.is(says("fr", SATURDAY_NOON), "Fermé pour l’instant, ouvre lundi à 09:00");
  assert.is(says("fr", SUNDAY_NOON), "Fermé pour l’instant, ouvre demain à 09:00");
  assert.is(says("nl", MONDAY_EARLY), "Nu gesloten, opent vandaag om 09:00");
  assert.is(
    says("nl", "2024-08-02T16:00:00Z"),
    "Nu gesloten, opent maandag om 09:00",
    "Friday after closing",
  );
});

test("a template's own partial without the sentences shows the hours alone, no error", () => {
  const out = { textContent: "", hidden: true };
  const week = parseWeek("Mo-Fr 09:00-17:00");
  const box = {
    dataset: {
      hotlineSchedule: scheduleAttribute(week, "nl"),
      openNow: "Nu open",
      closedNow: "Nu gesloten, opent {day}",
    },
    querySelector: () => out,
  };
  vm.runInNewContext(SCRIPT, { document: { querySelectorAll: () => [box] }, Date, Intl, JSON, Number });
  assert.ok(out.hidden);
});

test("open now, in the page's language", () => {
  assert.is(says("de", WEDNESDAY_EVENING.replace("16:00", "08:00")), "Jetzt geöffnet");
});

test("every language: seven different weekday sentences, and none is the bare weekday glued in", () => {
  for (const lang of availableLanguages()) {
    const t = translator(lang);
    const sentences = WEEKDAYS.map((day) => t(`hotlineDetails.opensOn.${day}`));
    assert.is(new Set(sentences).size, 7, `${lang}: one sentence per weekday`);
    for (const key of ["opensToday", "opensTomorrow"])
      assert.not.ok(sentences.includes(t(`hotlineDetails.${key}`)), `${lang} ${key} is its own sentence`);
    // Each weekday's sentence says something the others do not (its weekday), and every
    // sentence holds the time exactly once.
    for (const sentence of [...sentences, t("hotlineDetails.opensToday"), t("hotlineDetails.opensTomorrow")])
      assert.is(sentence.split("{time}").length, 2, `${lang}: "${sentence}" holds {time} once`);
    // A line open on each single weekday is announced with that weekday's own sentence.
    const days = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
    days.forEach((day, index) => {
      // Noon in Brussels two days before `day` (1 July 2024 was a Monday): neither today nor tomorrow.
      const now = `2024-07-0${1 + ((index + 5) % 7)}T10:00:00Z`;
      const text = says(lang, now, `${day} 09:00-10:00`);
      assert.ok(text, `${lang} ${day}`);
      assert.is(
        text,
        sentences[index].replace(
          "{time}",
          JSON.parse(scheduleAttribute(parseWeek(`${day} 09:00-10:00`), lang)).times[540],
        ),
        `${lang} ${day}`,
      );
    });
  }
});

function parseWeek(text: string) {
  const parsed = parseHours(text, "Europe/Brussels");
  if (typeof parsed === "string") throw new Error(parsed);
  return parsed;
}

test("opening times are written at build time, in the page's language, never broken", () => {
  const week = parseWeek("Mo-Fr 09:00-12:00, 13:30-17:00");
  assert.equal(JSON.parse(scheduleAttribute(week, "en")).times, { 540: nine("en"), 810: "1:30\u00a0PM" });
  assert.equal(JSON.parse(scheduleAttribute(week, "fa")).times, { 540: "۹:۰۰", 810: "۱۳:۳۰" });
});

test.run();
