import fs from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { CampaignError } from "../../src/campaign/index.ts";
import { verifySite } from "../../src/site/verify.ts";
import { tempDir } from "../helpers/fixtures.ts";

const campaigns = [{ slug: "demo", url: "https://www.example.org/demo/", languages: ["en"] }];

function page(lang: string, alternates: string[], body = "") {
  const links = alternates.map(
    (alt) => `<link rel="alternate" hreflang="${alt}" href="https://www.example.org/demo/${alt}/">`,
  );
  return `<!DOCTYPE html><html lang="${lang}"><head><title>T</title><meta name="description" content="d">
<link rel="canonical" href="https://www.example.org/demo/${lang}/">${links.join("")}
<meta property="og:title" content="t"><meta property="og:description" content="d"><meta property="og:url" content="u">
<meta property="og:image" content="https://www.example.org/demo/og.png"><meta property="og:image:alt" content="a">
<meta name="twitter:card" content="summary_large_image"></head><body>${body}</body></html>`;
}

async function site(files: Record<string, string>): Promise<string> {
  const dir = await tempDir("verify-");
  for (const [file, text] of Object.entries({ "demo/og.png": "png", ...files })) {
    await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await fs.writeFile(path.join(dir, file), text);
  }
  return dir;
}

async function problems(dir: string): Promise<string[]> {
  try {
    await verifySite(dir, campaigns);
    return [];
  } catch (error) {
    assert.instance(error, CampaignError);
    return (error as CampaignError).problems.map(
      (problem) => `${path.relative(dir, problem.file)}: ${problem.message}`,
    );
  } finally {
    await fs.rm(dir, { recursive: true });
  }
}

const test = suite("verifySite");

test("a complete site passes", async () => {
  const dir = await site({
    "demo/en/index.html": page("en", ["en", "fr"], '<a href="../fr/">fr</a>'),
    "demo/fr/index.html": page("fr", ["en", "fr"], '<a href="../en/">en</a>'),
  });
  assert.equal(await problems(dir), []);
});

test("a broken link, image or stylesheet names the page and the reference", async () => {
  const dir = await site({
    "demo/en/index.html": page(
      "en",
      ["en"],
      '<a href="../de/">de</a><img src="missing.png" alt="x"><link rel="stylesheet" href="x.css">',
    ),
  });
  assert.equal((await problems(dir)).sort(), [
    "demo/en/index.html: links to ../de/, which does not exist in the site",
    "demo/en/index.html: links to missing.png, which does not exist in the site",
    "demo/en/index.html: links to x.css, which does not exist in the site",
  ]);
});

test("an hreflang alternate that does not link back is refused", async () => {
  const dir = await site({
    "demo/en/index.html": page("en", ["en", "fr"]),
    "demo/fr/index.html": page("fr", ["fr"]),
  });
  assert.equal(await problems(dir), [
    'demo/fr/index.html: does not link back to https://www.example.org/demo/en/, which names it as its "fr" alternate',
  ]);
});

test("a page without its promised tags is refused", async () => {
  const dir = await site({
    "demo/en/index.html": '<!DOCTYPE html><html lang="en"><head><title>T</title></head><body></body></html>',
  });
  const found = await problems(dir);
  assert.ok(found.includes('demo/en/index.html: has no meta[name="description"]'), found.join("\n"));
  assert.ok(found.includes('demo/en/index.html: has no meta[property="og:image"]'), found.join("\n"));
});

test("a language of the campaign without its page is refused (a build that wrote no pages)", async () => {
  const dir = await site({ "demo/index.html": '<!DOCTYPE html><html lang="en"><title>x</title></html>' });
  assert.ok((await problems(dir)).includes("demo/en/index.html: the build wrote no page here"));
});

test("a regional language's page is looked for where the build writes it: nl-BE under nl-be/", async () => {
  const html = page("nl-BE", ["nl-BE"]).replaceAll("/demo/nl-BE/", "/demo/nl-be/");
  const dir = await site({ "demo/nl-be/index.html": html });
  try {
    await verifySite(dir, [{ slug: "demo", url: "https://www.example.org/demo/", languages: ["nl-BE"] }]);
  } catch (error) {
    assert.unreachable((error as CampaignError).problems.map((problem) => problem.message).join("; "));
  } finally {
    await fs.rm(dir, { recursive: true });
  }
});

test.run();
