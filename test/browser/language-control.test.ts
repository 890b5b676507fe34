/**
 * The language control above the hero (partials/switcher.njk): on a phone one line, the current
 * language's name, that opens the list of every language; where the whole list fits in one row,
 * the list itself. Without JavaScript, by keyboard, mirrored right to left, under both font
 * set-ups (browser.ts).
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import * as assert from "uvu/assert";
import { endonym, textDirection } from "../../src/i18n/languages.ts";
import { AXE_TAGS } from "../helpers/audit.ts";
import { FONT_SETUPS } from "../helpers/browser.ts";
import { exampleBrowserSuite } from "../helpers/example-browser.ts";

const { test, it, state } = exampleBrowserSuite("the language control", FONT_SETUPS);

/** Campaign pages of one language: /slug/lang/ */
const campaignPages = () => state.pages.filter((page) => /^\/[^/]+\/[^/]+\/$/.test(page));

interface Control {
  /** The summary's text, or null when the control is hidden (the list is shown instead). */
  summary: string | null;
  /** The name of the page's own language in the list. */
  current: string;
  /** The top edges of the visible language links. */
  rows: number[];
  /** The block size of the whole control. */
  height: number;
}

async function control(page: Page): Promise<Control> {
  // A string, so the code runs in the page exactly as written (no helpers added by the compiler).
  return (await page.evaluate(`(() => {
    const summary = document.querySelector(".switcher summary");
    const links = [...document.querySelectorAll(".switcher a")].filter((link) => link.checkVisibility());
    return {
      summary: summary.checkVisibility() ? summary.textContent.trim() : null,
      current: document.querySelector('.switcher a[aria-current="page"]').textContent.trim(),
      rows: [...new Set(links.map((link) => Math.round(link.getBoundingClientRect().top)))],
      height: document.querySelector(".switcher").getBoundingClientRect().height,
    };
  })()`)) as Control;
}

it("on a 360 px phone, in every language: one line naming the page's language, the list closed", async () => {
  const failures: string[] = [];
  for (const { fonts, browser } of state.browsers) {
    const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
    for (const path of campaignPages()) {
      await page.goto(state.origin + path);
      await page.evaluate(() => document.fonts.ready);
      const found = await control(page);
      const where = `${path} (${fonts} fonts)`;
      if (found.summary !== found.current) failures.push(`${where}: the control says ${found.summary}`);
      if (found.rows.length > 0) failures.push(`${where}: ${found.rows.length} rows of links shown closed`);
      if (found.height > 64) failures.push(`${where}: the control is ${found.height} px high`);
    }
    await page.close();
  }
  assert.equal(failures, []);
});

/** Presses Tab until the summary has the focus, as a keyboard user would reach it. */
async function tabToSummary(page: Page) {
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press("Tab");
    if ((await page.locator("summary:focus").count()) === 1) return;
  }
  assert.unreachable("the keyboard never reached the language control");
}

// Without JavaScript the page runs no script, and neither can the test: locators only.
it("without JavaScript, by keyboard: Enter opens every language, named in itself with lang and hreflang", async () => {
  for (const path of ["/many-languages/uk/", "/many-languages/fa/", "/many-languages-benelux/ti/"]) {
    const context = await state.browser.newContext({
      viewport: { width: 360, height: 640 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(state.origin + path);
    const languages = (await page.locator('link[rel="alternate"][hreflang]').all()).length - 1;
    const links = page.locator(".switcher a");
    assert.is(await links.count(), languages, `${path}: not every language is listed`);
    assert.is(await links.first().isVisible(), false, `${path}: the list is open before it is asked for`);
    await tabToSummary(page);
    await page.keyboard.press("Enter");
    assert.is(await page.locator(".switcher-menu[open]").count(), 1, `${path}: Enter did not open it`);
    for (const link of await links.all()) {
      const [lang, hreflang, dir, name] = await Promise.all([
        link.getAttribute("lang"),
        link.getAttribute("hreflang"),
        link.getAttribute("dir"),
        link.textContent(),
      ]);
      assert.ok(await link.isVisible(), `${path}: ${name} is hidden`);
      assert.ok(lang, `${path}: ${name} has no lang`);
      assert.is(hreflang, lang);
      assert.is(dir, textDirection(lang), `${path}: ${name}`);
      assert.is(name, endonym(lang));
    }
    await page.keyboard.press("Tab");
    assert.is(
      await page.locator(".switcher a:focus").getAttribute("hreflang"),
      await links.first().getAttribute("hreflang"),
      `${path}: Tab after opening does not reach the first language`,
    );
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Space");
    assert.is(await page.locator(".switcher-menu[open]").count(), 0, `${path}: Space did not close it`);
    await context.close();
  }
});

it("open, the list passes axe (the audit of every page sees it closed)", async () => {
  const context = await state.browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  const failures: string[] = [];
  for (const path of ["/many-languages/uk/", "/many-languages/ar/", "/many-languages-benelux/ti/"]) {
    await page.goto(state.origin + path);
    await page.locator(".switcher summary").click();
    const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    for (const violation of results.violations) failures.push(`${path}: ${violation.id} ${violation.help}`);
  }
  await context.close();
  assert.equal(failures, []);
});

it("right to left, mirrored: the globe first on the right, the languages from the right", async () => {
  const page = await state.browser.newPage({ viewport: { width: 360, height: 640 } });
  for (const path of ["/many-languages/ar/", "/blue-heart-2023-be/ar/"]) {
    await page.goto(state.origin + path);
    const box = (selector: string) =>
      page
        .locator(selector)
        .first()
        .boundingBox()
        .then((found) => found as NonNullable<typeof found>);
    const [summary, globe, chevron] = await Promise.all([
      box(".switcher summary"),
      box(".switcher-icon"),
      box(".switcher-chevron"),
    ]);
    assert.ok(summary.x + summary.width >= 360 - 17, `${path}: the control is not on the right`);
    assert.ok(globe.x > chevron.x, `${path}: the globe is not before the name, right to left`);
    await page.locator(".switcher summary").click();
    const items = await page
      .locator(".switcher li")
      .evaluateAll((all) => all.map((item) => item.getBoundingClientRect().right));
    assert.ok(items[0] > items[1], `${path}: the first language is not on the right`);
  }
  await page.close();
});

/** The control of each of `paths` on a wide screen. */
async function wide(browser: Browser, paths: string[]): Promise<Control[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const found: Control[] = [];
  for (const path of paths) {
    await page.goto(state.origin + path);
    await page.evaluate(() => document.fonts.ready);
    found.push(await control(page));
  }
  await page.close();
  return found;
}

it("on a wide screen: the whole list where it fits in one row, else the control", async () => {
  const failures: string[] = [];
  for (const { fonts, browser } of state.browsers) {
    const paths = campaignPages();
    const controls = await wide(browser, paths);
    controls.forEach((found, index) => {
      const where = `${paths[index]} (${fonts} fonts)`;
      if (found.summary === null && found.rows.length !== 1)
        failures.push(`${where}: the list takes ${found.rows.length} rows`);
      if (found.summary !== null && found.rows.length > 0)
        failures.push(`${where}: both the control and the list are shown`);
    });
  }
  assert.equal(failures, []);
  // The examples have both: benelux-2021's three languages in a row, many-languages' control.
  const [benelux, many] = await wide(state.browser, ["/benelux-2021/fr/", "/many-languages/fr/"]);
  assert.is(benelux.summary, null);
  assert.is(many.summary, "Français");
});

test.run();
