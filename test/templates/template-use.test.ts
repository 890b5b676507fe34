/** A campaign's `template:` resolved by layers: validation, designs and their cache keys, the starter. */
import fs from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { CampaignError, formatProblem } from "../../src/campaign/index.ts";
import { loadCampaign } from "../../src/campaign/load.ts";
import { loadKitDesign } from "../../src/kit/design.ts";
import { scaffold } from "../../src/new-campaign/scaffold.ts";
import { loadDesign } from "../../src/social/design.ts";
import { fixtureCampaign, ROOT, TEMPLATES, tempDir } from "../helpers/fixtures.ts";

/** A copy of templates/ in a fresh folder, to edit. */
async function templatesCopy(): Promise<string> {
  const dir = path.join(await tempDir("templates-"), "templates");
  await fs.cp(TEMPLATES, dir, { recursive: true });
  return dir;
}

const validation = suite("campaign template: by layers");

validation("a campaign may use benelux, whose chain resolves", async () => {
  const { dir, cleanup } = await fixtureCampaign({ yaml: (text) => `${text}template: benelux\n` });
  const campaign = await loadCampaign(dir, { templatesDir: TEMPLATES });
  assert.is(campaign.template, "benelux");
  await cleanup();
});

validation("a broken chain is reported at the template's template.json", async () => {
  const templatesDir = await templatesCopy();
  await fs.writeFile(path.join(templatesDir, "benelux/template.json"), '{ "extends": "benelx" }');
  const { dir, cleanup } = await fixtureCampaign({ yaml: (text) => `${text}template: benelux\n` });
  try {
    await loadCampaign(dir, { templatesDir });
    assert.unreachable("expected a CampaignError");
  } catch (error) {
    assert.instance(error, CampaignError);
    const messages = (error as CampaignError).problems.map((problem) => formatProblem(problem, templatesDir));
    assert.equal(messages, [
      'benelux/template.json extends: unknown template "benelx"; did you mean "benelux"? The templates are: benelux, default',
    ]);
  } finally {
    await cleanup();
  }
});

const designs = suite("designs by layers");

designs("benelux's share cards and posters: its sizes and emblem over default's design", async () => {
  const benelux = await loadDesign(path.join(TEMPLATES, "benelux"));
  const base = await loadDesign(path.join(TEMPLATES, "default"));
  assert.is(benelux.formats.og.emblem, 96);
  assert.equal(benelux.formats.og.title, base.formats.og.title);
  assert.match(benelux.emblem, /<title>Empty chair<\/title>/);
  assert.match(base.emblem, /<title>Heart<\/title>/);
  const kit = await loadKitDesign(path.join(TEMPLATES, "benelux"));
  assert.is(kit.poster.emblemSize, 0.16);
  assert.is(kit.poster.qr, (await loadKitDesign(path.join(TEMPLATES, "default"))).poster.qr);
  assert.match(kit.frame.emblemSvg, /Empty chair/);
});

designs("changing benelux's card.json changes benelux's cache key only", async () => {
  const before = await templatesCopy();
  const after = await templatesCopy();
  const file = path.join(after, "benelux/card.json");
  await fs.writeFile(file, (await fs.readFile(file, "utf8")).replace('"emblem": 96', '"emblem": 100'));
  const key = async (dir: string, name: string) => (await loadDesign(path.join(dir, name))).fingerprint;
  assert.is.not(await key(after, "benelux"), await key(before, "benelux"));
  assert.is(await key(after, "default"), await key(before, "default"));
  // A change to the parent reaches the template built on it.
  const parent = path.join(after, "default/card.json");
  const later = await templatesCopy();
  await fs.writeFile(
    path.join(later, "default/card.json"),
    (await fs.readFile(parent, "utf8")).replace('"padding": 56', '"padding": 57'),
  );
  assert.is.not(await key(later, "benelux"), await key(before, "benelux"));
  const poster = async (dir: string) => (await loadKitDesign(path.join(dir, "benelux"))).poster.fingerprint;
  await fs.writeFile(path.join(after, "benelux/poster.json"), '{ "emblemSize": 0.2 }');
  assert.is.not(await poster(after), await poster(before));
});

const starter = suite("new --template benelux");

starter("starts from benelux's starter: three languages, a line per country, template set", async () => {
  const campaignsDir = path.join(await tempDir("starter-"), "campaigns");
  const made = await scaffold({ root: ROOT, campaignsDir, slug: "benelux-2025", template: "benelux" });
  const yaml = await fs.readFile(path.join(made.dir, "campaign.yaml"), "utf8");
  assert.match(yaml, /^template: benelux$/m);
  assert.match(yaml, /^languages: \[fr, nl, en\]$/m);
  assert.equal((await fs.readdir(path.join(made.dir, "content"))).sort(), [
    "page.en.md",
    "page.fr.md",
    "page.nl.md",
  ]);
  const campaign = await loadCampaign(made.dir, { templatesDir: TEMPLATES });
  assert.equal(
    campaign.hotlines.map((line) => line.country),
    ["BE", "NL"],
  );
  await fs.rm(path.dirname(campaignsDir), { recursive: true, force: true });
});

validation.run();
designs.run();
starter.run();
