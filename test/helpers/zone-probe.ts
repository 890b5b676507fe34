/**
 * Run by time-zones.test.ts in a child process per time zone (runInZone): prints, as JSON,
 * everything the build derives from dates and times, so the test can compare zones. Nothing
 * here may depend on the zone but `environment`.
 */
import fs from "node:fs/promises";
import { parseHours } from "../../src/campaign/hotline-details.ts";
import { isoDate } from "../../src/campaign/schema.ts";
import { formatDate } from "../../src/i18n/languages.ts";
import { renderCalendar } from "../../src/kit/calendar.ts";
import { sameDayIn } from "../../src/new-campaign/next-edition.ts";
import { scaffold } from "../../src/new-campaign/scaffold.ts";
import { hoursRows, hoursShort, scheduleAttribute, zoneName } from "../../src/site/hotline-hours.ts";
import { fixtureCampaign, ROOT } from "./fixtures.ts";
import { environment } from "./time-zones.ts";

/** Days next to the ends of months and years, and a leap day. */
const DATES = ["2023-07-30", "2023-07-31", "2024-02-29", "2024-12-31", "2025-01-01"];
const LANGUAGES = ["en", "fr", "ar", "fa", "zh", "ti"];
const HOURS = ["Mo-Fr 09:00-17:00; PH off", "Sa 22:00-02:00", "Mo,Su 00:00-01:00", "24/7"];
const LINE_ZONES = ["Europe/Brussels", "Pacific/Kiritimati", "America/Los_Angeles"];

const each = <T>(keys: string[], value: (key: string) => T) =>
  Object.fromEntries(keys.map((key) => [key, value(key)]));

function hours(text: string, zone: string) {
  const parsed = parseHours(text, zone);
  if (typeof parsed === "string") throw new Error(parsed);
  const line = { details: { hours: parsed, languages: [] } };
  return {
    week: parsed.week,
    schedule: scheduleAttribute(parsed),
    zone: each(["en", "fr"], (lang) => zoneName(zone, lang)),
    rows: each(["en", "fr", "ar"], (lang) => hoursRows(parsed, lang)),
    short: each(["en", "nl"], (lang) => hoursShort(line, lang)),
  };
}

/** `new --from` on a copy of the minimal fixture dated `date`: the new edition's date, or why not. */
async function nextEdition(date: string): Promise<string | undefined> {
  const { campaignsDir, cleanup } = await fixtureCampaign({
    yaml: (text) => text.replace(/^date: .*$/m, `date: ${date}`),
  });
  try {
    const result = await scaffold({ root: ROOT, campaignsDir, from: "minimal", slug: "minimal-next" });
    const written = await fs.readFile(`${result.dir}/campaign.yaml`, "utf8");
    return /^date: (.*)$/m.exec(written)?.[1];
  } catch (error) {
    return `refused: ${(error as Error).message}`;
  } finally {
    await cleanup();
  }
}

const nextEditions: Record<string, string | undefined> = {};
for (const date of DATES) nextEditions[date] = await nextEdition(date);

const result = {
  environment: environment(),
  dates: each(DATES, (date) => each(LANGUAGES, (lang) => formatDate(date, lang))),
  valid: each(
    ["2023-02-29", "2024-02-29", "2023-07-31", "2023-06-31"],
    (date) => isoDate.safeParse(date).success,
  ),
  calendars: each(DATES, (date) =>
    renderCalendar({
      date,
      lang: "en",
      title: "World Day against Trafficking in Persons",
      tagline: "Every victim counts",
      hotlines: ["Helpline: 078 055 800"],
      url: "https://www.example.org/minimal/en/",
      uid: "minimal-en@www.example.org",
    }).toString("utf8"),
  ),
  sameDayNextYear: each(DATES, (date) => sameDayIn(date)),
  nextEditions,
  hours: each(LINE_ZONES, (zone) => each(HOURS, (text) => hours(text, zone))),
};
export type ProbeResult = typeof result;
process.stdout.write(JSON.stringify(result));
