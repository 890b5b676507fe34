import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { contrastRatio } from "../../src/campaign/contrast.ts";
import { CampaignError, formatProblem } from "../../src/campaign/index.ts";
import { loadCampaign } from "../../src/campaign/load.ts";
import { fixtureCampaign, TEMPLATES } from "../helpers/fixtures.ts";

async function problemsWithTheme(theme: { primary: string; background: string; text: string }) {
  const { dir, cleanup } = await fixtureCampaign({
    yaml: (text) =>
      text
        .replace('primary: "#1d4ed8"', `primary: "${theme.primary}"`)
        .replace('background: "#ffffff"', `background: "${theme.background}"`)
        .replace('text: "#111827"', `text: "${theme.text}"`),
  });
  try {
    await loadCampaign(dir, { templatesDir: TEMPLATES });
    return [];
  } catch (error) {
    assert.instance(error, CampaignError);
    return (error as CampaignError).problems.map((problem) => formatProblem(problem, path.dirname(dir)));
  } finally {
    await cleanup();
  }
}

const test = suite("contrast pairs");

test("ratios as WCAG defines them", () => {
  assert.is(contrastRatio("#000000", "#ffffff"), 21);
  assert.is(contrastRatio("#ffffff", "#ffffff"), 1);
  assert.ok(Math.abs(contrastRatio("#777777", "#ffffff") - 4.48) < 0.01);
  assert.ok(Math.abs(contrastRatio("#767676", "#ffffff") - 4.54) < 0.01);
});

test("text on background: below 4.5:1 is refused on theme.text alone", async () => {
  assert.equal(await problemsWithTheme({ primary: "#1d4ed8", background: "#ffffff", text: "#777777" }), [
    "minimal/campaign.yaml:7 theme.text: contrast of #777777 on theme.background #ffffff is 4.4:1, needs at least 4.5:1 for body text (WCAG 1.4.3). Try a darker text colour or a lighter background.",
  ]);
  assert.equal(await problemsWithTheme({ primary: "#1d4ed8", background: "#ffffff", text: "#767676" }), []);
});

test("primary on background (links) and background on primary (the band) are both checked", async () => {
  const problems = await problemsWithTheme({ primary: "#60a5fa", background: "#ffffff", text: "#111827" });
  assert.equal(problems, [
    "minimal/campaign.yaml:5 theme.primary: contrast of #60a5fa on theme.background #ffffff is 2.5:1, needs at least 4.5:1 for links and buttons on the page (WCAG 1.4.3). Try a darker primary colour.",
    "minimal/campaign.yaml:6 theme.background: contrast of #ffffff on theme.primary #60a5fa is 2.5:1, needs at least 4.5:1 for text on the primary band and buttons (WCAG 1.4.3). Try a darker primary colour or a lighter background.",
  ]);
});

test("a dark theme passes when all three pairs reach 4.5:1", async () => {
  assert.equal(await problemsWithTheme({ primary: "#fde68a", background: "#111827", text: "#f9fafb" }), []);
});

test.run();
