/**
 * The JSON Schema editors use to autocomplete and underline campaign.yaml, generated from the
 * same zod schema the loader validates with (scripts/write-schema.ts writes it to schema/).
 */
import { z } from "zod";
import { campaignFileSchema } from "./schema.ts";

export const JSON_SCHEMA_FILE = "schema/campaign.schema.json";

export function campaignJsonSchema(): string {
  const schema = z.toJSONSchema(campaignFileSchema, { io: "input", unrepresentable: "any" });
  const document = {
    ...schema,
    title: "Campaign settings (campaign.yaml)",
    description: "Settings of one awareness-day campaign. See the README, section 'Writing a campaign'.",
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
