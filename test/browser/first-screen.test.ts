/**
 * The promise of every campaign page: on a 360 × 640 phone, in every language, the call button is
 * inside the first screen. Measured under both font set-ups (browser.ts: the machine's default
 * fonts, and DejaVu Sans alone, a wide font), after the page's fonts have loaded, over every
 * campaign page of the examples, of the thirteen-language test campaign and of the template copies.
 * The pages' own fonts (Noto) swap in when they arrive: until then, or if they never do, the text
 * is in the set-up's fonts, so the wide set-up is measured once more with them blocked.
 */
import * as assert from "uvu/assert";
import { FONT_SETUPS } from "../helpers/browser.ts";
import { exampleBrowserSuite } from "../helpers/example-browser.ts";

const { test, it, state } = exampleBrowserSuite("the first screen of a phone", FONT_SETUPS);

/** Campaign pages of one language: /slug/lang/ */
const campaignPages = () => state.pages.filter((page) => /^\/[^/]+\/[^/]+\/$/.test(page));

const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true };

it("at 360 × 640, in every language, the call button is a large tap target inside the first screen", async () => {
  const pages = campaignPages();
  assert.ok(pages.length >= 25, `only ${pages.length} campaign pages found`);
  for (const lang of ["en", "fr", "nl", "de", "lb", "el", "uk", "ru", "tr", "ar", "fa", "ti", "zh"])
    assert.ok(pages.includes(`/many-languages/${lang}/`), `/many-languages/${lang}/ was not built`);
  const failures: string[] = [];
  const runs = [
    ...state.browsers.map((each) => ({ ...each, blocked: false })),
    ...state.browsers.filter((each) => each.fonts === "wide").map((each) => ({ ...each, blocked: true })),
  ];
  for (const { fonts, browser, blocked } of runs) {
    const context = await browser.newContext(PHONE);
    if (blocked) await context.route("**/*.woff2", (route) => route.abort());
    const page = await context.newPage();
    for (const path of pages) {
      await page.goto(state.origin + path, { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready);
      // A string, so the code runs in the page exactly as written (no helpers added by the compiler).
      const measured = (await page.evaluate(`(() => {
        const button = document.querySelector("main .call-button");
        const box = button?.getBoundingClientRect();
        return {
          first: document.querySelector('main a[href^="tel:"]') === button,
          box: box && { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
          screen: { width: window.innerWidth, height: window.innerHeight, scrolled: window.scrollY },
        };
      })()`)) as {
        first: boolean;
        box?: { left: number; top: number; right: number; bottom: number };
        screen: { width: number; height: number; scrolled: number };
      };
      const where = `${path} (${fonts} fonts${blocked ? ", the site's blocked" : ""})`;
      if (!measured.box || !measured.first) {
        failures.push(`${where}: the first tel: link in main is not the call button`);
        continue;
      }
      const { box, screen } = measured;
      if (screen.width !== 360 || screen.height !== 640 || screen.scrolled !== 0)
        failures.push(
          `${where}: measured on a ${screen.width}×${screen.height} screen scrolled ${screen.scrolled}`,
        );
      if (box.top < 0 || box.bottom > 640 || box.left < 0 || box.right > 360)
        failures.push(
          `${where}: the call button spans ${Math.round(box.left)}–${Math.round(box.right)} × ${Math.round(box.top)}–${Math.round(box.bottom)}, outside 360 × 640`,
        );
      if (box.bottom - box.top < 48 || box.right - box.left < 48)
        failures.push(
          `${where}: the call button is ${box.right - box.left}×${box.bottom - box.top}, under 48 px`,
        );
    }
    await context.close();
  }
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
