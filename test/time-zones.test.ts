/**
 * What the build derives from dates and times, computed in new processes in four time zones
 * (two 25 hours apart, two that change their clocks) with the clock set to an instant that is
 * 31 December 2023 in two of them and 1 January 2024 in the others: everything is the same in
 * all four, and right. The whole build in two zones is compared in reproducible.test.ts; "open
 * now" in the browser in test/browser/open-now.test.ts.
 */
import path from "node:path";
import * as assert from "uvu/assert";
import { ROOT } from "./helpers/fixtures.ts";
import { suite } from "./helpers/suite.ts";
import { CLOCK_CHANGING_ZONES, FAR_ZONES, runInZone } from "./helpers/time-zones.ts";
import type { ProbeResult } from "./helpers/zone-probe.ts";

/** 12:00 UTC on 31 December 2023: 1 January 2024 in Kiritimati and Auckland, 31 December in Pago Pago and Los Angeles. */
const NOW = "2023-12-31T12:00:00Z";
const ZONES = [...FAR_ZONES, ...CLOCK_CHANGING_ZONES];
const LOCAL_DATES = ["2024-01-01", "2023-12-31", "2024-01-01", "2023-12-31"];

const probes: ProbeResult[] = [];
const test = suite("dates and hours in any time zone");

test.before(async () => {
  const script = path.join(ROOT, "test/helpers/zone-probe.ts");
  const outputs = await Promise.all(ZONES.map((zone) => runInZone(zone, NOW, script)));
  probes.push(...outputs.map((output) => JSON.parse(output) as ProbeResult));
});

test("each process ran in its zone, with the clock set: the local dates differ", () => {
  assert.equal(
    probes.map((probe) => probe.environment.zone),
    ZONES,
  );
  assert.equal(
    probes.map((probe) => probe.environment.localDate),
    LOCAL_DATES,
  );
  for (const probe of probes) {
    const since = Date.parse(probe.environment.now) - Date.parse(NOW);
    assert.ok(since >= 0 && since < 60_000, `the clock read ${probe.environment.now}`);
  }
});

test("everything else is the same in every zone", () => {
  const [first, ...others] = probes.map(({ environment: _, ...rest }) => rest);
  for (const [index, other] of others.entries())
    assert.equal(other, first, `${ZONES[index + 1]} differs from ${ZONES[0]}`);
});

test("dates are written as the campaign's day, in any language, never broken across lines", () => {
  // A date is one unit on a page: its spaces are no-break spaces (U+00A0).
  const joined = (text: string) => text.replaceAll(" ", "\u00a0");
  for (const { dates } of probes) {
    assert.equal(
      Object.values(dates).map((date) => date.fr),
      ["30 juillet 2023", "31 juillet 2023", "29 février 2024", "31 décembre 2024", "1 janvier 2025"].map(
        joined,
      ),
    );
    assert.is(dates["2023-07-30"].en, joined("July 30, 2023"));
    assert.is(dates["2025-01-01"].zh, "2025年1月1日");
  }
});

test("a date is valid or not whatever the zone", () => {
  for (const { valid } of probes)
    assert.equal(valid, { "2023-02-29": false, "2024-02-29": true, "2023-07-31": true, "2023-06-31": false });
});

test("the calendar entry is the campaign's day as a DATE, with no time to shift", () => {
  for (const { calendars } of probes) {
    for (const [date, text] of Object.entries(calendars)) {
      const compact = date.replaceAll("-", "");
      assert.match(text, `\r\nDTSTART;VALUE=DATE:${compact}\r\n`);
      assert.match(text, `\r\nDTSTAMP:${compact}T000000Z\r\n`);
    }
    assert.match(calendars["2023-07-31"], "\r\nDTEND;VALUE=DATE:20230801\r\n");
    assert.match(calendars["2024-12-31"], "\r\nDTEND;VALUE=DATE:20250101\r\n");
  }
});

test("next edition: the same day a year on, whatever today's year is where it runs", () => {
  const expected = {
    "2023-07-30": "2024-07-30",
    "2023-07-31": "2024-07-31",
    "2024-02-29": "2025-02-28",
    "2024-12-31": "2025-12-31",
    "2025-01-01": "2026-01-01",
  };
  for (const probe of probes) {
    assert.equal(probe.sameDayNextYear, expected);
    assert.equal(probe.nextEditions, expected, "new --from");
  }
});

test("opening hours are read as the line's wall-clock times, in the line's zone", () => {
  for (const { hours } of probes) {
    const office = hours["Europe/Brussels"]["Mo-Fr 09:00-17:00; PH off"];
    assert.equal(office.week, [...Array(5).fill([[540, 1020]]), [], []]);
    assert.is(office.short.nl, "ma–vr 09:00–17:00");
    assert.equal(JSON.parse(office.schedule).zone, "Europe/Brussels");
    // Past midnight: Saturday until 24:00, Sunday from 00:00.
    const night = hours["Pacific/Kiritimati"]["Sa 22:00-02:00"];
    assert.equal(night.week, [[], [], [], [], [], [[1320, 1440]], [[0, 120]]]);
    assert.equal(hours["America/Los_Angeles"]["Mo,Su 00:00-01:00"].week, [
      [[0, 60]],
      [],
      [],
      [],
      [],
      [],
      [[0, 60]],
    ]);
    assert.equal(hours["Europe/Brussels"]["24/7"].week, Array(7).fill([[0, 1440]]));
  }
});

test.run();
