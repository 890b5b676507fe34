import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkHotlineDetails, countryTimeZone, parseHours } from "../../src/campaign/hotline-details.ts";
import { campaignProblems } from "../helpers/problems.ts";

/** Loads the minimal fixture with extra keys under its hotline and returns the printed problems. */
function problemsWith(lines: string): Promise<string[]> {
  return campaignProblems({ yaml: (text) => text.replace("    country: BE\n", `    country: BE\n${lines}`) });
}

const bad = suite("hotline details: bad input");

bad("hours that opening_hours cannot read: file, line, key and the library's message", async () => {
  const problems = await problemsWith('    hours: "Mo-Fx 09:00-17:00"\n');
  assert.is(problems.length, 1);
  assert.match(
    problems[0],
    /^minimal\/campaign\.yaml:11 hotlines\[0\]\.hours: opening hours could not be read: /,
  );
  assert.match(problems[0], "Unexpected token");
  assert.match(problems[0], '"Mo-Fr 09:00-17:00; PH off"');
});

bad("an unknown key under a hotline suggests the nearest", async () => {
  const problems = await problemsWith('    whatsap: "+32 470 12 34 56"\n');
  assert.equal(problems, [
    'minimal/campaign.yaml:11 hotlines[0].whatsap: unknown key; did you mean "whatsapp"?',
  ]);
});

bad("a WhatsApp number that is not a mobile number", async () => {
  const problems = await problemsWith('    whatsapp: "02 123 45 67"\n');
  assert.equal(problems, [
    'minimal/campaign.yaml:11 hotlines[0].whatsapp: "02 123 45 67" is not a valid mobile number in BE; WhatsApp needs a mobile number, such as "+32 470 12 34 56"',
  ]);
});

bad("an SMS number that is not a mobile number", async () => {
  const problems = await problemsWith('    sms: "078 055 800"\n');
  assert.match(
    problems[0],
    /^minimal\/campaign\.yaml:11 hotlines\[0\]\.sms: "078 055 800" is not a valid mobile number/,
  );
});

bad("an e-mail that is not an address", async () => {
  const problems = await problemsWith("    email: help-at-example.be\n");
  assert.equal(problems, [
    'minimal/campaign.yaml:11 hotlines[0].email: expected an e-mail address such as help@example.be; found "help-at-example.be"',
  ]);
});

bad("a language tag that is not BCP 47", async () => {
  const problems = await problemsWith("    languages: [nl, fr_BE]\n");
  assert.equal(problems, [
    'minimal/campaign.yaml:11 hotlines[0].languages[1]: "fr_BE" is not a language tag; did you mean "fr-BE" (French (Belgium))?',
  ]);
});

bad("a time zone that does not exist", async () => {
  const problems = await problemsWith('    hours: "24/7"\n    timeZone: Europe/Bruxelles\n');
  assert.equal(problems, [
    'minimal/campaign.yaml:12 hotlines[0].timeZone: "Europe/Bruxelles" is not an IANA time zone; write one such as Europe/Brussels',
  ]);
});

bad("a country with several time zones needs timeZone", () => {
  const { problems } = checkHotlineDetails({ country: "US", hours: "24/7" });
  assert.is(problems.length, 1);
  assert.is(problems[0].key, "timeZone");
  assert.match(problems[0].message, "add timeZone");
  assert.is(
    checkHotlineDetails({ country: "US", hours: "24/7", timeZone: "America/New_York" }).problems.length,
    0,
  );
});

const hours = suite("parseHours");

hours("a working week in the line's time zone, public holidays said in words", () => {
  const parsed = parseHours("Mo-Fr 09:00-17:00; PH off", "Europe/Brussels");
  assert.type(parsed, "object");
  if (typeof parsed === "string") return;
  assert.equal(parsed.week, [
    [[540, 1020]],
    [[540, 1020]],
    [[540, 1020]],
    [[540, 1020]],
    [[540, 1020]],
    [],
    [],
  ]);
  assert.is(parsed.always, false);
  assert.is(parsed.holidaysOff, true);
  assert.is(parsed.timeZone, "Europe/Brussels");
});

hours("24/7 is always open; a night shift is split at midnight", () => {
  const always = parseHours("24/7", "Europe/Brussels");
  assert.is(typeof always === "object" && always.always, true);
  const night = parseHours("Fr 22:00-02:00", "Europe/Brussels");
  assert.type(night, "object");
  if (typeof night === "string") return;
  assert.equal(night.week[4], [[1320, 1440]]);
  assert.equal(night.week[5], [[0, 120]]);
});

hours("the time zone comes from the country", () => {
  assert.is(countryTimeZone("BE"), "Europe/Brussels");
  assert.is(countryTimeZone("US"), undefined);
});

hours("channels become numbers in international form", () => {
  const { details, problems } = checkHotlineDetails({
    country: "BE",
    sms: "0470 12 34 56",
    whatsapp: "+32 470 12 34 56",
    languages: ["nl", "ti"],
    interpreters: true,
  });
  assert.equal(problems, []);
  assert.equal(details.sms, { number: "0470 12 34 56", e164: "+32470123456" });
  assert.equal(details.whatsapp, { number: "+32 470 12 34 56", digits: "32470123456" });
  assert.equal(details.languages, ["nl", "ti"]);
});

bad.run();
hours.run();
