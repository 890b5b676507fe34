/**
 * Ready to publish? What a valid campaign can still hold that must not go online as it is, and
 * the marks that say "checked, this one is meant".
 */
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadCampaign } from "../../src/campaign/load.ts";
import { isExampleHost, looksLikeSampleNumber, readiness } from "../../src/campaign/readiness.ts";
import { runCompiled } from "../helpers/compiled.ts";
import { type Edit, fixtureCampaign, TEMPLATES } from "../helpers/fixtures.ts";

const test = suite("readiness to publish");

/** The minimal fixture made ready: real addresses, one reviewed language, a day to come. */
const READY: Edit = {
  yaml: (text) =>
    text
      .replace("https://www.example.org/minimal/", "https://www.stoptraite.be/2099/")
      .replace("https://www.example.org/shelter/", "https://www.payoke.be/")
      .replace("2024-07-30", "2099-07-30")
      .replace("languages: [en, fr]", "languages: [en]"),
  files: {
    "content/page.en.md":
      "---\ntitle: Minimal campaign\ntagline: Every victim counts\ndescription: A small campaign used by the tests.\nreviewed: true\n---\n\nHelp is available in 2099.\n",
    "content/page.fr.md": null,
  },
};

async function codesOf(edit: Edit, on = "2026-12-05") {
  const { dir, cleanup } = await fixtureCampaign(edit);
  try {
    const result = await readiness(await loadCampaign(dir, { templatesDir: TEMPLATES }), on);
    return {
      items: result.items.map((item) => item.code),
      accepted: result.accepted.map((item) => item.code),
      unmatched: result.unmatched,
      first: result.items[0],
    };
  } finally {
    await cleanup();
  }
}

test("a campaign with nothing left to check is ready", async () => {
  assert.equal(await codesOf(READY), { items: [], accepted: [], unmatched: [], first: undefined });
});

test("placeholders left in are listed, each with its file, line and code", async () => {
  const { items, first } = await codesOf({});
  assert.equal(items, [
    "example-address url",
    "example-address partners[0].url",
    "past-date",
    "unreviewed content/page.en.md",
    "unreviewed content/page.fr.md",
    "unreviewed-strings",
  ]);
  assert.is(first?.line, 2);
  assert.is(first?.key, "url");
  assert.match(first?.message ?? "", '"https://www.example.org/minimal/" is an example address');
});

test("sample numbers, a placeholder logo, a day already past, a year left from last year", async () => {
  const { items } = await codesOf({
    yaml: (text) =>
      READY.yaml?.(text)
        .replace("2099-07-30", "2025-07-30")
        .replace("country: BE", 'country: BE\n    whatsapp: "+32 470 12 34 56"')
        .replace(
          "    url: https://www.payoke.be/",
          "    url: https://www.payoke.be/\n    placeholder: true",
        ) ?? text,
    files: READY.files,
  });
  assert.equal(items.sort(), [
    "past-date",
    "placeholder-logo partners[0]",
    "sample-number hotlines[0].whatsapp",
    "year-mention 2099",
  ]);
});

test("a mark under accepted: keeps its items apart; a mark that matches nothing is listed", async () => {
  const { items, accepted, unmatched } = await codesOf(
    {
      yaml: (text) => `${READY.yaml?.(text)}accepted: [past-date, "year-mention 1999"]\n`,
      files: READY.files,
    },
    "2100-01-01",
  );
  assert.equal(items, []);
  assert.equal(accepted, ["past-date"]);
  assert.equal(unmatched, ["year-mention 1999"]);
});

test("example hosts: reserved names and any domain called example", () => {
  for (const host of [
    "www.example.be",
    "example.org",
    "mail.example.com",
    "help.test",
    "x.invalid",
    "localhost",
  ])
    assert.ok(isExampleHost(host), host);
  for (const host of ["www.stoptraite.be", "payoke.be", "examples.org", "www.example-shelter.be"])
    assert.not.ok(isExampleHost(host), host);
});

test("sample numbers: digits counting up or down, or the plan's example; real lines are not", () => {
  assert.ok(looksLikeSampleNumber("+32 470 12 34 56", "BE"));
  assert.ok(looksLikeSampleNumber("0654 32 10 99", "NL"));
  assert.ok(looksLikeSampleNumber("+32 450 00 12 34", "BE"), "libphonenumber's example mobile number for BE");
  assert.not.ok(looksLikeSampleNumber("078 055 800", "BE"));
  assert.not.ok(looksLikeSampleNumber("0800 7000", "NL"));
});

test("check lists them as warnings; check --publish refuses the campaign, exit 1", async () => {
  const { campaignsDir, cleanup } = await fixtureCampaign();
  const root = path.dirname(campaignsDir);
  try {
    const warned = await runCompiled(["check"], root);
    assert.is(warned.code, 0, warned.stderr);
    assert.match(warned.stdout, "Ready to publish: not yet, 6 thing(s) to check:");
    assert.match(warned.stdout, "[example-address url]");
    const refused = await runCompiled(["check", "--publish"], root);
    assert.is(refused.code, 1);
    assert.match(refused.stderr, "campaigns/minimal/campaign.yaml:2 url:");
    assert.match(refused.stderr, "1 campaign(s) not ready to publish");
  } finally {
    await cleanup();
  }
});

test("check --publish passes a campaign that is ready", async () => {
  const { campaignsDir, cleanup } = await fixtureCampaign(READY);
  const root = path.dirname(campaignsDir);
  try {
    const result = await runCompiled(["check", "--publish"], root);
    assert.is(result.code, 0, result.stderr);
    assert.match(result.stdout, "Ready to publish.");
  } finally {
    await cleanup();
  }
});

test.run();
