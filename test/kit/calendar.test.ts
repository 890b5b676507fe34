import ICAL from "ical.js";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { CalendarError, type CalendarInput, renderCalendar } from "../../src/kit/calendar.ts";

function input(overrides: Partial<CalendarInput> = {}): CalendarInput {
  return {
    date: "2023-07-30",
    lang: "fr",
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

test("SUMMARY and DESCRIPTION carry the page's language, read back by an independent parser", () => {
  const arabic = {
    lang: "ar",
    title: "اليوم العالمي لمكافحة الاتجار بالأشخاص، كل ضحية للاتجار بالبشر مهمة، لا تتركوا أحداً خلف الركب",
    tagline: "كل ضحية للاتجار بالبشر مهمة",
    url: "https://www.example.be/blue-heart-2023/ar/",
  };
  for (const overrides of [{}, arabic]) {
    const text = renderCalendar(input(overrides)).toString("utf8");
    const parsed = event(text);
    const lang = overrides === arabic ? "ar" : "fr";
    for (const name of ["summary", "description"]) {
      assert.is(parsed.component.getFirstProperty(name)?.getParameter("language"), lang, `${lang} ${name}`);
    }
    assert.is(parsed.summary, input(overrides).title);
    assert.match(parsed.description, input(overrides).tagline);
  }
});

test("every line is at most 75 octets, folded between characters, never inside one", () => {
  const title = "اليوم العالمي لمكافحة الاتجار بالأشخاص ".repeat(4).trim();
  const text = renderCalendar(input({ lang: "ar", title })).toString("utf8");
  const lines = text.split("\r\n");
  assert.ok(
    lines.some((line) => line.startsWith(" ")),
    "the long summary is folded",
  );
  for (const line of lines) {
    assert.ok(Buffer.byteLength(line, "utf8") <= 75, `${Buffer.byteLength(line, "utf8")} octets: ${line}`);
    assert.not.match(line, "\uFFFD");
  }
  assert.is(event(text).summary, title);
});

test.run();
