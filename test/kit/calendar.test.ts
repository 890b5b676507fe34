import ICAL from "ical.js";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { CalendarError, type CalendarInput, renderCalendar } from "../../src/kit/calendar.ts";

function input(overrides: Partial<CalendarInput> = {}): CalendarInput {
  return {
    date: "2023-07-30",
    title: "Journée mondiale contre la traite des êtres humains",
    tagline: "Chaque victime de la traite compte",
    hotlines: ["Ligne d'assistance : 078 055 800"],
    url: "https://www.example.be/blue-heart-2023/fr/",
    uid: "blue-heart-2023-be-fr@www.example.be",
    ...overrides,
  };
}

function event(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  return new ICAL.Event(component.getFirstSubcomponent("vevent") as ICAL.Component);
}

const test = suite("calendar");

test("an independent parser reads an all-day event with an exclusive end, the title and the address", () => {
  const parsed = event(renderCalendar(input()).toString("utf8"));
  assert.is(parsed.startDate.isDate, true);
  assert.is(parsed.startDate.toString(), "2023-07-30");
  assert.is(parsed.endDate.toString(), "2023-07-31");
  // Written out, not left to the reader's default for all-day events.
  assert.is(String(parsed.component.getFirstPropertyValue("dtend")), "2023-07-31");
  assert.is(parsed.summary, "Journée mondiale contre la traite des êtres humains");
  assert.is(parsed.uid, "blue-heart-2023-be-fr@www.example.be");
  assert.is(parsed.component.getFirstPropertyValue("url"), "https://www.example.be/blue-heart-2023/fr/");
  assert.match(parsed.description, "078 055 800");
  assert.match(parsed.description, "https://www.example.be/blue-heart-2023/fr/");
});

test("the end is the next day across a month and a year", () => {
  assert.is(event(renderCalendar(input({ date: "2024-12-31" })).toString()).endDate.toString(), "2025-01-01");
});

test("the same input gives the same bytes (no build time inside)", () => {
  assert.ok(renderCalendar(input()).equals(renderCalendar(input())));
});

test("a date or address that cannot make an entry names the key", () => {
  for (const [bad, key] of [
    [{ date: "2023-02-30" }, "date"],
    [{ url: "www.example.be" }, "url"],
  ] as const) {
    try {
      renderCalendar(input(bad));
      assert.unreachable("should have thrown");
    } catch (error) {
      assert.instance(error, CalendarError);
      assert.is((error as CalendarError).key, key);
    }
  }
});

test.run();
