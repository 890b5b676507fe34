/**
 * In a real browser: no page triggers a Content-Security-Policy violation (with and without
 * JavaScript, across the share kit and the safety page), and the print stylesheet puts the
 * hotline first and hides the exit bar.
 */
import type { Page } from "playwright-core";
import * as assert from "uvu/assert";
import { FONT_SETUPS } from "../helpers/browser.ts";
import { exampleBrowserSuite } from "../helpers/example-browser.ts";

// Both font set-ups (browser.ts): the policy is checked under the machine's default fonts, the
// print layout under both.
const { test, it, state } = exampleBrowserSuite("CSP and print in a real browser", FONT_SETUPS);

/** Records every securitypolicyviolation from the first moment of the page's life. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  return async () => [
    ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)),
    ...console,
  ];
}

it("no page triggers a Content-Security-Policy violation", async () => {
  const context = await state.browser.newContext();
  const failures: string[] = [];
  for (const sitePath of state.pages) {
    const page = await context.newPage();
    const violations = await watchViolations(page);
    await page.goto(state.origin + sitePath, { waitUntil: "load" });
    // Run the page's scripts: the share button and the exit script's listeners.
    await page.keyboard.press("Shift");
    for (const violation of await violations()) failures.push(`${sitePath}: ${violation}`);
    await page.close();
  }
  await context.close();
  assert.ok(state.pages.length >= 10);
  assert.equal(failures, []);
});

it("the watch sees a violation when there is one", async () => {
  const page = await state.browser.newPage();
  const violations = await watchViolations(page);
  await page.goto(`${state.origin}${state.pages.find((p) => /\/fr\/$/.test(p))}`);
  await page.evaluate(() => {
    const style = document.createElement("div");
    style.setAttribute("style", "color: red");
    document.body.append(style);
  });
  await page.waitForTimeout(50);
  assert.ok(
    (await violations()).some((line) => line.startsWith("style-src")),
    "an inline style went unnoticed",
  );
  await page.close();
});

it("print, under both font set-ups: the hotline comes first and the exit bar, skip link and switcher are hidden", async () => {
  for (const { fonts, browser } of state.browsers) {
    const page = await browser.newPage({ viewport: { width: 800, height: 1100 } });
    for (const sitePath of state.pages.filter((p) => /^\/[^/]+\/(fr|ar)\/$/.test(p))) {
      await page.goto(state.origin + sitePath);
      await page.evaluate(() => document.fonts.ready);
      await page.emulateMedia({ media: "print" });
      // A string, so the code runs in the page exactly as written (no helpers added by the compiler).
      const layout = (await page.evaluate(`(() => {
        const shown = (selector) => {
          const element = document.querySelector(selector);
          return element ? getComputedStyle(element).display !== "none" && element.getClientRects().length > 0 : false;
        };
        const others = [...document.body.querySelectorAll("main, header, footer")]
          .filter((element) => getComputedStyle(element).display !== "none")
          .map((element) => element.getBoundingClientRect().top);
        return {
          hotlineTop: document.querySelector(".hotline")?.getBoundingClientRect().top ?? NaN,
          hotlineShown: shown(".hotline-number"),
          othersTop: Math.min(...others),
          exitShown: shown(".exit-bar"),
          skipShown: shown(".skip-link"),
          switcherShown: shown(".switcher"),
        };
      })()`)) as {
        hotlineTop: number;
        hotlineShown: boolean;
        othersTop: number;
        exitShown: boolean;
        skipShown: boolean;
        switcherShown: boolean;
      };
      assert.ok(layout.hotlineShown, `${sitePath} (${fonts} fonts): hotline hidden in print`);
      assert.ok(
        layout.hotlineTop < layout.othersTop,
        `${sitePath} (${fonts} fonts): hotline not first in print ${JSON.stringify(layout)}`,
      );
      assert.is(layout.exitShown, false, `${sitePath} (${fonts} fonts): exit bar printed`);
      assert.is(layout.skipShown, false, `${sitePath} (${fonts} fonts): skip link printed`);
      assert.is(layout.switcherShown, false, `${sitePath} (${fonts} fonts): language control printed`);
      // On screen, the same page keeps the exit bar at the top.
      await page.emulateMedia({ media: "screen" });
      assert.ok(
        await page.locator(".exit-bar").isVisible(),
        `${sitePath} (${fonts} fonts): exit bar hidden on screen`,
      );
    }
    await page.close();
  }
});

test.run();
