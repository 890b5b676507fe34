import fs from "node:fs/promises";
import path from "node:path";
import * as assert from "uvu/assert";
import { parse, stringify } from "yaml";
import {
  campaignFileSchema,
  contentFrontMatterSchema,
  languageTag,
  sharedPartnerSchema,
} from "../../src/campaign/schema.ts";
import { cmsConfig, contentFields, settingsFields } from "../../src/cms/config.ts";
import type { CmsField, SchemaNode } from "../../src/cms/fields.ts";
import { schemaNode } from "../../src/cms/fields.ts";
import { mergeMarkdown, mergeYaml } from "../../src/cms/merge.ts";
import { availableLanguages } from "../../src/i18n/strings.ts";
import { ROOT, tempDir } from "../helpers/fixtures.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("cms configuration");

/** Every key of a schema node as "a.b.c" with its required flag and pattern, recursively. */
function schemaKeys(node: SchemaNode, prefix = ""): string[] {
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => {
    const name = prefix + key;
    const own = `${name} required=${required.has(key)} pattern=${child.pattern ?? ""}`;
    // A list entry may be one of several shapes (a partner's id or a whole partner): the object one.
    const entry = child.items?.anyOf?.find((variant) => variant.properties) ?? child.items;
    const items = entry?.properties ? schemaKeys(entry, `${name}[].`) : [];
    return [own, ...schemaKeys(child, `${name}.`), ...items];
  });
}

function fieldKeys(fields: CmsField[], prefix = ""): string[] {
  return fields.flatMap((field) => {
    const name = prefix + field.name;
    const own = `${name} required=${field.required !== false} pattern=${field.pattern?.[0] ?? ""}`;
    const nested = field.fields
      ? fieldKeys(field.fields, field.widget === "list" ? `${name}[].` : `${name}.`)
      : [];
    return [own, ...nested];
  });
}

test("campaign.yaml: every schema key has a field with the same required flag and pattern, and no more", () => {
  const fields = fieldKeys(settingsFields()).sort();
  const keys = schemaKeys(schemaNode(campaignFileSchema)).sort();
  assert.equal(fields, keys);
});

test("content/page.<lang>.md: every front-matter key and the body, all translated", () => {
  const fields = contentFields();
  assert.equal(
    fieldKeys(fields.filter((field) => field.name !== "body")).sort(),
    schemaKeys(schemaNode(contentFrontMatterSchema)).sort(),
  );
  assert.ok(fields.some((field) => field.name === "body" && field.widget === "markdown"));
  assert.ok(fields.every((field) => field.i18n === true));
});

test("widgets follow the values: colours, date, languages, countries, logo, help text", () => {
  const fields = settingsFields();
  const find = (name: string, list = fields) => list.find((field) => field.name === name) as CmsField;
  const theme = find("theme");
  assert.ok(theme.fields?.every((field) => field.widget === "color"));
  assert.is(find("date").widget, "datetime");
  assert.is(find("languages").widget, "select");
  assert.equal(find("languages").options, availableLanguages());
  const hotlines = find("hotlines");
  assert.is(hotlines.widget, "list");
  const country = find("country", hotlines.fields);
  assert.is(country.widget, "select");
  assert.ok(country.options?.includes("BE") && country.options.includes("LU"));
  const logo = find("logo", find("partners").fields);
  assert.is(logo.widget, "image");
  assert.is(logo.media_folder, "logos");
  assert.is(find("exitUrl").hint, "Where the safety exit goes: a neutral site.");
});

test("one collection of words per campaign, with that campaign's languages; partners inline without a shared list", async () => {
  const config = (await cmsConfig({
    campaignsDir: path.join(ROOT, "campaigns"),
    repoRoot: ROOT,
    backend: { name: "local" },
  })) as { collections: { name: string; folder?: string; i18n?: { locales: string[] } }[] };
  const words = config.collections.find((collection) => collection.name === "blue-heart-2023-be");
  assert.equal(words?.i18n?.locales, ["fr", "nl", "de", "en", "ar", "lb"]);
  assert.is(words?.folder, "campaigns/blue-heart-2023-be/content");
  const benelux = config.collections.find((collection) => collection.name === "benelux-2021");
  assert.equal(benelux?.i18n?.locales, ["fr", "nl", "en"]);
});

test("partners become a relation to assets/partners.yaml when that file exists", async () => {
  const root = await tempDir();
  await fs.cp(path.join(ROOT, "campaigns/benelux-2021"), path.join(root, "campaigns/benelux-2021"), {
    recursive: true,
  });
  await fs.mkdir(path.join(root, "assets"));
  await fs.writeFile(path.join(root, "assets/partners.yaml"), "partners: []\n");
  const config = (await cmsConfig({
    campaignsDir: path.join(root, "campaigns"),
    repoRoot: root,
    backend: { name: "github", repo: "example/campaigns" },
  })) as { backend: { name: string }; collections: { name: string; files?: { fields: CmsField[] }[] }[] };
  const settings = config.collections.find((collection) => collection.name === "settings");
  const partners = settings?.files?.[0]?.fields.find((field) => field.name === "partners");
  assert.is(partners?.widget, "relation");
  assert.ok(config.collections.some((collection) => collection.name === "partners"));
  assert.is(config.backend.name, "github");
  await fs.rm(root, { recursive: true, force: true });
});

test("a partner's names: one optional field per language, where the schema has a map keyed by language", async () => {
  const languages = ["fr", "nl", "ar"];
  const partners = settingsFields({ languages }).find((field) => field.name === "partners") as CmsField;
  const names = partners.fields?.find((field) => field.name === "names") as CmsField;
  assert.is(names.widget, "object");
  assert.is(names.required, false);
  assert.equal(
    names.fields?.map((field) => [field.name, field.widget, field.required]),
    languages.map((tag) => [tag, "string", false]),
  );
  // The schema's map is keyed by language tags and holds names: what the fields stand for.
  const map = schemaNode(campaignFileSchema).properties?.partners?.items?.anyOf?.find(
    (item) => item.properties,
  )?.properties?.names as SchemaNode & { propertyNames?: SchemaNode; additionalProperties?: SchemaNode };
  assert.is(map.propertyNames?.pattern, schemaNode(languageTag).pattern);
  assert.is(map.additionalProperties?.type, "string");
  // The shared list: every key of the shared partner (its id too), names in the examples' languages
  // and in any language partners.yaml already names.
  const config = (await cmsConfig({
    campaignsDir: path.join(ROOT, "campaigns"),
    repoRoot: ROOT,
    backend: { name: "local" },
  })) as { collections: { name: string; files?: { fields: CmsField[] }[] }[] };
  const shared = config.collections.find((collection) => collection.name === "partners");
  const partner = shared?.files?.[0]?.fields[0] as CmsField;
  assert.equal(
    fieldKeys(partner.fields?.filter((field) => field.name !== "names") ?? []).sort(),
    schemaKeys(schemaNode(sharedPartnerSchema))
      .filter((key) => !key.startsWith("names"))
      .sort(),
  );
  const sharedNames = partner.fields
    ?.find((field) => field.name === "names")
    ?.fields?.map((field) => field.name);
  for (const tag of ["fr", "nl", "de", "en", "ar", "lb"]) assert.ok(sharedNames?.includes(tag), tag);
});

test("a partner's French name edited in the shared list changes one line; empty names stay out", async () => {
  // The shared list as a team may write it: a comment between partners, a quoted name.
  const existing = (await fs.readFile(path.join(ROOT, "assets/partners.yaml"), "utf8"))
    .replace("  - id: surya\n", "  # Surya joined in 2019.\n  - id: surya\n")
    .replace("name: Pag-asa", 'name: "Pag-asa"');
  assert.match(existing, "# Surya joined in 2019.");
  const data = parse(existing) as { partners: Array<{ id: string; names?: Record<string, string> }> };
  for (const partner of data.partners) {
    // What the form sends: an untouched names group comes back empty or with cleared fields.
    if (partner.id === "fps-justice")
      partner.names = { ...partner.names, fr: "SPF Justice (Belgique)", ar: "" };
    else if (!partner.names) partner.names = partner.id === "payoke" ? {} : { nl: "" };
  }
  const merged = mergeYaml(existing, stringify(data));
  const before = existing.split("\n");
  const after = merged.split("\n");
  assert.is(after.length, before.length);
  assert.equal(
    after.filter((line, index) => line !== before[index]),
    ["      fr: SPF Justice (Belgique)"],
  );
  assert.is(mergeYaml(existing, stringify(parse(existing))), existing);
});

test("a save keeps what did not change as written", () => {
  const existing = '---\ntitle: A\ndescription: "Long: quoted"\n---\n\nBody.\n';
  const same = mergeMarkdown(existing, "---\ntitle: A\ndescription: >-\n  Long: quoted\n---\nBody.\n");
  assert.is(same, existing);
  const changed = mergeMarkdown(
    existing,
    "---\ntitle: B\ndescription: Long: quoted\n---\nBody.\n".replace("Long: quoted", '"Long: quoted"'),
  );
  assert.is(changed, '---\ntitle: B\ndescription: "Long: quoted"\n---\n\nBody.\n');
  assert.is(
    mergeYaml("# note\nlanguages: [fr, nl]\ndate: 2023-07-30\n", "languages: [fr, nl]\ndate: 2024-07-30\n"),
    "# note\nlanguages: [fr, nl]\ndate: 2024-07-30\n",
  );
});

test.run();
