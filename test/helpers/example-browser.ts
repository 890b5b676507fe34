/**
 * A browser suite over the built examples: Chromium launched and the example site served on
 * 127.0.0.1 before the tests, both closed after. Without a browser the tests are skipped (and
 * fail under REQUIRE_BROWSER=1, through launchBrowser).
 */
import type { Browser } from "playwright-core";
import { findBrowser, launchBrowser } from "./browser.ts";
import { exampleSite, htmlPages, serveStatic } from "./site.ts";
import { suite } from "./suite.ts";

export interface ExampleBrowserState {
  browser: Browser;
  origin: string;
  /** Every HTML page of the examples, as site paths. */
  pages: string[];
  close: () => Promise<void>;
}

export function exampleBrowserSuite(name: string) {
  const test = suite(name);
  const it = findBrowser() || process.env.REQUIRE_BROWSER === "1" ? test : test.skip;
  const state = {} as ExampleBrowserState;
  test.before(async () => {
    const browser = await launchBrowser();
    if (!browser) return;
    const site = await exampleSite();
    const server = await serveStatic(site);
    Object.assign(state, {
      browser,
      origin: server.origin,
      pages: await htmlPages(site),
      close: server.close,
    });
  });
  test.after(async () => {
    await state.browser?.close();
    await state.close?.();
  });
  return { test, it, state };
}
