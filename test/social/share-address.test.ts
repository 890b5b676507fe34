import fs from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadDesign } from "../../src/social/design.ts";
import { planShareImages, renderShareImages } from "../../src/social/index.ts";
import { TEMPLATES, tempDir } from "../helpers/fixtures.ts";

const design = await loadDesign(path.join(TEMPLATES, "default"));

const plan = (url: string) =>
  planShareImages({
    slug: "demo",
    languagePath: "fr",
    lang: "fr",
    dir: "ltr",
    theme: { primary: "#1d4ed8", background: "#ffffff" },
    title: "Cœur bleu",
    tagline: "Chaque victime compte",
    dateText: "30 juillet 2023",
    url,
    hotlineLabel: "Ligne d’assistance",
    hotlineNumber: "078 055 800",
    logos: [],
    contentFile: "campaigns/demo/content/fr.md",
    design,
  });

const test = suite("the site's address on share images");

test("the cards carry the address without protocol and the date as written for the page", () => {
  const [og] = plan("https://www.example.be/2023/");
  assert.is(og.card.address, "www.example.be/2023");
  assert.is(og.card.date, "30 juillet 2023");
});

test("an address too long for a card is reported against campaign.yaml's url", async () => {
  const cacheDir = await tempDir("share-cache-");
  const report = await renderShareImages(
    plan(`https://www.example.be/${"x".repeat(300)}/`).slice(0, 1),
    cacheDir,
  );
  assert.is(report.problems.length, 1);
  assert.equal([report.problems[0].file, report.problems[0].key], ["campaigns/demo/campaign.yaml", "url"]);
  assert.match(
    report.problems[0].message,
    /^too long for the og share image \(1200×630\): does not fit even at 12 px/,
  );
  await fs.rm(cacheDir, { recursive: true });
});

test.run();
