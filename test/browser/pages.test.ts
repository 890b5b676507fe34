import path from "node:path";
import * as assert from "uvu/assert";
import { auditPage } from "../helpers/audit.ts";
import { FONT_SETUPS } from "../helpers/browser.ts";
import { exampleBrowserSuite } from "../helpers/example-browser.ts";
import { FIXTURES } from "../helpers/fixtures.ts";
import { serveStatic, TEST_CAMPAIGNS } from "../helpers/site.ts";

// Both font set-ups (browser.ts): the audit runs under the machine's default fonts, the sideways
// scroll at 320 px, a layout claim, under both.
const { test, it, state } = exampleBrowserSuite("pages in a real browser", FONT_SETUPS);

/** A campaign page of the examples, with its exit address. */
const campaignPage = () => state.pages.find((page) => /^\/[^/]+\/fr\/$/.test(page)) as string;

/**
 * Whether axe audits `page`: every page of the examples and of the template copies; of the test
 * campaigns (site.ts), whose other pages are the same templates with other words, the campaign
 * page of each language, with its language control.
 */
const axeAudits = (page: string) =>
  !TEST_CAMPAIGNS.some((slug) => page.startsWith(`/${slug}/`)) || /^\/[^/]+\/[^/]+\/$/.test(page);

it("every page, in the machine's default fonts: no axe violations, no foreign requests, no cookies, no sideways scroll at 320 px", async () => {
  const context = await state.browser.newContext({ viewport: { width: 320, height: 640 } });
  const failures: string[] = [];
  assert.ok(state.pages.length >= 10, `only ${state.pages.length} pages found`);
  for (const page of state.pages) {
    const audit = await auditPage(context, state.origin + page, { axe: axeAudits(page) });
    for (const violation of audit.violations) failures.push(`${page} axe ${violation}`);
    for (const request of audit.foreignRequests) failures.push(`${page} requested ${request}`);
    if (audit.cookies > 0) failures.push(`${page} set ${audit.cookies} cookies`);
    if (audit.horizontalOverflow > 0)
      failures.push(`${page} scrolls ${audit.horizontalOverflow}px sideways at 320px`);
  }
  await context.close();
  assert.equal(failures, []);
});

it("under the wide fallback fonts too, no page scrolls sideways at 320 px", async () => {
  const failures: string[] = [];
  for (const { fonts, browser } of state.browsers.slice(1)) {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    for (const sitePath of state.pages) {
      await page.goto(state.origin + sitePath, { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready);
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      if (sideways > 0) failures.push(`${sitePath} scrolls ${sideways}px sideways at 320px (${fonts} fonts)`);
    }
    await page.close();
  }
  assert.ok(state.browsers.length > 1);
  assert.equal(failures, []);
});

it("keyboard order: the skip link first, then the safety exit", async () => {
  const page = await state.browser.newPage();
  await page.goto(state.origin + campaignPage());
  await page.keyboard.press("Tab");
  assert.is(await page.evaluate(() => document.activeElement?.className), "skip-link");
  await page.keyboard.press("Tab");
  assert.is(await page.evaluate(() => document.activeElement?.className), "exit-button");
  await page.close();
});

it("a deliberately broken page is caught: missing alt, low contrast, external script", async () => {
  const server = await serveStatic(path.join(FIXTURES, "broken-site"));
  const context = await state.browser.newContext();
  const audit = await auditPage(context, `${server.origin}/broken/`);
  await context.close();
  await server.close();
  const rules = audit.violations.map((violation) => violation.split(":")[0]);
  assert.ok(rules.includes("image-alt"), rules.join(", "));
  assert.ok(rules.includes("color-contrast"), rules.join(", "));
  assert.equal(audit.foreignRequests, ["https://cdn.example.com/tracker.js"]);
});

test.run();
