import fs from "node:fs/promises";
import path from "node:path";
import { parse } from "node-html-parser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generatorFingerprint } from "../../src/build/incremental.ts";
import { CampaignError, formatProblem } from "../../src/campaign/index.ts";
import { loadCampaign } from "../../src/campaign/load.ts";
import { partnerNameIn } from "../../src/campaign/partners.ts";
import { FIXTURES, fixtureCampaign, ROOT, TEMPLATES } from "../helpers/fixtures.ts";
import { exampleSite } from "../helpers/site.ts";

const MARK = path.join(FIXTURES, "campaigns/minimal/logos/mark.svg");

const SHARED = `partners:
  - id: fps-justice
    name: FPS Justice
    names:
      fr: SPF Justice
    logo: partners/justice.svg
  - id: payoke
    name: Payoke
    logo: partners/payoke.svg
    url: https://www.example.org/payoke/
`;

/** A copy of the minimal fixture with an assets/ folder beside it holding `partnersYaml`. */
async function withAssets(partnersLine: string, partnersYaml = SHARED) {
  const fixture = await fixtureCampaign({
    yaml: (text) => text.replace(/partners:\n(?: {2}.*\n)+/, `partners:\n${partnersLine}\n`),
  });
  const assetsDir = path.join(path.dirname(fixture.campaignsDir), "assets");
  await fs.mkdir(path.join(assetsDir, "partners"), { recursive: true });
  await fs.writeFile(path.join(assetsDir, "partners.yaml"), partnersYaml);
  await fs.copyFile(MARK, path.join(assetsDir, "partners/justice.svg"));
  await fs.copyFile(MARK, path.join(assetsDir, "partners/payoke.svg"));
  return { ...fixture, assetsDir };
}

async function problemsOf(partnersLine: string, partnersYaml?: string): Promise<string[]> {
  const { dir, assetsDir, cleanup } = await withAssets(partnersLine, partnersYaml);
  try {
    await loadCampaign(dir, { templatesDir: TEMPLATES, assetsDir });
  } catch (error) {
    assert.instance(error, CampaignError);
    return (error as CampaignError).problems.map((problem) =>
      formatProblem(problem, path.dirname(path.dirname(dir))),
    );
  } finally {
    await cleanup();
  }
  assert.unreachable("expected a CampaignError");
  return [];
}

const shared = suite("shared partners (assets/partners.yaml)");

shared("ids and inline entries mix; names per language", async () => {
  const { dir, assetsDir, cleanup } = await withAssets(
    "  - fps-justice\n  - name: Example Shelter\n    logo: logos/mark.svg\n  - payoke",
  );
  const campaign = await loadCampaign(dir, { templatesDir: TEMPLATES, assetsDir });
  const justice = await fs.realpath(path.join(assetsDir, "partners/justice.svg"));
  await cleanup();
  assert.equal(
    campaign.partners.map((partner) => partner.name),
    ["FPS Justice", "Example Shelter", "Payoke"],
  );
  assert.equal(campaign.partners[0].names, { en: "FPS Justice", fr: "SPF Justice" });
  assert.equal(campaign.partners[1].names, { en: "Example Shelter", fr: "Example Shelter" });
  assert.is(campaign.partners[0].logo, justice);
  assert.is(campaign.partners[2].url, "https://www.example.org/payoke/");
});

shared("an unknown id is refused with the closest id suggested", async () => {
  const problems = await problemsOf("  - payoke\n  - fps-justise");
  assert.equal(problems, [
    'campaigns/minimal/campaign.yaml:13 partners[1]: unknown partner "fps-justise" in assets/partners.yaml; did you mean "fps-justice"?',
  ]);
});

shared("an id in capitals or with a letter missing is answered with the id that exists", async () => {
  const problems = await problemsOf("  - Payoke\n  - fps-jstice");
  assert.equal(problems, [
    'campaigns/minimal/campaign.yaml:12 partners[0]: unknown partner "Payoke" in assets/partners.yaml; did you mean "payoke"?',
    'campaigns/minimal/campaign.yaml:13 partners[1]: unknown partner "fps-jstice" in assets/partners.yaml; did you mean "fps-justice"?',
  ]);
});

shared("a # in a shared partner's name is told in partners.yaml", async () => {
  const problems = await problemsOf("  - payoke", SHARED.replace("name: Payoke", "name: Payoke #1"));
  assert.equal(problems, [
    'assets/partners.yaml:8 partners[1].name: the text stops at " #" (YAML reads the rest as a comment); write it with quotes: name: "Payoke #1"',
  ]);
});

shared("an inline entry missing its logo names the key", async () => {
  const problems = await problemsOf("  - payoke\n  - name: Shelter");
  assert.equal(problems.length, 1);
  assert.match(
    problems[0],
    /^campaigns\/minimal\/campaign\.yaml:13 partners\[1\]\.logo: required key is missing/,
  );
});

shared("mistakes in partners.yaml name its file, line and key", async () => {
  const problems = await problemsOf(
    "  - payoke",
    `${SHARED}  - id: x\n    nmae: X\n    logo: partners/x.svg\n`,
  );
  assert.equal(problems, [
    "assets/partners.yaml:11 partners[2].name: required key is missing: expected the partner's name",
    'assets/partners.yaml:12 partners[2].nmae: unknown key; did you mean "name"?',
  ]);
});

shared("a declared partner whose logo is missing is reported at its line in partners.yaml", async () => {
  const problems = await problemsOf("  - payoke", SHARED.replace("partners/payoke.svg", "partners/gone.svg"));
  assert.equal(problems.length, 1);
  assert.match(problems[0], /^assets\/partners\.yaml:7 payoke\.logo: file "partners\/gone\.svg" not found/);
});

shared("a partner declared twice is refused", async () => {
  const problems = await problemsOf(
    "  - payoke",
    `${SHARED}  - id: payoke\n    name: Again\n    logo: partners/payoke.svg\n`,
  );
  assert.equal(problems, [
    'assets/partners.yaml:11 partners[2].id: "payoke" is declared twice (also line 7); give each partner one entry',
  ]);
});

shared("incremental builds notice a change in assets/", async () => {
  const before = await generatorFingerprint(ROOT);
  const file = path.join(ROOT, "assets/partners.yaml");
  const text = await fs.readFile(file, "utf8");
  try {
    await fs.writeFile(file, `${text}# edited\n`);
    assert.is.not(await generatorFingerprint(ROOT), before);
  } finally {
    await fs.writeFile(file, text);
  }
  assert.is(await generatorFingerprint(ROOT), before);
});

shared("the examples' pages give each partner's name in the page's language", async () => {
  const site = await exampleSite();
  const alts = async (lang: string) =>
    parse(await fs.readFile(path.join(site, "blue-heart-2023-be", lang, "index.html"), "utf8"))
      .querySelectorAll(".partner-list img")
      .map((img) => img.getAttribute("alt"));
  assert.ok((await alts("fr")).includes("SPF Justice"));
  assert.ok((await alts("nl")).includes("FOD Justitie"));
  assert.ok((await alts("en")).includes("FPS Justice"));
  assert.ok((await alts("nl")).includes("Payoke"));
});

shared("a name in another script than the page's names its language, from the campaign's", () => {
  const languages = ["fr", "nl", "de", "en", "ar"];
  const names = (partner: { name: string; own?: Record<string, string> }) =>
    Object.fromEntries(languages.map((tag) => [tag, partner.own?.[tag] ?? partner.name]));
  const justice = {
    name: "FPS Justice",
    names: names({ name: "FPS Justice", own: { fr: "SPF Justice", nl: "FOD Justitie", de: "FÖD Justiz" } }),
  };
  const payoke = { name: "Payoke", names: names({ name: "Payoke" }) };
  // In the page's script: the page's language, said by no tag of its own.
  assert.equal(partnerNameIn(justice, "fr", languages), { name: "SPF Justice" });
  assert.equal(partnerNameIn(payoke, "nl", languages), { name: "Payoke" });
  // A Latin name on an Arabic page: the first language that shows it, else the default language.
  assert.equal(partnerNameIn(justice, "ar", languages), { name: "FPS Justice", lang: "en" });
  assert.equal(partnerNameIn(payoke, "ar", languages), { name: "Payoke", lang: "fr" });
  const arabicName = { name: "Payoke", names: { ...names({ name: "Payoke" }), ar: "بايوكي" } };
  assert.equal(partnerNameIn(arabicName, "ar", languages), { name: "بايوكي" });
});

shared.run();
