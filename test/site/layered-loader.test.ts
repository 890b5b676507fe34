import fs from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { LayeredLoader, layeredEnvironment } from "../../src/site/layered-loader.ts";
import { TEMPLATES, tempDir } from "../helpers/fixtures.ts";

const test = suite("Nunjucks files by template layers");

test("a name under a template is the first layer's file", () => {
  const loader = new LayeredLoader(() => TEMPLATES);
  assert.is(
    loader.find("benelux/partials/hotline.njk"),
    path.join(TEMPLATES, "benelux/partials/hotline.njk"),
  );
  assert.is(loader.find("benelux/base.njk"), path.join(TEMPLATES, "default/base.njk"));
  assert.is(
    loader.find("default/partials/hotline.njk"),
    path.join(TEMPLATES, "default/partials/hotline.njk"),
  );
  assert.is(loader.find("benelux/nothing.njk"), undefined);
  assert.is(loader.find("../package.json"), undefined, "nothing outside templates/");
});

test("a parent's file that includes by the campaign's template gets the child's partial", async () => {
  const dir = path.join(await tempDir("loader-"), "templates");
  await fs.mkdir(path.join(dir, "base/partials"), { recursive: true });
  await fs.mkdir(path.join(dir, "child/partials"), { recursive: true });
  await fs.writeFile(path.join(dir, "base/campaign.njk"), '[{% include template + "/partials/line.njk" %}]');
  await fs.writeFile(path.join(dir, "base/partials/line.njk"), "base line");
  await fs.writeFile(path.join(dir, "child/template.json"), '{ "extends": "base" }');
  await fs.writeFile(path.join(dir, "child/partials/line.njk"), "child line");
  const env = layeredEnvironment(() => dir);
  assert.is(env.render("base/campaign.njk", { template: "base" }), "[base line]");
  assert.is(env.render("child/campaign.njk", { template: "child" }), "[child line]");
  await fs.rm(path.dirname(dir), { recursive: true, force: true });
});

test.run();
