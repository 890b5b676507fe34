import fs from "node:fs/promises";
import path from "node:path";
import { type HTMLElement, parse } from "node-html-parser";
import * as assert from "uvu/assert";
import { build } from "../../src/build/build.ts";
import { CampaignError } from "../../src/campaign/index.ts";
import { fixtureCampaign, ROOT, tempDir } from "../helpers/fixtures.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("build");

let out = "";
let campaignsDir = "";
let cleanupFixture: () => Promise<void> = async () => {};

test.before(async () => {
  const fixture = await fixtureCampaign();
  campaignsDir = fixture.campaignsDir;
  cleanupFixture = fixture.cleanup;
  out = path.join(await tempDir("campaign-site-"), "_site");
  await build({ root: ROOT, campaignsDir, outDir: out });
});

test.after(async () => {
  await cleanupFixture();
  await fs.rm(path.dirname(out), { recursive: true, force: true });
});

async function page(sitePath: string): Promise<HTMLElement> {
  return parse(await fs.readFile(path.join(out, sitePath), "utf8"));
}

const attr = (root: HTMLElement, selector: string, name: string) =>
  root.querySelector(selector)?.getAttribute(name);

test("writes the index, the chooser and one page per language", async () => {
  for (const file of ["index.html", "minimal/index.html", "minimal/en/index.html", "minimal/fr/index.html"]) {
    await fs.access(path.join(out, file));
  }
  const index = await page("index.html");
  assert.is(attr(index, ".campaign-list a", "href"), "minimal/");
  assert.is(index.querySelector(".campaign-list a")?.text, "Minimal campaign");
});

test("the chooser names every language in itself with lang and hreflang", async () => {
  const chooser = await page("minimal/index.html");
  const links = chooser.querySelectorAll(".chooser a");
  assert.equal(
    links.map((link) => [
      link.text,
      link.getAttribute("lang"),
      link.getAttribute("hreflang"),
      link.getAttribute("href"),
    ]),
    [
      ["English", "en", "en", "en/"],
      ["Français", "fr", "fr", "fr/"],
    ],
  );
});

test("a language page has its language, metadata and alternates", async () => {
  const fr = await page("minimal/fr/index.html");
  const html = fr.querySelector("html");
  assert.is(html?.getAttribute("lang"), "fr");
  assert.is(html?.getAttribute("dir"), "ltr");
  assert.is(fr.querySelector("title")?.text, "Campagne minimale");
  assert.is(attr(fr, 'meta[name="description"]', "content"), "Une petite campagne utilisée par les tests.");
  assert.is(attr(fr, 'link[rel="canonical"]', "href"), "https://www.example.org/minimal/fr/");
  const alternates = fr
    .querySelectorAll('link[rel="alternate"]')
    .map((link) => `${link.getAttribute("hreflang")} ${link.getAttribute("href")}`);
  assert.equal(alternates, [
    "en https://www.example.org/minimal/en/",
    "fr https://www.example.org/minimal/fr/",
    "x-default https://www.example.org/minimal/",
  ]);
  assert.is(attr(fr, 'meta[property="og:url"]', "content"), "https://www.example.org/minimal/fr/");
  assert.is(attr(fr, 'meta[property="og:locale"]', "content"), "fr");
  assert.is(attr(fr, 'meta[property="og:locale:alternate"]', "content"), "en");
  assert.is(attr(fr, 'meta[property="og:title"]', "content"), "Campagne minimale");
  assert.is(
    attr(fr, 'meta[property="og:description"]', "content"),
    "Une petite campagne utilisée par les tests.",
  );
  assert.is(fr.querySelector("h1")?.text, "Campagne minimale");
  assert.is(fr.querySelector(".tagline")?.text, "Chaque victime compte");
  assert.is(fr.querySelector("time")?.text, "30\u00a0juillet\u00a02024");
});

test("titles are unique across the site", async () => {
  const titles = await Promise.all(
    ["minimal/index.html", "minimal/en/index.html", "minimal/fr/index.html"].map(
      async (file) => (await page(file)).querySelector("title")?.text,
    ),
  );
  assert.is(new Set(titles).size, titles.length, titles.join(" | "));
});

test("the hotline: number as written, tel: in E.164, left-to-right", async () => {
  const en = await page("minimal/en/index.html");
  const link = en.querySelector(".hotline-number");
  assert.is(link?.text.replace(/\u00a0/g, " "), "078 055 800"); // non-breaking spaces keep it on one line
  assert.is(link?.getAttribute("href"), "tel:+3278055800");
  assert.is(link?.getAttribute("dir"), "ltr");
  // Also on one line: "From abroad: +32 78 05 58 00" with non-breaking spaces in the number.
  assert.match(en.querySelector(".hotline-international")?.text ?? "", "+32\u00a078\u00a005\u00a058\u00a000");
});

test("partner logos: picture with modern formats, width, height and the name as alt", async () => {
  const en = await page("minimal/en/index.html");
  const img = en.querySelector(".partners img");
  assert.is(img?.getAttribute("alt"), "Example Shelter");
  assert.ok(Number(img?.getAttribute("width")) > 0);
  assert.ok(Number(img?.getAttribute("height")) > 0);
  const types = en.querySelectorAll(".partners source").map((source) => source.getAttribute("type"));
  assert.equal(types, ["image/avif", "image/webp"]);
});

test("every relative link, image, stylesheet and script exists", async () => {
  for (const file of ["index.html", "minimal/index.html", "minimal/en/index.html", "minimal/fr/index.html"]) {
    const root = await page(file);
    const refs = [
      ...root.querySelectorAll("a[href], link[href]").map((el) => el.getAttribute("href") ?? ""),
      ...root.querySelectorAll("img[src], script[src]").map((el) => el.getAttribute("src") ?? ""),
      ...root
        .querySelectorAll("source[srcset]")
        .flatMap((el) =>
          (el.getAttribute("srcset") ?? "").split(", ").map((candidate) => candidate.split(" ")[0]),
        ),
    ].filter((ref) => !/^[a-z]+:/.test(ref) && !ref.startsWith("#"));
    assert.ok(refs.length > 0);
    for (const ref of refs) {
      let target = path.join(path.dirname(path.join(out, file)), ref);
      if (ref.endsWith("/")) target = path.join(target, "index.html");
      await fs.access(target).catch(() => assert.unreachable(`${file} links to missing ${ref}`));
    }
  }
});

test("sitemap with language alternates, robots.txt", async () => {
  const sitemap = await fs.readFile(path.join(out, "minimal/sitemap.xml"), "utf8");
  assert.match(sitemap, "<loc>https://www.example.org/minimal/fr/</loc>");
  assert.match(
    sitemap,
    '<xhtml:link rel="alternate" hreflang="en" href="https://www.example.org/minimal/en/"/>',
  );
  const robots = await fs.readFile(path.join(out, "minimal/robots.txt"), "utf8");
  assert.match(robots, "Sitemap: https://www.example.org/minimal/sitemap.xml");
  await fs.access(path.join(out, "robots.txt"));
});

test("an invalid campaign writes nothing and keeps the previous output", async () => {
  const before = await fs.readFile(path.join(out, "minimal/en/index.html"), "utf8");
  const yaml = path.join(campaignsDir, "minimal/campaign.yaml");
  const good = await fs.readFile(yaml, "utf8");
  await fs.writeFile(yaml, good.replace("2024-07-30", "2024-02-30"));
  try {
    await build({ root: ROOT, campaignsDir, outDir: out });
    assert.unreachable("expected a CampaignError");
  } catch (error) {
    assert.instance(error, CampaignError);
  } finally {
    await fs.writeFile(yaml, good);
  }
  assert.is(await fs.readFile(path.join(out, "minimal/en/index.html"), "utf8"), before);
  const leftovers = (await fs.readdir(path.dirname(out))).filter((name) => name !== "_site");
  assert.equal(leftovers, []);
});

test("a one-campaign build keeps the other campaigns' output and the site-wide index", async () => {
  await fs.cp(path.join(campaignsDir, "minimal"), path.join(campaignsDir, "second"), { recursive: true });
  const secondYaml = path.join(campaignsDir, "second/campaign.yaml");
  await fs.writeFile(secondYaml, (await fs.readFile(secondYaml, "utf8")).replace("/minimal/", "/second/"));
  await build({ root: ROOT, campaignsDir, outDir: out });
  const kept = ["minimal/en/index.html", "index.html", "sitemap.xml"];
  const before = await Promise.all(kept.map((file) => fs.readFile(path.join(out, file))));

  // Both campaigns change; only the second is built.
  const edit = async (file: string, from: string, to: string) =>
    fs.writeFile(file, (await fs.readFile(file, "utf8")).replace(from, to));
  const minimalEn = path.join(campaignsDir, "minimal/content/page.en.md");
  const minimalWords = await fs.readFile(minimalEn, "utf8");
  await edit(minimalEn, "Minimal campaign", "Minimal campaign, edited");
  await edit(path.join(campaignsDir, "second/content/page.en.md"), "Minimal campaign", "Second campaign");
  const report = await build({ root: ROOT, campaignsDir, outDir: out, only: ["second"] });
  assert.equal(
    report.campaigns.map((campaign) => campaign.slug),
    ["second"],
  );
  assert.is(report.upToDate, false);
  assert.match(await fs.readFile(path.join(out, "second/en/index.html"), "utf8"), "<h1>Second campaign</h1>");
  for (const [i, file] of kept.entries())
    assert.ok((await fs.readFile(path.join(out, file))).equals(before[i]), `${file} was rewritten`);

  await fs.writeFile(minimalEn, minimalWords);
  await fs.rm(path.join(campaignsDir, "second"), { recursive: true });
  await build({ root: ROOT, campaignsDir, outDir: out });
});

/** Every file under `dir` with its bytes. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const file of (await fs.readdir(dir, { recursive: true })).sort()) {
    const full = path.join(dir, file);
    if ((await fs.stat(full)).isFile()) files.set(file, await fs.readFile(full));
  }
  return files;
}

/** Edits the fixture, expects the build to fail after it started writing, and restores it. */
async function failsAfterStaging(file: string, edit: (text: string) => string, expected: RegExp) {
  const before = await snapshot(out);
  const full = path.join(campaignsDir, "minimal", file);
  const good = await fs.readFile(full, "utf8");
  await fs.writeFile(full, edit(good));
  let stagingSeen = false;
  const watcher = setInterval(async () => {
    const names = await fs.readdir(path.dirname(out)).catch(() => [] as string[]);
    if (names.some((name) => name.startsWith("_site.building-"))) stagingSeen = true;
  }, 1);
  try {
    await build({ root: ROOT, campaignsDir, outDir: out });
    assert.unreachable("expected the build to fail");
  } catch (error) {
    assert.instance(error, CampaignError);
    assert.match((error as Error).message, expected);
  } finally {
    clearInterval(watcher);
    await fs.writeFile(full, good);
  }
  assert.ok(stagingSeen, "the build failed before it staged anything, so the swap was not tested");
  const after = await snapshot(out);
  assert.equal([...after.keys()], [...before.keys()]);
  for (const [name, bytes] of before) assert.ok(after.get(name)?.equals(bytes), `${name} changed`);
  assert.equal(await fs.readdir(path.dirname(out)), ["_site"], "a staging folder was left behind");
}

test("a title too long for a share image fails after staging and leaves _site as it was", async () => {
  await failsAfterStaging(
    "content/page.en.md",
    (text) =>
      text.replace("title: Minimal campaign", `title: ${"Unbreakablewordthatnevercanwrap ".repeat(40)}`),
    /content\/page\.en\.md title: too long for the og share image/,
  );
});

test("a character no shipped font has fails after staging and leaves _site as it was", async () => {
  await failsAfterStaging(
    "content/page.fr.md",
    (text) => text.replace(/^tagline: .*$/m, "tagline: ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ"),
    /content\/page\.fr\.md tagline: .*no shipped font can draw/,
  );
});

test("a whole-site check failure leaves _site as it was", async () => {
  await failsAfterStaging("content/page.en.md", (text) => `${text}\n[More](../nowhere/)\n`, /nowhere/);
});

test("a regional tag keeps its full lang attribute and uses its language's UI strings", async () => {
  const { campaignsDir, cleanup } = await fixtureCampaign({
    yaml: (text) => text.replace("[en, fr]", "[en, fr-BE]"),
    files: {
      "content/page.fr-BE.md": "---\ntitle: Campagne belge\ntagline: t\ndescription: d\n---\n",
      "content/page.fr.md": null,
    },
  });
  const regional = path.join(await tempDir("regional-"), "_site");
  await build({ root: ROOT, campaignsDir, outDir: regional });
  const page = parse(await fs.readFile(path.join(regional, "minimal/fr-be/index.html"), "utf8"));
  assert.is(page.querySelector("html")?.getAttribute("lang"), "fr-BE");
  assert.is(page.querySelector(".skip-link")?.text, "Aller au contenu principal");
  assert.is(page.querySelector('meta[property="og:locale"]')?.getAttribute("content"), "fr_BE");
  await cleanup();
  await fs.rm(path.dirname(regional), { recursive: true });
});

test.run();
