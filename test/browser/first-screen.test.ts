import type { Browser } from "playwright-core";
import * as assert from "uvu/assert";
import { findBrowser, launchBrowser } from "../helpers/browser.ts";
import { exampleSite, htmlPages, serveStatic } from "../helpers/site.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("the first screen of a phone");
const it = findBrowser() || process.env.REQUIRE_BROWSER === "1" ? test : test.skip;

const state = {} as { browser: Browser; origin: string; pages: string[]; close: () => Promise<void> };

test.before(async () => {
  const browser = await launchBrowser();
  if (!browser) return;
  const site = await exampleSite();
  const server = await serveStatic(site);
  Object.assign(state, { browser, origin: server.origin, pages: await htmlPages(site), close: server.close });
});

test.after(async () => {
  await state.browser?.close();
  await state.close?.();
});

/** Campaign pages of one language: /slug/lang/ */
const campaignPages = () => state.pages.filter((page) => /^\/[^/]+\/[^/]+\/$/.test(page));

it("at 360 × 640, in every language, the main hotline is a large tap target inside the first screen", async () => {
  const context = await state.browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  const failures: string[] = [];
  const pages = campaignPages();
  assert.ok(pages.length >= 9, `only ${pages.length} campaign pages found`);
  for (const path of pages) {
    await page.goto(state.origin + path);
    const box = await page.locator('main a[href^="tel:"]').first().boundingBox();
    if (!box) {
      failures.push(`${path}: no tel: link in main`);
      continue;
    }
    if (box.y < 0 || box.y + box.height > 640 || box.x < 0 || box.x + box.width > 360)
      failures.push(
        `${path}: tel: link at ${Math.round(box.x)},${Math.round(box.y)} (${box.width}×${box.height}) is outside 360×640`,
      );
    if (box.height < 48 || box.width < 48)
      failures.push(`${path}: tel: link is ${box.width}×${box.height}, under 48 px`);
  }
  await context.close();
  assert.equal(failures, []);
});

it("the hero shows the emblem, the date, the title and the tagline", async () => {
  const page = await state.browser.newPage({ viewport: { width: 360, height: 640 } });
  await page.goto(`${state.origin}${campaignPages()[0]}`);
  for (const selector of [".hero svg.emblem", ".hero time", ".hero h1", ".hero .tagline"])
    assert.ok(await page.locator(selector).isVisible(), `${selector} is not visible`);
  await page.close();
});

test.run();
