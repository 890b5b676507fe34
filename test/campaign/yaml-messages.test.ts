/**
 * YAML mistakes a person makes in campaign.yaml and in a content file's front matter: each is
 * told on its line, in plain words, with the line as it should be written.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadCampaign } from "../../src/campaign/load.ts";
import { fixtureCampaign, TEMPLATES } from "../helpers/fixtures.ts";
import { campaignProblems, frenchFrontMatter, replace } from "../helpers/problems.ts";

const test = suite("YAML mistakes in plain words");

test("a key further in than its neighbours", async () => {
  const nested = await campaignProblems({
    yaml: replace('  background: "#ffffff"', '    background: "#ffffff"'),
  });
  assert.equal(nested, [
    'minimal/campaign.yaml:6: this line has 4 spaces before it and the lines around it 2; indent it with 2 spaces: background: "#ffffff"',
  ]);
  const top = await campaignProblems({ yaml: replace("url: ", " url: ") });
  assert.equal(top, [
    "minimal/campaign.yaml:2: this line has 1 space before it and the lines around it none; start it at the beginning of the line: url: https://www.example.org/minimal/",
  ]);
  const front = await campaignProblems(frenchFrontMatter("title: Campagne\n  tagline: t\ndescription: d\n"));
  assert.equal(front, [
    "minimal/content/page.fr.md:3: this line has 2 spaces before it and the lines around it none; start it at the beginning of the line: tagline: t",
  ]);
});

test("a key further out than its neighbours: one line, not the ones after it", async () => {
  const nested = await campaignProblems({
    yaml: replace('  background: "#ffffff"', ' background: "#ffffff"'),
  });
  assert.equal(nested, [
    'minimal/campaign.yaml:6: this line has 1 space before it and the lines around it 2; indent it with 2 spaces: background: "#ffffff"',
  ]);
  const item = await campaignProblems({ yaml: replace("    country: BE", "   country: BE") });
  assert.equal(item, [
    "minimal/campaign.yaml:10: this line has 3 spaces before it and the lines around it 4; indent it with 4 spaces: country: BE",
  ]);
  const first = await campaignProblems(frenchFrontMatter(" title: Campagne\ntagline: t\ndescription: d\n"));
  assert.equal(first, [
    "minimal/content/page.fr.md:2: the first line has 1 space before it; start it at the beginning of the line: title: Campagne",
  ]);
});

test("a tab used to indent", async () => {
  const yaml = await campaignProblems({
    yaml: replace('  primary: "#1d4ed8"\n  background:', '\tprimary: "#1d4ed8"\n\tbackground:'),
  });
  assert.equal(yaml, [
    'minimal/campaign.yaml:5: this line is indented with a tab, which YAML does not allow; indent it with 2 spaces: primary: "#1d4ed8"',
    'minimal/campaign.yaml:6: this line is indented with a tab, which YAML does not allow; indent it with 2 spaces: background: "#ffffff"',
  ]);
  const front = await campaignProblems(frenchFrontMatter("title: Campagne\n\ttagline: t\ndescription: d\n"));
  assert.equal(front, [
    "minimal/content/page.fr.md:3: this line is indented with a tab, which YAML does not allow; start it at the beginning of the line: tagline: t",
  ]);
});

test("a colon followed by a space inside unquoted text", async () => {
  const tagline = await campaignProblems(
    frenchFrontMatter(
      "title: Campagne\ntagline: Chaque victime compte : ne laisser personne de côté\ndescription: d\n",
    ),
  );
  assert.equal(tagline, [
    'minimal/content/page.fr.md:3: a colon followed by a space inside text makes YAML read a new key; write the text with quotes: tagline: "Chaque victime compte : ne laisser personne de côté"',
  ]);
  const note = await campaignProblems(
    frenchFrontMatter("title: Campagne\ntagline: t\ndescription: Note: l'appel est gratuit\n"),
  );
  assert.equal(note, [
    `minimal/content/page.fr.md:4: a colon followed by a space inside text makes YAML read a new key; write the text with quotes: description: "Note: l'appel est gratuit"`,
  ]);
  const label = await campaignProblems({
    yaml: replace("    country: BE", "    country: BE\n    label: Partenaires : Payoke, Sürya"),
  });
  assert.equal(label, [
    'minimal/campaign.yaml:11: a colon followed by a space inside text makes YAML read a new key; write the text with quotes: label: "Partenaires : Payoke, Sürya"',
  ]);
});

test("# inside unquoted text, which YAML reads as a comment and drops", async () => {
  const tagline = await campaignProblems(
    frenchFrontMatter("title: Campagne\ntagline: Campagne #BlueHeart\ndescription: d\n"),
  );
  assert.equal(tagline, [
    'minimal/content/page.fr.md:3 tagline: the text stops at " #" (YAML reads the rest as a comment); write it with quotes: tagline: "Campagne #BlueHeart"',
  ]);
  const name = await campaignProblems({
    yaml: replace("  - name: Example Shelter", "  - name: Example Shelter #1"),
  });
  assert.equal(name, [
    'minimal/campaign.yaml:12 partners[0].name: the text stops at " #" (YAML reads the rest as a comment); write it with quotes: - name: "Example Shelter #1"',
  ]);
  // A comment after a setting that is not text stays a comment.
  const fixture = await fixtureCampaign({ yaml: replace("country: BE", "country: BE # Belgium") });
  const campaign = await loadCampaign(fixture.dir, { templatesDir: TEMPLATES });
  await fixture.cleanup();
  assert.is(campaign.hotlines[0].country, "BE");
});

test("a missing closing quote", async () => {
  const front = await campaignProblems(
    frenchFrontMatter('title: Campagne\ntagline: "Chaque victime compte\ndescription: d\n'),
  );
  assert.equal(front, [
    'minimal/content/page.fr.md:3: the text opens with a quote mark but does not close it; add the closing quote at the end: tagline: "Chaque victime compte"',
  ]);
  const yaml = await campaignProblems({ yaml: replace('primary: "#1d4ed8"', 'primary: "#1d4ed8') });
  assert.equal(yaml, [
    'minimal/campaign.yaml:5: the text opens with a quote mark but does not close it; add the closing quote at the end: primary: "#1d4ed8"',
  ]);
});

test("a list written as text", async () => {
  const commas = await campaignProblems({ yaml: replace("languages: [en, fr]", "languages: en, fr") });
  assert.equal(commas, [
    'minimal/campaign.yaml:3 languages: "en, fr" is text, not a list; write the languages as a list: languages: [en, fr]',
  ]);
  const spaces = await campaignProblems({ yaml: replace("languages: [en, fr]", "languages: en fr") });
  assert.equal(spaces, [
    'minimal/campaign.yaml:3 languages: "en fr" is text, not a list; write the languages as a list: languages: [en, fr]',
  ]);
});

test("a list or text that starts with [ and is not closed", async () => {
  const list = await campaignProblems({ yaml: replace("languages: [en, fr]", "languages: [en, fr") });
  assert.equal(list, [
    'minimal/campaign.yaml:3: the list opened with "[" is not closed; end it with "]": languages: [en, fr]',
  ]);
  const text = await campaignProblems(
    frenchFrontMatter("title: Campagne\ntagline: [2024] Chaque victime compte\ndescription: d\n"),
  );
  assert.equal(text, [
    'minimal/content/page.fr.md:3: "[" at the start of the text has a special meaning in YAML; write the whole text with quotes: tagline: "[2024] Chaque victime compte"',
  ]);
});

test("a key written twice", async () => {
  const front = await campaignProblems(
    frenchFrontMatter("title: Campagne\ntagline: t\ntitle: x\ndescription: d\n"),
  );
  assert.equal(front, ['minimal/content/page.fr.md:4: "title" is written twice (also line 2); remove one']);
});

test.run();
