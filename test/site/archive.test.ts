import fs from "node:fs/promises";
import path from "node:path";
import { parse } from "node-html-parser";
import sharp from "sharp";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { addedCampaigns, exampleSite } from "../helpers/site.ts";

const test = suite("the site-wide archive (_site/index.html)");

test("editions newest first, each with its share image, its date written out and its languages by endonym", async () => {
  const site = await exampleSite();
  const root = parse(await fs.readFile(path.join(site, "index.html"), "utf8"));
  // The examples' editions, without the test campaigns and the copies that cover other templates.
  const copies = (await addedCampaigns()).map((slug) => `${slug}/`);
  const editions = root
    .querySelectorAll(".edition")
    .filter(
      (edition) =>
        !copies.some((slug) => edition.querySelector("img")?.getAttribute("src")?.startsWith(slug)),
    );
  assert.is(editions.length, 2);
  const dates = editions.map((edition) => edition.querySelector("time")?.getAttribute("datetime"));
  assert.equal(dates, ["2023-07-30", "2021-07-30"]);
  assert.is(editions[0].querySelector("time")?.text, "30\u00a0July\u00a02023");
  const thumbnail = editions[0].querySelector("img")?.getAttribute("src") as string;
  const { width } = await sharp(path.join(site, thumbnail)).metadata();
  assert.is(width, 1200);
  const languages = editions[0].querySelectorAll(".edition-languages a").map((a) => a.text);
  assert.equal(languages, ["Français", "Nederlands", "Deutsch", "English", "العربية", "Lëtzebuergesch"]);
  assert.is(editions[0].querySelector('.edition-languages a[lang="ar"]')?.getAttribute("dir"), "rtl");
});

test("the site-wide robots.txt names each campaign's sitemap on a line of its own", async () => {
  const site = await exampleSite();
  const lines = (await fs.readFile(path.join(site, "robots.txt"), "utf8")).split("\n").filter(Boolean);
  const copies = (await addedCampaigns()).map(
    (slug) => `Sitemap: https://www.example.org/${slug}/sitemap.xml`,
  );
  assert.equal(
    lines.filter((line) => !copies.includes(line)),
    [
      "User-agent: *",
      "Allow: /",
      "Sitemap: https://www.example.be/blue-heart-2023/sitemap.xml",
      "Sitemap: https://www.example.org/benelux-2021/sitemap.xml",
    ],
  );
});

test.run();
