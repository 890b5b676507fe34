import fs from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { CampaignError, loadCampaigns } from "../../src/campaign/index.ts";
import { translator } from "../../src/i18n/strings.ts";
import { fixtureCampaign, ROOT, TEMPLATES } from "../helpers/fixtures.ts";
import { exampleSite } from "../helpers/site.ts";

const test = suite("campaign wording (campaigns/<slug>/strings/<lang>.json)");

async function problemsOf(files: Record<string, string>): Promise<string> {
  const { campaignsDir, cleanup } = await fixtureCampaign({ files });
  try {
    await loadCampaigns(campaignsDir, { templatesDir: TEMPLATES });
    assert.unreachable("expected the wording to be refused");
    return "";
  } catch (error) {
    assert.instance(error, CampaignError);
    return (error as Error).message;
  } finally {
    await cleanup();
  }
}

test("the Dutch page of blue-heart-2023-be says Hulplijn mensenhandel; other pages keep the shared string", async () => {
  const [campaign] = await loadCampaigns(path.join(ROOT, "campaigns"), {
    templatesDir: TEMPLATES,
    only: ["blue-heart-2023-be"],
  });
  assert.equal(campaign.wording, { nl: { hotline: { label: "Hulplijn mensenhandel" } } });
  const t = translator("nl", campaign.wording.nl);
  assert.is(t("hotline.label"), "Hulplijn mensenhandel");
  assert.is(t("hotline.heading"), translator("nl")("hotline.heading"));

  const site = await exampleSite();
  const dutch = await fs.readFile(path.join(site, "blue-heart-2023-be/nl/index.html"), "utf8");
  assert.match(dutch, "Hulplijn mensenhandel");
  const otherCampaign = await fs.readFile(path.join(site, "benelux-2021/nl/index.html"), "utf8");
  assert.not.match(otherCampaign, "Hulplijn mensenhandel");
  assert.match(otherCampaign, translator("nl")("hotline.label"));
});

test("an unknown key is refused with the closest key", async () => {
  const message = await problemsOf({ "strings/en.json": '{"hotline": {"lable": "Call us"}}' });
  assert.match(message, 'strings/en.json hotline.lable: unknown UI string; did you mean "hotline.label"?');
});

test("changed placeholders, a language the campaign lacks and broken JSON are refused", async () => {
  const message = await problemsOf({
    "strings/en.json": '{"hotline": {"callLabel": "Ring {numbre}"}}',
    "strings/nl.json": '{"hotline": {"label": "Hulplijn"}}',
    "strings/fr.json": "{not json",
  });
  assert.match(
    message,
    "strings/en.json hotline.callLabel: placeholders {numbre} differ from the shared string's {number}",
  );
  assert.match(message, 'strings/nl.json: "nl" is not a language of this campaign (en, fr)');
  assert.match(message, "strings/fr.json: not valid JSON");
});

test.run();
