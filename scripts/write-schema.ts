/** Writes schema/campaign.schema.json from the zod schema. Run after changing src/campaign/schema.ts. */
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { campaignJsonSchema, JSON_SCHEMA_FILE } from "../src/campaign/json-schema.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const target = path.join(root, JSON_SCHEMA_FILE);
await fs.mkdir(path.dirname(target), { recursive: true });
await fs.writeFile(target, campaignJsonSchema());
console.log(`Wrote ${JSON_SCHEMA_FILE}`);
