import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { CampaignError, loadCampaigns } from "../../src/campaign/index.ts";
import { loadCampaign } from "../../src/campaign/load.ts";
import { imageChecker } from "../../src/images/check.ts";
import { type Edit, fixtureCampaign, TEMPLATES } from "../helpers/fixtures.ts";
import { campaignProblems, replace } from "../helpers/problems.ts";

/** Loads an edited copy of the minimal fixture and returns its problems as printed lines. */
const problemsOf = (edit: Edit) => campaignProblems(edit, { checkImage: imageChecker() });

const load = suite("loadCampaign");

load("returns a typed, defaulted campaign", async () => {
  const { dir, cleanup } = await fixtureCampaign();
  const campaign = await loadCampaign(dir, { templatesDir: TEMPLATES });
  await cleanup();
  assert.is(campaign.slug, "minimal");
  assert.is(campaign.template, "default");
  assert.is(campaign.defaultLanguage, "en");
  assert.equal(campaign.languages, ["en", "fr"]);
  assert.is(campaign.emergencyNumber, "112");
  assert.is(campaign.exitUrl, "https://www.meteo.be/");
  assert.is(campaign.hotlines[0].e164, "+3278055800");
  assert.is(campaign.hotlines[0].international, "+32 78 05 58 00");
  assert.is(campaign.content.fr.title, "Campagne minimale");
  assert.is(campaign.content.en.reviewed, false);
  assert.match(campaign.content.en.html, "<strong>Call the helpline.</strong>");
  assert.ok(path.isAbsolute(campaign.partners[0].logo));
});

load("YAML syntax error names the line and shows it mended", async () => {
  const problems = await problemsOf({ yaml: replace("languages: [en, fr]", "languages: [en, fr") });
  assert.equal(problems, [
    'minimal/campaign.yaml:3: the list opened with "[" is not closed; end it with "]": languages: [en, fr]',
  ]);
});

load("empty file", async () => {
  const problems = await problemsOf({ yaml: () => "" });
  assert.equal(problems, [
    "minimal/campaign.yaml: file is empty; expected YAML keys such as date, url and languages",
  ]);
});

load("unknown key suggests the nearest", async () => {
  const problems = await problemsOf({ yaml: replace("languages:", "langauges:") });
  assert.ok(
    problems.includes('minimal/campaign.yaml:3 langauges: unknown key; did you mean "languages"?'),
    problems.join("\n"),
  );
});

load("unknown nested key names its path", async () => {
  const problems = await problemsOf({
    yaml: replace('  text: "#111827"', '  text: "#111827"\n  accent: "#ff0000"'),
  });
  assert.match(
    problems[0],
    /campaign\.yaml:8 theme\.accent: unknown key; known keys here are primary, background, text/,
  );
});

load("missing required key", async () => {
  const problems = await problemsOf({ yaml: replace(/^date: .*\n/m, "") });
  assert.match(
    problems[0],
    /^minimal\/campaign\.yaml:1 date: required key is missing: expected a date written YYYY-MM-DD/,
  );
});

load("wrong type says what was found", async () => {
  const problems = await problemsOf({ yaml: replace("languages: [en, fr]", "languages: en") });
  assert.equal(problems, [
    'minimal/campaign.yaml:3 languages: "en" is text, not a list; write the languages as a list: languages: [en]',
  ]);
  // A list of groups written as text is not a list of words: what was expected, and found.
  const hotlines = await problemsOf({
    yaml: replace(/^hotlines:\n(?: .*\n)+/m, 'hotlines: "078 055 800"\n'),
  });
  assert.equal(hotlines, [
    'minimal/campaign.yaml:8 hotlines: expected a list of hotlines; found "078 055 800"',
  ]);
});

load("impossible date", async () => {
  const problems = await problemsOf({ yaml: replace("2024-07-30", "2023-02-30") });
  assert.equal(problems, [
    'minimal/campaign.yaml:1 date: this date does not exist in the calendar; found "2023-02-30"',
  ]);
});

load("colour that is not a colour", async () => {
  const problems = await problemsOf({ yaml: replace('primary: "#1d4ed8"', "primary: blue") });
  assert.match(
    problems[0],
    /campaign\.yaml:5 theme\.primary: expected a hex colour such as "#1d4ed8" or "#fff"; found "blue"/,
  );
});

load("low contrast gives both colours, the ratio and the need", async () => {
  const problems = await problemsOf({ yaml: replace('text: "#111827"', 'text: "#aaaaaa"') });
  assert.equal(problems, [
    "minimal/campaign.yaml:7 theme.text: contrast of #aaaaaa on theme.background #ffffff is 2.3:1, needs at least 4.5:1 for body text (WCAG 1.4.3). Try a darker text colour or a lighter background.",
  ]);
});

load("relative and non-http URLs", async () => {
  const relative = await problemsOf({ yaml: replace("https://www.example.org/minimal/", "/minimal/") });
  assert.match(relative[0], /campaign\.yaml:2 url: expected an absolute http\(s\) address/);
  const script = await problemsOf({
    yaml: replace("https://www.example.org/shelter/", "javascript:alert(1)"),
  });
  assert.match(
    script[0],
    /partners\[0\]\.url: expected an absolute http\(s\) address.*found "javascript:alert\(1\)"/,
  );
});

load("malformed and duplicate language tags", async () => {
  const malformed = await problemsOf({ yaml: replace("[en, fr]", "[en, fr_BE]") });
  assert.equal(malformed, [
    'minimal/campaign.yaml:3 languages[1]: "fr_BE" is not a language tag; did you mean "fr-BE" (French (Belgium))?',
  ]);
  const duplicate = await problemsOf({ yaml: replace("[en, fr]", "[en, fr, en]") });
  assert.match(duplicate[0], /languages\[2\]: "en" is listed twice \(also languages\[0\]\); remove one/);
});

load("listed language without a content file", async () => {
  const problems = await problemsOf({ files: { "content/page.fr.md": null } });
  assert.match(
    problems[0],
    /^minimal\/content\/page\.fr\.md: file not found; one Markdown file per language/,
  );
});

load("language without UI strings names the missing keys", async () => {
  const problems = await problemsOf({
    yaml: replace("[en, fr]", "[en, fr, xh]"),
    files: { "content/page.xh.md": "---\ntitle: a\ntagline: b\ndescription: c\n---\n" },
  });
  assert.match(
    problems[0],
    /languages\[2\]: no complete UI strings for "xh" \(missing skipLink, exit\.button.*add src\/i18n\/strings\/xh\.json/,
  );
});

load("raw HTML in the body is refused with its line, as the README says", async () => {
  const problems = await problemsOf({
    files: { "content/page.fr.md": "---\ntitle: T\ntagline: t\ndescription: d\n---\n\nUn <b>mot</b>.\n" },
  });
  assert.equal(problems, [
    "minimal/content/page.fr.md:7: raw HTML <b> is not allowed in content; write Markdown (**bold**, [link](https://…), lists) instead",
  ]);
  const readme = await fs.readFile(path.join(TEMPLATES, "../README.md"), "utf8");
  assert.match(
    readme,
    "Raw HTML in the body (`<script>`, `<iframe>`, even `<span>`) and `javascript:` links are refused",
  );
  assert.not.match(readme, "Raw HTML in the body is shown as text");
});

load("content front matter: missing field, syntax error, no front matter", async () => {
  const missing = await problemsOf({
    files: { "content/page.fr.md": "---\ntitle: Titre\ndescription: d\n---\nTexte" },
  });
  assert.match(
    missing[0],
    /^minimal\/content\/page\.fr\.md:2 tagline: required key is missing: expected the year's theme line/,
  );
  const syntax = await problemsOf({
    files: { "content/page.fr.md": "---\ntitle: Titre\ntagline: [oops\ndescription: d\n---\n" },
  });
  assert.equal(syntax, [
    'minimal/content/page.fr.md:3: "[" at the start of the text has a special meaning in YAML; write the whole text with quotes: tagline: "[oops"',
  ]);
  const none = await problemsOf({ files: { "content/page.fr.md": "Juste du texte" } });
  assert.match(none[0], /content\/page\.fr\.md:1: expected front matter first/);
  const unknown = await problemsOf({
    files: { "content/page.fr.md": "---\ntitle: T\ntagline: t\ndescription: d\ntagilne: s\n---\n" },
  });
  assert.match(unknown[0], /content\/page\.fr\.md:5 tagilne: unknown key; did you mean "tagline"\?$/);
  const far = await problemsOf({
    files: { "content/page.fr.md": "---\ntitle: T\ntagline: t\ndescription: d\nsummary: s\n---\n" },
  });
  assert.match(far[0], /content\/page\.fr\.md:5 summary: unknown key; known keys here are title, tagline/);
});

load("phone number invalid for its country", async () => {
  const problems = await problemsOf({ yaml: replace('"078 055 800"', '"078 055"') });
  assert.match(
    problems[0],
    /campaign\.yaml:9 hotlines\[0\]\.number: "078 055" is not a valid phone number in BE/,
  );
});

load("logo: missing, outside the folder, absolute, not an image, truncated, too large", async () => {
  const missing = await problemsOf({ files: { "logos/mark.svg": null } });
  assert.match(missing[0], /campaign\.yaml:13 partners\[0\]\.logo: file "logos\/mark\.svg" not found/);
  const outside = await problemsOf({ yaml: replace("logos/mark.svg", "../../secret.svg") });
  assert.match(outside[0], /partners\[0\]\.logo: "\.\.\/\.\.\/secret\.svg" leaves the campaign folder/);
  const absolute = await problemsOf({ yaml: replace("logos/mark.svg", "/etc/passwd") });
  assert.match(absolute[0], /partners\[0\]\.logo: "\/etc\/passwd" must be a path inside the campaign folder/);
  const text = await problemsOf({
    yaml: replace("logos/mark.svg", "logos/fake.png"),
    files: { "logos/fake.png": "not an image" },
  });
  assert.match(text[0], /partners\[0\]\.logo: "logos\/fake\.png" is not a readable image/);
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#336699" } })
    .png()
    .toBuffer();
  const truncated = await problemsOf({
    yaml: replace("logos/mark.svg", "logos/cut.png"),
    files: { "logos/cut.png": png.subarray(0, Math.floor(png.length / 2)) },
  });
  assert.match(truncated[0], /partners\[0\]\.logo: "logos\/cut\.png" is not a readable image/);
  const huge = await sharp({ create: { width: 10000, height: 5000, channels: 3, background: "#336699" } })
    .png({ compressionLevel: 1 })
    .toBuffer();
  const large = await problemsOf({
    yaml: replace("logos/mark.svg", "logos/huge.png"),
    files: { "logos/huge.png": huge },
  });
  assert.match(large[0], /partners\[0\]\.logo: "logos\/huge\.png" is larger than 40 megapixels/);
});

load("unknown template lists the known ones", async () => {
  const problems = await problemsOf({ yaml: replace(/^theme:/m, "template: fancy\ntheme:") });
  assert.match(
    problems[0],
    /campaign\.yaml:4 template: unknown template "fancy"; expected a folder of .*: (.*, )?default/,
  );
});

load("reports every problem at once, in file order", async () => {
  const shape = await problemsOf({
    yaml: (text) =>
      text.replace("2024-07-30", "2024-13-01").replace('"#111827"', "dark").replace("partners:", "partner:"),
  });
  assert.is(shape.length, 3, shape.join("\n"));
  assert.match(shape[0], /campaign\.yaml:1 date/);
  const deeper = await problemsOf({
    yaml: (text) => text.replace('"#111827"', '"#eeeeee"').replace("BE", "NL"),
    files: { "content/page.fr.md": null },
  });
  assert.is(deeper.length, 3, deeper.join("\n"));
  assert.match(deeper[0], /campaign\.yaml:7 theme\.text: contrast/);
  assert.match(deeper[1], /campaign\.yaml:9 hotlines\[0\]\.number/);
  assert.match(deeper[2], /content\/page\.fr\.md: file not found/);
});

load("content files are checked even when campaign.yaml has problems", async () => {
  const problems = await problemsOf({
    yaml: (text) => text.replace("2024-07-30", "2024-02-30"),
    files: { "content/page.fr.md": "---\ntitle: Titre\n---\n" },
  });
  assert.is(problems.length, 3, problems.join("\n"));
  assert.match(problems[0], /campaign\.yaml:1 date/);
  assert.match(problems[1], /content\/page\.fr\.md:2 description: required key is missing/);
  assert.match(problems[2], /content\/page\.fr\.md:2 tagline: required key is missing/);
});

load.run();

const all = suite("loadCampaigns");

all("sorts newest first", async () => {
  const { campaignsDir, dir, cleanup } = await fixtureCampaign();
  const dated = { "a-oldest": "2019-07-30", "b-newest": "2025-07-30", "c-middle": "2022-07-30" };
  const yaml = await fs.readFile(path.join(dir, "campaign.yaml"), "utf8");
  for (const [slug, date] of Object.entries(dated)) {
    await fs.cp(dir, path.join(campaignsDir, slug), { recursive: true });
    await fs.writeFile(
      path.join(campaignsDir, slug, "campaign.yaml"),
      yaml.replace("2024-07-30", date).replace("/minimal/", `/${slug}/`),
    );
  }
  try {
    const campaigns = await loadCampaigns(campaignsDir, { templatesDir: TEMPLATES });
    assert.equal(
      campaigns.map((campaign) => campaign.slug),
      ["b-newest", "minimal", "c-middle", "a-oldest"],
    );
  } finally {
    await cleanup();
  }
});

all("refuses an unknown --campaign", async () => {
  const { campaignsDir, cleanup } = await fixtureCampaign();
  try {
    await loadCampaigns(campaignsDir, { templatesDir: TEMPLATES, only: ["nope"] });
    assert.unreachable("expected a CampaignError");
  } catch (error) {
    assert.instance(error, CampaignError);
    assert.match(
      (error as Error).message,
      /no campaign "nope"; expected a folder with a campaign\.yaml \(campaigns: minimal\)/,
    );
  } finally {
    await cleanup();
  }
});

all.run();
