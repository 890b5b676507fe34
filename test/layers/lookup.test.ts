import fs from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  findTemplateFile,
  mergeDesign,
  readLayeredJson,
  resolveLayers,
  templateLayers,
} from "../../src/layers/lookup.ts";
import { CampaignError, formatProblem } from "../../src/problems/problem.ts";
import { TEMPLATES, tempDir } from "../helpers/fixtures.ts";

/** A templates/ folder of empty templates; `json` gives each one's template.json text. */
async function templatesWith(json: Record<string, string | undefined>): Promise<string> {
  const dir = path.join(await tempDir("layers-"), "templates");
  await fs.cp(path.join(TEMPLATES, "default"), path.join(dir, "default"), { recursive: true });
  for (const [name, text] of Object.entries(json)) {
    await fs.mkdir(path.join(dir, name), { recursive: true });
    if (text !== undefined) await fs.writeFile(path.join(dir, name, "template.json"), text);
  }
  return dir;
}

const messages = (templatesDir: string, name: string) =>
  resolveLayers(templatesDir, name).problems.map((problem) => formatProblem(problem, templatesDir));

const chain = suite("resolveLayers");

chain("default extends nothing; benelux extends default", () => {
  assert.equal(templateLayers(TEMPLATES, "default"), ["default"]);
  assert.equal(templateLayers(TEMPLATES, "benelux"), ["benelux", "default"]);
});

chain(
  "a project's own template extends the generator's default, which the project need not copy",
  async () => {
    const dir = path.join(await tempDir("layers-"), "templates");
    await fs.mkdir(path.join(dir, "harbour"), { recursive: true });
    await fs.writeFile(path.join(dir, "harbour", "template.json"), '{ "extends": "default" }');
    await fs.writeFile(path.join(dir, "harbour", "emblem.svg"), "<svg/>");
    assert.equal(templateLayers(dir, "harbour"), ["harbour", "default"]);
    assert.is(findTemplateFile(dir, "harbour", "emblem.svg"), path.join(dir, "harbour", "emblem.svg"));
    assert.is(
      findTemplateFile(dir, "harbour", "campaign.njk"),
      path.join(TEMPLATES, "default", "campaign.njk"),
    );
    // The project's copy of a template stands in for the generator's.
    await fs.cp(path.join(TEMPLATES, "benelux"), path.join(dir, "benelux"), { recursive: true });
    await fs.writeFile(path.join(dir, "benelux", "emblem.svg"), "<svg/>");
    assert.is(findTemplateFile(dir, "benelux", "emblem.svg"), path.join(dir, "benelux", "emblem.svg"));
  },
);

chain("a chain of three resolves in order", async () => {
  const dir = await templatesWith({
    region: '{ "extends": "default" }',
    city: '{ "extends": "region" }',
  });
  assert.equal(templateLayers(dir, "city"), ["city", "region", "default"]);
});

chain("a loop is refused, naming template.json, the key and the loop", async () => {
  const dir = await templatesWith({ a: '{ "extends": "b" }', b: '{ "extends": "a" }' });
  assert.equal(messages(dir, "a"), [
    "b/template.json extends: templates extend each other in a loop (a → b → a); the last template of a chain extends nothing, as default does",
  ]);
  const self = await templatesWith({ me: '{ "extends": "me" }' });
  assert.match(messages(self, "me")[0], /^me\/template\.json extends: .*loop \(me → me\)/);
});

chain("an unknown parent is refused with the closest template suggested", async () => {
  const dir = await templatesWith({ mine: '{ "extends": "defualt" }' });
  assert.equal(messages(dir, "mine"), [
    'mine/template.json extends: unknown template "defualt"; did you mean "default"? The templates are: benelux, default, mine',
  ]);
});

chain("an invalid template.json is refused: not JSON, unknown key, wrong type", async () => {
  const dir = await templatesWith({
    broken: '{ "extends": "default", }',
    typo: '{ "extnds": "default" }',
    wrong: '{ "extends": 3 }',
  });
  assert.match(
    messages(dir, "broken")[0],
    /^broken\/template\.json: not valid JSON \(.*\); expected an object such as \{ "extends": "default" \}$/,
  );
  assert.match(
    messages(dir, "typo")[0],
    /^typo\/template\.json extnds: unknown key; did you mean "extends"\?/,
  );
  assert.match(messages(dir, "wrong")[0], /^wrong\/template\.json extends: /);
});

chain("a template that extends nothing must hold the pages", async () => {
  const dir = await templatesWith({ bare: undefined });
  assert.match(
    messages(dir, "bare")[0],
    /^bare\/template\.json extends: template "bare" extends nothing and has no campaign\.njk; add "extends": "default"/,
  );
});

chain("templateLayers throws a CampaignError with the problems", async () => {
  const dir = await templatesWith({ a: '{ "extends": "nope" }' });
  try {
    templateLayers(dir, "a");
    assert.unreachable("should have thrown");
  } catch (error) {
    assert.instance(error, CampaignError);
    assert.is((error as CampaignError).problems[0].key, "extends");
  }
});

const lookup = suite("findTemplateFile");

lookup("the first layer that has the file wins", () => {
  assert.is(
    findTemplateFile(TEMPLATES, "benelux", "partials/hotline.njk"),
    path.join(TEMPLATES, "benelux/partials/hotline.njk"),
  );
  assert.is(
    findTemplateFile(TEMPLATES, "benelux", "partials/switcher.njk"),
    path.join(TEMPLATES, "default/partials/switcher.njk"),
  );
  assert.is(
    findTemplateFile(TEMPLATES, "default", "partials/hotline.njk"),
    path.join(TEMPLATES, "default/partials/hotline.njk"),
  );
  assert.is(findTemplateFile(TEMPLATES, "benelux", "nothing.njk"), undefined);
});

const merge = suite("layered design files");

merge("objects merge key by key; arrays and values replace", () => {
  assert.equal(mergeDesign({ a: 1, b: { c: 2, d: 3 }, list: [1, 2] }, { b: { d: 4 }, list: [5], e: "x" }), {
    a: 1,
    b: { c: 2, d: 4 },
    list: [5],
    e: "x",
  });
});

merge("benelux's card.json holds only what differs; the rest comes from default", async () => {
  const card = readLayeredJson(path.join(TEMPLATES, "benelux"), "card.json");
  const value = card.value as { emblem: string; formats: Record<string, Record<string, unknown>> };
  const own = JSON.parse(await fs.readFile(path.join(TEMPLATES, "benelux/card.json"), "utf8"));
  const parent = JSON.parse(await fs.readFile(path.join(TEMPLATES, "default/card.json"), "utf8"));
  assert.is(value.emblem, parent.emblem);
  assert.is(value.formats.og.emblem, own.formats.og.emblem);
  assert.is.not(own.formats.og.emblem, parent.formats.og.emblem);
  assert.equal(value.formats.og.title, parent.formats.og.title);
  assert.equal(card.files, [
    path.join(TEMPLATES, "default/card.json"),
    path.join(TEMPLATES, "benelux/card.json"),
  ]);
});

chain.run();
lookup.run();
merge.run();
