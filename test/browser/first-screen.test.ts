import * as assert from "uvu/assert";
import { exampleBrowserSuite } from "../helpers/example-browser.ts";

const { test, it, state } = exampleBrowserSuite("the first screen of a phone");

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
