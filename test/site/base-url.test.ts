import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "node-html-parser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../../src/build/build.ts";
import { fixtureCampaign, ROOT } from "../helpers/fixtures.ts";

const run = promisify(execFile);
const test = suite("build --base-url");
const BASE = "https://staging.example.net/preview/";

test("canonical, Open Graph, sitemaps and robots.txt follow the base URL; campaign.yaml is unchanged", async () => {
  const { campaignsDir, dir, cleanup } = await fixtureCampaign();
  const yaml = await fs.readFile(path.join(dir, "campaign.yaml"), "utf8");
  const out = path.join(path.dirname(campaignsDir), "_site");
  await build({ root: ROOT, campaignsDir, outDir: out, baseUrl: BASE });
  const html = parse(await fs.readFile(path.join(out, "minimal/en/index.html"), "utf8"));
  const attribute = (selector: string, name: string) =>
    html.querySelector(selector)?.getAttribute(name) ?? "";
  assert.is(attribute('link[rel="canonical"]', "href"), `${BASE}minimal/en/`);
  assert.is(attribute('meta[property="og:url"]', "content"), `${BASE}minimal/en/`);
  assert.ok(attribute('meta[property="og:image"]', "content").startsWith(`${BASE}minimal/en/share/`));
  for (const link of html.querySelectorAll('link[rel="alternate"]')) {
    assert.ok(link.getAttribute("href")?.startsWith(`${BASE}minimal/`), link.toString());
  }
  const sitemap = await fs.readFile(path.join(out, "minimal/sitemap.xml"), "utf8");
  const locations = [...sitemap.matchAll(/(?:<loc>|href=")([^<"]+)/g)].map((match) => match[1]);
  assert.ok(locations.length > 0);
  for (const location of locations) assert.ok(location.startsWith(`${BASE}minimal/`), location);
  assert.match(
    await fs.readFile(path.join(out, "minimal/robots.txt"), "utf8"),
    `Sitemap: ${BASE}minimal/sitemap.xml`,
  );
  assert.match(await fs.readFile(path.join(out, "sitemap.xml"), "utf8"), `${BASE}minimal/sitemap.xml`);
  assert.is(await fs.readFile(path.join(dir, "campaign.yaml"), "utf8"), yaml);

  // Built again without it, the campaign's own url is back (the earlier output is not reused).
  await build({ root: ROOT, campaignsDir, outDir: out });
  const again = await fs.readFile(path.join(out, "minimal/en/index.html"), "utf8");
  assert.not.match(again, BASE);
  await cleanup();
});

test("a base URL that is not an absolute http(s) address is refused with a clear message", async () => {
  const { campaignsDir, cleanup } = await fixtureCampaign();
  const tsx = path.join(ROOT, "node_modules/.bin/tsx");
  for (const bad of ["staging.example.net", "ftp://example.net/", "https://example.net/?x=1"]) {
    const failure = (await run(
      tsx,
      [path.join(ROOT, "src/cli.ts"), "build", "--campaigns", campaignsDir, "--base-url", bad],
      {
        cwd: ROOT,
      },
    ).catch((error) => error)) as { code: number; stderr: string };
    assert.is(failure.code, 2, bad);
    assert.match(failure.stderr, `--base-url: "${bad}"`);
    assert.not.match(failure.stderr, "    at ");
  }
  await cleanup();
});

test.run();
