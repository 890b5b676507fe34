import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import * as assert from "uvu/assert";
import { build } from "../../src/build/build.ts";
import { auditPage } from "../helpers/audit.ts";
import { FONT_SETUPS, type FontedBrowser, findBrowser, launchBrowsers } from "../helpers/browser.ts";
import { ROOT, tempDir } from "../helpers/fixtures.ts";
import { htmlPages, serveStatic } from "../helpers/site.ts";
import { suite } from "../helpers/suite.ts";

// Both font set-ups (browser.ts): the pseudo-languages are there to check layout.
const test = suite("pseudo-languages en-XA and ar-XB in a real browser (fonts: system, wide)");
const it = findBrowser() || process.env.REQUIRE_BROWSER === "1" ? test : test.skip;

const state = { browsers: [] } as unknown as {
  browsers: FontedBrowser[];
  site: string;
  origin: string;
  pages: string[];
  close: () => Promise<void>;
};

test.before(async () => {
  const browsers = await launchBrowsers(FONT_SETUPS);
  if (!browsers) return;
  state.browsers = browsers;
  const site = path.join(await tempDir("campaign-pseudo-"), "_site");
  await build({ root: ROOT, outDir: site, pseudo: true });
  const server = await serveStatic(site);
  const pages = (await htmlPages(site)).filter((page) => /\/(en-xa|ar-xb)\//.test(page));
  Object.assign(state, { site, origin: server.origin, pages, close: server.close });
});

test.after(async () => {
  for (const { browser } of state.browsers) await browser.close();
  await state.close?.();
});

it("every pseudo page at 320 px, under both font set-ups: no sideways scroll, no clipped text; campaign pages pass axe", async () => {
  const failures: string[] = [];
  // Both examples, both pseudo-languages: campaign page, share kit, safety and accessibility pages.
  assert.ok(state.pages.length >= 8, `only ${state.pages.length} pseudo pages`);
  for (const { fonts, browser } of state.browsers) {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    for (const url of state.pages) {
      // axe once, under the machine's default fonts: contrast and names do not change with them.
      if (fonts === FONT_SETUPS[0] && /^\/[^/]+\/[^/]+\/$/.test(url)) {
        // The templates are audited on every real language by pages.test.ts; here the words change.
        const audit = await auditPage(context, state.origin + url);
        for (const violation of audit.violations) failures.push(`${url} axe ${violation}`);
      }
      const page = await context.newPage();
      await page.goto(state.origin + url);
      await page.evaluate(() => document.fonts.ready);
      const problems = await page.evaluate(() => {
        const found: string[] = [];
        const sideways = document.documentElement.scrollWidth - document.documentElement.clientWidth;
        if (sideways > 0) found.push(`scrolls ${sideways}px sideways`);
        for (const element of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
          const text = Array.from(element.childNodes).some(
            (node) => node.nodeType === 3 && node.textContent?.trim(),
          );
          if (!text || element.getClientRects().length === 0) continue;
          const style = getComputedStyle(element);
          if (style.position === "absolute" && style.clip !== "auto") continue; // visually hidden on purpose
          const hides = /hidden|clip/.test(style.overflowX) || style.textOverflow === "ellipsis";
          const name = `<${element.localName}${element.className ? ` class="${element.className}"` : ""}>`;
          if (hides && element.scrollWidth > element.clientWidth + 1) found.push(`${name} text clipped`);
          const box = element.getBoundingClientRect();
          if (box.right > window.innerWidth + 1 || box.left < -1) found.push(`${name} outside the screen`);
        }
        return found;
      });
      for (const problem of problems) failures.push(`${url} ${problem} (${fonts} fonts)`);
      await page.close();
    }
    await context.close();
  }
  assert.equal(failures, []);
});

it("the pseudo pages are accented and longer, or right to left, and have their share images", async () => {
  for (const slug of ["benelux-2021", "blue-heart-2023-be"]) {
    const accented = await fs.readFile(path.join(state.site, slug, "en-xa/index.html"), "utf8");
    assert.match(accented, /<html lang="en-XA" dir="ltr">/);
    assert.match(accented, /<h1>\[[^<]*[åéîöû][^<]*\]<\/h1>/);
    const rtl = await fs.readFile(path.join(state.site, slug, "ar-xb/index.html"), "utf8");
    assert.match(rtl, /<html lang="ar-XB" dir="rtl">/);
    assert.match(rtl, "\u202e");
    for (const lang of ["en-xa", "ar-xb"]) {
      const html = await fs.readFile(path.join(state.site, slug, lang, "index.html"), "utf8");
      const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
      assert.ok(image, `${slug}/${lang} has an og:image`);
      const file = path.join(state.site, new URL(image).pathname.replace(/^\/\d+\//, `/${slug}/`));
      const meta = await sharp(
        await fs
          .readFile(file)
          .catch(() => fs.readFile(path.join(state.site, slug, lang, "share", path.basename(file)))),
      ).metadata();
      assert.is(meta.width, 1200);
    }
  }
  // Made in memory: nothing was added to the campaign folders.
  for (const slug of ["benelux-2021", "blue-heart-2023-be"]) {
    const files = await fs.readdir(path.join(ROOT, "campaigns", slug, "content"));
    assert.not.ok(
      files.some((name) => /XA|XB/i.test(name)),
      files.join(", "),
    );
  }
});

test.run();
