/**
 * A browser suite over the built examples: Chromium launched and the example site served on
 * 127.0.0.1 before the tests, both closed after. Without a browser the tests are skipped (and
 * fail under REQUIRE_BROWSER=1, through launchBrowser).
 *
 * The suite names its font set-ups (browser.ts): one Chromium is started for each, in the order
 * given; `browser` is the first. A suite that checks layout names both (FONT_SETUPS).
 */
import type { Browser } from "playwright-core";
import { type FontedBrowser, type FontSetup, findBrowser, launchBrowsers } from "./browser.ts";
import { exampleSite, htmlPages, serveStatic } from "./site.ts";
import { suite } from "./suite.ts";

export interface ExampleBrowserState {
  /** The browser of the suite's first font set-up. */
  browser: Browser;
  /** A browser for each font set-up the suite named, in its order. */
  browsers: FontedBrowser[];
  origin: string;
  /** Every HTML page of the examples, as site paths. */
  pages: string[];
  close: () => Promise<void>;
}

export function exampleBrowserSuite(name: string, fonts: FontSetup | readonly FontSetup[]) {
  const setups = typeof fonts === "string" ? [fonts] : [...fonts];
  const test = suite(`${name} (fonts: ${setups.join(", ")})`);
  const it = findBrowser() || process.env.REQUIRE_BROWSER === "1" ? test : test.skip;
  const state = { browsers: [] as FontedBrowser[] } as ExampleBrowserState;
  test.before(async () => {
    const browsers = await launchBrowsers(setups);
    if (!browsers) return;
    Object.assign(state, { browsers, browser: browsers[0].browser });
    const site = await exampleSite();
    const server = await serveStatic(site);
    Object.assign(state, {
      origin: server.origin,
      pages: await htmlPages(site),
      close: server.close,
    });
  });
  test.after(async () => {
    for (const { browser } of state.browsers) await browser.close();
    await state.close?.();
  });
  return { test, it, state };
}
