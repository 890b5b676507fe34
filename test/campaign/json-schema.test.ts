import fs from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { campaignJsonSchema, JSON_SCHEMA_FILE } from "../../src/campaign/json-schema.ts";
import { ROOT } from "../helpers/fixtures.ts";

const test = suite("campaign JSON Schema");

test("the committed schema is the one the zod schema generates (run npm run schema)", async () => {
  const committed = await fs.readFile(path.join(ROOT, JSON_SCHEMA_FILE), "utf8");
  assert.is(committed, campaignJsonSchema());
});

test("it describes every key, refuses unknown ones, and the examples point to it", async () => {
  const schema = JSON.parse(campaignJsonSchema());
  assert.equal(schema.required.sort(), ["date", "hotlines", "languages", "theme", "url"]);
  assert.is(schema.additionalProperties, false);
  for (const slug of ["blue-heart-2023-be", "benelux-2021"]) {
    const yaml = await fs.readFile(path.join(ROOT, "campaigns", slug, "campaign.yaml"), "utf8");
    assert.match(yaml.split("\n")[0], "# yaml-language-server: $schema=../../schema/campaign.schema.json");
  }
});

test.run();
