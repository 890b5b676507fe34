/** The example build covers every folder of templates/ (test/helpers/templates.ts). */
import fs from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadCampaigns } from "../../src/campaign/index.ts";
import { FIXTURES, ROOT, TEMPLATES, tempDir } from "../helpers/fixtures.ts";
import { TEST_CAMPAIGNS } from "../helpers/site.ts";
import { templateCopies, writeTemplateCopy } from "../helpers/templates.ts";

const CAMPAIGNS = path.join(ROOT, "campaigns");

const test = suite("every template in the example build");

test("benelux, whose example has no Arabic, gets the Arabic of another example", async () => {
  assert.equal(await templateCopies(CAMPAIGNS, TEMPLATES), [
    {
      from: "blue-heart-2023-be",
      slug: "blue-heart-2023-be-benelux",
      template: "benelux",
      languages: ["ar"],
    },
  ]);
});

test("with the test campaigns, as the example build has them, benelux gets the scripts it lacks from many-languages", async () => {
  const campaignsDir = path.join(await tempDir("coverage-"), "campaigns");
  await fs.cp(CAMPAIGNS, campaignsDir, { recursive: true });
  for (const slug of TEST_CAMPAIGNS)
    await fs.cp(path.join(FIXTURES, "campaigns", slug), path.join(campaignsDir, slug), { recursive: true });
  assert.equal(await templateCopies(campaignsDir, TEMPLATES), [
    {
      from: "many-languages",
      slug: "many-languages-benelux",
      template: "benelux",
      languages: ["el", "uk", "ar", "ti", "zh"],
    },
  ]);
  await fs.rm(path.dirname(campaignsDir), { recursive: true, force: true });
});

test("a new template folder is picked up: a copy of the richest example in all its languages", async () => {
  const templatesDir = path.join(await tempDir("coverage-"), "templates");
  await fs.cp(TEMPLATES, templatesDir, { recursive: true });
  await fs.mkdir(path.join(templatesDir, "harbour"));
  await fs.writeFile(path.join(templatesDir, "harbour/template.json"), '{ "extends": "default" }');
  const copies = await templateCopies(CAMPAIGNS, templatesDir);
  const harbour = copies.find((copy) => copy.template === "harbour");
  assert.equal(harbour, {
    from: "blue-heart-2023-be",
    slug: "blue-heart-2023-be-harbour",
    template: "harbour",
    languages: ["fr", "nl", "de", "en", "ar", "lb"],
  });

  // The copies are valid campaigns of their templates, published at their own address.
  const campaignsDir = path.join(path.dirname(templatesDir), "campaigns");
  for (const copy of copies) await writeTemplateCopy(CAMPAIGNS, campaignsDir, copy);
  const campaigns = await loadCampaigns(campaignsDir, { templatesDir, assetsDir: path.join(ROOT, "assets") });
  assert.equal(
    campaigns.map((campaign) => [campaign.slug, campaign.template, campaign.languages, campaign.url]),
    [
      [
        "blue-heart-2023-be-benelux",
        "benelux",
        ["ar"],
        "https://www.example.org/blue-heart-2023-be-benelux/",
      ],
      [
        "blue-heart-2023-be-harbour",
        "harbour",
        ["fr", "nl", "de", "en", "ar", "lb"],
        "https://www.example.org/blue-heart-2023-be-harbour/",
      ],
    ],
  );
  await fs.rm(path.dirname(templatesDir), { recursive: true, force: true });
});

test.run();
