/**
 * The profile-picture frame page in Chromium: a photo chosen through the file input is framed in
 * the browser and downloaded as a 1080 × 1080 PNG, with no request leaving the page's origin.
 */
import fs from "node:fs/promises";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import sharp from "sharp";
import * as assert from "uvu/assert";
import { findBrowser, launchBrowser } from "../helpers/browser.ts";
import { exampleSite, serveStatic } from "../helpers/site.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("profile-picture frame in a real browser");
const it = findBrowser() || process.env.REQUIRE_BROWSER === "1" ? test : test.skip;
const state = {} as { browser: Browser; origin: string; close: () => Promise<void> };
const PHOTO_COLOUR = [0, 200, 60];

test.before(async () => {
  // The machine's default fonts (browser.ts): this suite checks drawing and downloads, not layout.
  const browser = await launchBrowser("system");
  if (!browser) return;
  const server = await serveStatic(await exampleSite());
  Object.assign(state, { browser, origin: server.origin, close: server.close });
});

test.after(async () => {
  await state.browser?.close();
  await state.close?.();
});

it("a chosen photo is framed and downloaded as 1080 × 1080, and nothing leaves the origin", async () => {
  const context = await state.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(`${state.origin}/blue-heart-2023-be/ar/frame/`);
  const photo = await sharp({
    create: {
      width: 640,
      height: 480,
      channels: 3,
      background: { r: PHOTO_COLOUR[0], g: PHOTO_COLOUR[1], b: PHOTO_COLOUR[2] },
    },
  })
    .png()
    .toBuffer();
  await page.setInputFiles("#frame-photo", { name: "me.png", mimeType: "image/png", buffer: photo });
  const button = page.locator("[data-download]");
  await button.waitFor({ state: "visible" });
  await page.waitForFunction(
    () => !(document.querySelector("[data-download]") as HTMLButtonElement).disabled,
  );
  await page.locator("canvas").focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("+");
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const file = await download.path();
  const { data, info } = await sharp(await fs.readFile(file))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  assert.equal([info.width, info.height], [1080, 1080]);
  const pixel = (x: number, y: number) => [...data.subarray((y * 1080 + x) * 3, (y * 1080 + x) * 3 + 3)];
  assert.equal(pixel(540, 540), PHOTO_COLOUR, "the photo in the centre");
  assert.equal(pixel(10, 540), [0x1e, 0x40, 0xaf], "the frame (theme.primary) at the edge");
  const foreign = requests.filter((url) => !url.startsWith(state.origin) && !url.startsWith("blob:"));
  assert.equal(foreign, []);
  await context.close();
});

it("the frame page has no axe violations and offers frame.png without JavaScript", async () => {
  const context = await state.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${state.origin}/blue-heart-2023-be/fr/frame/`);
  assert.is(await page.locator("[data-frame-editor]").isVisible(), false);
  assert.is(await page.locator('a[href="frame.png"][download]').count(), 1);
  await context.close();
  const scripted = await state.browser.newContext();
  const withScript = await scripted.newPage();
  await withScript.goto(`${state.origin}/blue-heart-2023-be/ar/frame/`);
  const results = await new AxeBuilder({ page: withScript })
    .withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"])
    .analyze();
  assert.equal(
    results.violations.map((violation) => violation.id),
    [],
  );
  await scripted.close();
});

test.run();
