import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseHours } from "../../src/campaign/hotline-details.ts";
import { hotlineDetailsView, hoursRows, hoursShort, languageNames } from "../../src/site/hotline-hours.ts";

const week = parseHours("Mo-Fr 09:00-17:00; Sa 10:00-12:00; PH off", "Europe/Brussels");
if (typeof week === "string") throw new Error(week);
const line = { details: { hours: week, languages: ["nl", "fr", "en"], interpreters: true } };

const view = suite("hotline details in a page's language");

view("weekday names and times come from Intl", () => {
  assert.equal(hoursRows(week, "nl"), [
    { days: "maandag–vrijdag", times: "09:00–17:00" },
    { days: "zaterdag", times: "10:00–12:00" },
  ]);
  assert.is(hoursRows(week, "fr")[0].days, "lundi–vendredi");
  assert.is(hoursRows(week, "de")[1].days, "Samstag");
});

view("hours that end at midnight are written as times, without dates", () => {
  const evening = parseHours("Mo-Fr 20:00-24:00", "Europe/Brussels");
  if (typeof evening === "string") throw new Error(evening);
  assert.equal(hoursRows(evening, "nl"), [{ days: "maandag–vrijdag", times: "20:00\u00a0–\u00a000:00" }]);
  assert.not.match(hoursRows(evening, "en")[0].times, /2024|1\/2/);
});

view("languages named and joined in the page's language", () => {
  assert.is(languageNames(["nl", "fr", "en"], "fr"), "néerlandais, français et anglais");
  assert.is(languageNames(["nl", "fr"], "de"), "Niederländisch und Französisch");
});

view("the interpreter note only where the page's language is not spoken", () => {
  assert.is(hotlineDetailsView(line, "fr-BE")?.interpreterNote, "");
  assert.is(hotlineDetailsView(line, "ar")?.interpreterNote, "yes");
  const none = { details: { ...line.details, interpreters: false } };
  assert.is(hotlineDetailsView(none, "ti")?.interpreterNote, "no");
});

view("hoursShort: 24/7 or the days in short form, nothing without hours", () => {
  const always = parseHours("24/7", "Europe/Brussels");
  if (typeof always === "string") throw new Error(always);
  assert.is(hoursShort({ details: { hours: always, languages: [] } }, "fr"), "24/7");
  assert.is(hoursShort(line, "nl"), "ma–vr 09:00–17:00 · za 10:00–12:00");
  assert.is(hoursShort({ details: { languages: [] } }, "nl"), undefined);
  assert.is(hoursShort({}, "nl"), undefined);
});

view.run();
