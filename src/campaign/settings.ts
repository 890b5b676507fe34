/**
 * A campaign's settings alone: campaign.yaml read and validated, without its content files (a
 * language being translated has none yet). The translators' export and import read campaigns
 * through here, never around the campaign module.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { CampaignError } from "../problems/problem.ts";
import { type CampaignFile, campaignFileSchema } from "./schema.ts";
import { validate } from "./validate.ts";
import { parseYaml } from "./yaml-source.ts";

export interface CampaignFiles {
  dir: string;
  yamlFile: string;
  settings: CampaignFile;
}

/** Reads and validates campaign.yaml (not the content files: a new language has none yet). */
export async function readCampaignSettings(campaignsDir: string, slug: string): Promise<CampaignFiles> {
  const dir = path.join(campaignsDir, slug);
  const yamlFile = path.join(dir, "campaign.yaml");
  const text = await fs.readFile(yamlFile, "utf8").catch(() => undefined);
  if (text === undefined) {
    throw new CampaignError([{ file: yamlFile, message: `no campaign "${slug}" (file not found)` }]);
  }
  const yaml = parseYaml(text, yamlFile);
  if (!yaml.ok) throw new CampaignError(yaml.problems);
  const checked = validate(campaignFileSchema, yaml.source, yamlFile);
  if (!checked.ok) throw new CampaignError(checked.problems);
  return { dir, yamlFile, settings: checked.value };
}
