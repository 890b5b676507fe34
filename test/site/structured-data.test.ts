/**
 * Reads the JSON-LD of every campaign page of the built examples back, checks it against the
 * campaigns, and expands it with a JSON-LD processor. The schema.org context is served from a
 * local file (a subset of schema.org's own: its vocabulary and the address-typed properties used
 * here), so nothing is fetched.
 */
import fs from "node:fs/promises";
import path from "node:path";
import jsonld from "jsonld";
import { parse } from "node-html-parser";
import * as assert from "uvu/assert";
import { type Campaign, loadCampaigns } from "../../src/campaign/index.ts";
import { FIXTURES, ROOT } from "../helpers/fixtures.ts";
import { exampleSite } from "../helpers/site.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("JSON-LD of every campaign page");
const SCHEMA = "https://schema.org";
const S = "https://schema.org/";

// biome-ignore lint/suspicious/noExplicitAny: the JSON-LD is read back as plain data
type Json = any;

let site = "";
let campaigns: Campaign[] = [];
let context: Json;
test.before(async () => {
  site = await exampleSite();
  campaigns = await loadCampaigns(path.join(ROOT, "campaigns"), {
    templatesDir: path.join(ROOT, "templates"),
  });
  context = JSON.parse(await fs.readFile(path.join(FIXTURES, "jsonld/schema-org-context.jsonld"), "utf8"));
});

const requested: string[] = [];
const documentLoader = async (url: string) => {
  requested.push(url);
  if (url.replace(/\/$/, "") !== SCHEMA) throw new Error(`no network in tests: ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: context };
};

async function jsonLdOf(slug: string, lang: string): Promise<Json[]> {
  const html = await fs.readFile(path.join(site, slug, lang, "index.html"), "utf8");
  return parse(html)
    .querySelectorAll('script[type="application/ld+json"]')
    .map((script) => JSON.parse(script.textContent));
}

test("every language page has one JSON-LD block that matches its campaign", async () => {
  assert.ok(campaigns.length >= 2);
  for (const campaign of campaigns) {
    for (const lang of campaign.languages) {
      const blocks = await jsonLdOf(campaign.slug, lang);
      assert.is(blocks.length, 1, `${campaign.slug}/${lang}`);
      const graph = blocks[0]["@graph"] as Json[];
      assert.is(blocks[0]["@context"], SCHEMA);
      const [organisation, ...rest] = graph;
      const event = rest.pop();
      assert.is(organisation["@type"], "Organization");
      assert.equal(
        organisation.contactPoint.map((point: Json) => point.telephone),
        campaign.hotlines.map((hotline) => hotline.e164),
      );
      for (const [index, point] of organisation.contactPoint.entries()) {
        const hotline = campaign.hotlines[index];
        assert.match(point.telephone, /^\+[1-9]\d{6,14}$/);
        assert.is(point.areaServed, hotline.country);
        assert.ok(point.contactType);
        assert.equal(
          point.availableLanguage,
          hotline.details?.languages.length ? hotline.details.languages : undefined,
        );
        const week = hotline.details?.hours?.week;
        const openDays = (point.hoursAvailable ?? []).flatMap((spec: Json) => spec.dayOfWeek).length;
        assert.is(openDays, week ? week.flat().length : 0, `${campaign.slug} hours`);
      }
      assert.equal(
        rest.map((partner: Json) => partner.name),
        campaign.partners.map((partner) => partner.name),
      );
      for (const partner of rest) {
        assert.is(partner["@type"], "Organization");
        const logo = new URL(partner.logo).pathname.replace(new URL(campaign.url).pathname, "");
        await fs.access(path.join(site, campaign.slug, logo));
      }
      assert.is(event["@type"], "Event");
      assert.is(event.startDate, campaign.date);
      assert.is(event.inLanguage, lang);
      assert.is(event.name, campaign.content[lang].title);
      assert.is(event.organizer["@id"], organisation["@id"]);
    }
  }
});

test("the Belgian example's line has hours, languages and a mailbox", async () => {
  const [block] = await jsonLdOf("blue-heart-2023-be", "nl");
  const point = block["@graph"][0].contactPoint[0];
  assert.equal(point.availableLanguage, ["nl", "fr", "en"]);
  assert.equal(point.hoursAvailable, [
    {
      "@type": "OpeningHoursSpecification",
      dayOfWeek: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"].map((day) => S + day),
      opens: "09:00",
      closes: "17:00",
    },
  ]);
  assert.is(point.email, "help@example.be");
});

test("a JSON-LD processor expands every block with the local context, dropping nothing", async () => {
  for (const campaign of campaigns) {
    for (const lang of campaign.languages) {
      const [block] = await jsonLdOf(campaign.slug, lang);
      const expanded = await jsonld.expand(block, { documentLoader, safe: true } as Json);
      const nodes = (await jsonld.flatten(expanded as Json)) as unknown as Json[];
      const event = nodes.find((node) => node["@type"]?.includes(`${S}Event`));
      assert.ok(event, `${campaign.slug}/${lang}: no Event after expansion`);
      assert.is(event[`${S}startDate`][0]["@value"], campaign.date);
      const phones = nodes
        .flatMap((node) => node[`${S}telephone`] ?? [])
        .map((value: Json) => value["@value"]);
      assert.equal(
        phones,
        campaign.hotlines.map((hotline) => hotline.e164),
      );
    }
  }
  assert.ok(requested.length > 0);
  assert.ok(requested.every((url) => url.startsWith(SCHEMA)));
});

test.run();
