import type { Browser } from "playwright-core";
import * as assert from "uvu/assert";
import { findBrowser, launchBrowser } from "../helpers/browser.ts";
import { exampleSite, serveStatic } from "../helpers/site.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("open-now script in a real browser, with a fixed clock");
const it = findBrowser() || process.env.REQUIRE_BROWSER === "1" ? test : test.skip;

const state = {} as { browser: Browser; origin: string; close: () => Promise<void> };
/** The Belgian example's line: Mo-Fr 09:00-17:00 in Europe/Brussels (UTC+2 in summer). */
const PAGE = "/blue-heart-2023-be/";

test.before(async () => {
  // The machine's default fonts (browser.ts): this suite checks words, not layout.
  const browser = await launchBrowser("system");
  if (!browser) return;
  const server = await serveStatic(await exampleSite());
  Object.assign(state, { browser, origin: server.origin, close: server.close });
});

test.after(async () => {
  await state.browser?.close();
  await state.close?.();
});

/** The open-now line of the page in `lang` at the instant `now`, or null when hidden. */
async function openNowAt(now: string, lang: string, javaScriptEnabled = true): Promise<string | null> {
  const context = await state.browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(now));
  await page.goto(`${state.origin}${PAGE}${lang}/`);
  const line = page.locator("[data-open-now-text]");
  const text = (await line.isVisible()) ? await line.textContent() : null;
  await context.close();
  return text;
}

it("Wednesday 10:00 in Brussels (08:00 UTC): open now", async () => {
  assert.is(await openNowAt("2024-07-31T08:00:00Z", "fr"), "Ouvert maintenant");
  assert.is(await openNowAt("2024-07-31T08:00:00Z", "en"), "Open now");
});

it("Saturday 12:00 in Brussels: closed, opens Monday at 09:00, in the page's language", async () => {
  assert.is(await openNowAt("2024-08-03T10:00:00Z", "fr"), "Fermé pour l’instant, ouvre lundi à 09:00");
  assert.is(await openNowAt("2024-08-03T10:00:00Z", "nl"), "Nu gesloten, opent maandag om 09:00");
});

it("Friday 17:30 in Brussels (15:30 UTC) is after closing, though still office hours in UTC", async () => {
  assert.is(await openNowAt("2024-08-02T15:30:00Z", "en"), "Closed now, opens Monday 9:00 AM");
});

it("without JavaScript the hours alone are shown", async () => {
  assert.is(await openNowAt("2024-07-31T08:00:00Z", "fr", false), null);
});

test.run();
