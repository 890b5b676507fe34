/** "Did you mean …?" where a language, a country or a template is not one the tool knows. */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { campaignProblems, replace } from "../helpers/problems.ts";

const test = suite("did you mean: languages, countries, templates");

const languages = (list: string) => ({ yaml: replace("languages: [en, fr]", `languages: [${list}]`) });
const country = (code: string) => ({ yaml: replace("country: BE", `country: ${code}`) });

test("a language written as its name, in English or in itself", async () => {
  assert.equal(await campaignProblems(languages("english, Français")), [
    'minimal/campaign.yaml:3 languages[0]: "english" is not a language tag; did you mean "en" (English)?',
    'minimal/campaign.yaml:3 languages[1]: "Français" is not a language tag; did you mean "fr" (French)?',
  ]);
});

test("a language tag with an underscore or in capitals", async () => {
  assert.equal(await campaignProblems(languages("en, nl_BE, NL, nl-be")), [
    'minimal/campaign.yaml:3 languages[1]: "nl_BE" is not a language tag; did you mean "nl-BE" (Dutch (Belgium))?',
    'minimal/campaign.yaml:3 languages[2]: "NL" is not a language tag; did you mean "nl" (Dutch)?',
    'minimal/campaign.yaml:3 languages[3]: "nl-be" is not a language tag; did you mean "nl-BE" (Dutch (Belgium))?',
  ]);
});

test("a language nothing resembles says what a tag looks like", async () => {
  assert.equal(await campaignProblems(languages("en, klingon")), [
    'minimal/campaign.yaml:3 languages[1]: "klingon" is not a language tag; expected a BCP 47 tag such as fr, nl-BE or zh-Hans',
  ]);
});

test("a language tag as a key of a partner's names", async () => {
  const problems = await campaignProblems({
    yaml: replace("    logo: logos/mark.svg", "    names:\n      french: Refuge\n    logo: logos/mark.svg"),
  });
  assert.equal(problems, [
    'minimal/campaign.yaml:14 partners[0].names.french: "french" is not a language tag; did you mean "fr" (French)?',
  ]);
});

test("a country written as its name, in English or in a campaign's language, or in lower case", async () => {
  for (const [written, line] of [
    ["Belgium", '"Belgium" is not a country code; did you mean "BE" (Belgium)?'],
    ["Belgique", '"Belgique" is not a country code; did you mean "BE" (Belgium)?'],
    ["be", '"be" is not a country code; did you mean "BE" (Belgium)?'],
  ]) {
    assert.equal(await campaignProblems(country(written)), [
      `minimal/campaign.yaml:10 hotlines[0].country: ${line}`,
    ]);
  }
});

test("a three-letter country code is refused with the rule, without a guess", async () => {
  assert.equal(await campaignProblems(country("BEL")), [
    'minimal/campaign.yaml:10 hotlines[0].country: expected a two-letter ISO 3166-1 country code such as BE; found "BEL"',
  ]);
});

test("a template name in capitals or with a typo", async () => {
  const template = (name: string) => ({ yaml: replace("theme:", `template: ${name}\ntheme:`) });
  assert.equal(await campaignProblems(template("Benelux")), [
    'minimal/campaign.yaml:4 template: unknown template "Benelux"; did you mean "benelux"? Expected a folder of templates/: benelux, default',
  ]);
  assert.equal(await campaignProblems(template("benelx")), [
    'minimal/campaign.yaml:4 template: unknown template "benelx"; did you mean "benelux"? Expected a folder of templates/: benelux, default',
  ]);
});

test.run();
