/**
 * The benelux template's hotline block: a Benelux campaign with a line in each of the three
 * countries shows the three side by side, each under its country's name in the page's
 * language, stacked on a 320 px phone and mirrored right to left. From 1024 px the hotline is a
 * card beside the words (default's site.css): there the three are stacked, in reading order.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parse } from "node-html-parser";
import type { Browser } from "playwright-core";
import * as assert from "uvu/assert";
import { build } from "../../src/build/build.ts";
import { languagePath } from "../../src/site/urls.ts";
import { FONT_SETUPS, type FontedBrowser, findBrowser, launchBrowsers } from "../helpers/browser.ts";
import { ROOT, tempDir } from "../helpers/fixtures.ts";
import { serveStatic } from "../helpers/site.ts";
import { suite } from "../helpers/suite.ts";

// Both font set-ups (browser.ts): the blocks' layout is checked under each.
const test = suite("benelux: the three countries' lines (fonts: system, wide)");
const it = findBrowser() || process.env.REQUIRE_BROWSER === "1" ? test : test.skip;
const state = { browsers: [] } as unknown as {
  site: string;
  browsers: FontedBrowser[];
  origin: string;
  close: () => Promise<void>;
};

test.before(async () => {
  const dir = await tempDir("benelux-lines-");
  const campaign = path.join(dir, "campaigns/benelux-2021");
  await fs.cp(path.join(ROOT, "campaigns/benelux-2021"), campaign, { recursive: true });
  const file = path.join(campaign, "campaign.yaml");
  // A Luxembourg line for the test only: a well-formed number, not a real helpline.
  const luxembourg = '  - number: "8002 1234"\n    country: LU\n    label: Test line\n';
  await fs.writeFile(
    file,
    (await fs.readFile(file, "utf8")).replace(/^partners:/m, `${luxembourg}partners:`),
  );
  state.site = path.join(dir, "_site");
  // pseudo adds en-XA and ar-XB: a right-to-left page of the same campaign.
  await build({
    root: ROOT,
    campaignsDir: path.join(dir, "campaigns"),
    outDir: state.site,
    kit: false,
    pseudo: true,
  });
  const browsers = await launchBrowsers(FONT_SETUPS);
  if (!browsers) return;
  state.browsers = browsers;
  const server = await serveStatic(state.site);
  state.origin = server.origin;
  state.close = server.close;
});

test.after(async () => {
  for (const { browser } of state.browsers) await browser.close();
  await state.close?.();
  if (state.site) await fs.rm(path.dirname(state.site), { recursive: true, force: true });
});

const pagePath = (tag: string) => `/benelux-2021/${languagePath(tag)}/`;

test("every line under its country's name in the page's language, with its own tel: link", async () => {
  const expected: Record<string, string[]> = {
    fr: ["Belgique", "Pays-Bas", "Luxembourg"],
    nl: ["België", "Nederland", "Luxemburg"],
    en: ["Belgium", "Netherlands", "Luxembourg"],
  };
  for (const [tag, names] of Object.entries(expected)) {
    const html = await fs.readFile(path.join(state.site, pagePath(tag), "index.html"), "utf8");
    const countries = parse(html).querySelectorAll(".hotline-countries > .hotline-country");
    assert.equal(
      countries.map((country) => country.querySelector("h3")?.text),
      names,
      tag,
    );
    assert.equal(
      countries.map((country) => country.querySelector("a.hotline-number")?.getAttribute("href")),
      ["tel:+3278055800", "tel:+318007000", "tel:+35280021234"],
    );
  }
});

/** The boxes of the three countries' blocks on `tag`'s page at `width`. */
async function countryBoxes(browser: Browser, tag: string, width: number) {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  await page.goto(state.origin + pagePath(tag));
  await page.evaluate(() => document.fonts.ready);
  const boxes = await page.locator(".hotline-country").evaluateAll((items) =>
    items.map((item) => {
      const box = item.getBoundingClientRect();
      return { x: Math.round(box.x), y: Math.round(box.y), right: Math.round(box.right) };
    }),
  );
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.close();
  return { boxes, overflow };
}

it("side by side where there is room, in reading order", async () => {
  for (const { fonts, browser } of state.browsers) {
    const { boxes } = await countryBoxes(browser, "fr", 1000);
    assert.is(boxes.length, 3);
    assert.ok(
      boxes.every((box) => box.y === boxes[0].y),
      `not in one row (${fonts} fonts): ${JSON.stringify(boxes)}`,
    );
    assert.ok(
      boxes[0].x < boxes[1].x && boxes[1].x < boxes[2].x,
      `not left to right (${fonts} fonts): ${JSON.stringify(boxes)}`,
    );
  }
});

it("stacked on a 320 px phone, without sideways scrolling", async () => {
  for (const { fonts, browser } of state.browsers) {
    const { boxes, overflow } = await countryBoxes(browser, "fr", 320);
    assert.ok(
      boxes.every((box) => box.x === boxes[0].x),
      `not stacked (${fonts} fonts): ${JSON.stringify(boxes)}`,
    );
    assert.ok(boxes[0].y < boxes[1].y && boxes[1].y < boxes[2].y, `${fonts} fonts`);
    assert.ok(
      boxes.every((box) => box.right <= 320),
      `${fonts} fonts`,
    );
    assert.is(overflow, 0, `${fonts} fonts`);
  }
});

it("mirrored in a right-to-left language: Belgium first, on the right", async () => {
  for (const { fonts, browser } of state.browsers) {
    const { boxes } = await countryBoxes(browser, "ar-XB", 1000);
    assert.is(boxes.length, 3);
    assert.ok(
      boxes.every((box) => box.y === boxes[0].y),
      `${fonts} fonts`,
    );
    assert.ok(
      boxes[0].x > boxes[1].x && boxes[1].x > boxes[2].x,
      `not right to left (${fonts} fonts): ${JSON.stringify(boxes)}`,
    );
  }
});

it("on a wide screen, in the card beside the words: stacked in reading order, on the end side", async () => {
  for (const { fonts, browser } of state.browsers) {
    for (const [tag, endSide] of [
      ["fr", "right"],
      ["ar-XB", "left"],
    ] as const) {
      const { boxes } = await countryBoxes(browser, tag, 1280);
      assert.is(boxes.length, 3);
      assert.ok(
        boxes.every((box) => box.x === boxes[0].x) && boxes[0].y < boxes[1].y && boxes[1].y < boxes[2].y,
        `${tag}: not stacked (${fonts} fonts): ${JSON.stringify(boxes)}`,
      );
      assert.ok(
        endSide === "right" ? boxes[0].x > 640 : boxes[0].right < 640,
        `${tag}: the card is not on the ${endSide} (${fonts} fonts): ${JSON.stringify(boxes)}`,
      );
    }
  }
});

test.run();
