import fs from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { type RunningPreview, startPreview } from "../../src/preview/index.ts";
import { findBrowser, launchBrowser } from "../helpers/browser.ts";
import { ROOT, TEMPLATES, tempDir } from "../helpers/fixtures.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("the CMS in a real browser");
const it = findBrowser() || process.env.REQUIRE_BROWSER === "1" ? test : test.skip;

const SLUG = "blue-heart-2023-be";
const state = {} as { browser: Browser; editor: RunningPreview; contentRoot: string };

test.before(async () => {
  // The machine's default fonts (browser.ts): the editor is checked, not the pages' layout.
  const browser = await launchBrowser("system");
  if (!browser) return;
  const contentRoot = await tempDir("campaign-cms-");
  await fs.cp(path.join(ROOT, "campaigns", SLUG), path.join(contentRoot, "campaigns", SLUG), {
    recursive: true,
  });
  await fs.symlink(TEMPLATES, path.join(contentRoot, "templates"));
  // The partners the campaign names by id are declared in the project's assets/ (a copy: the
  // test edits one).
  await fs.cp(path.join(ROOT, "assets"), path.join(contentRoot, "assets"), { recursive: true });
  const editor = await startPreview({ contentRoot, port: 0, editor: true });
  Object.assign(state, { browser, editor, contentRoot });
});

test.after(async () => {
  await state.browser?.close();
  await state.editor?.close();
  if (state.contentRoot && !process.env.KEEP)
    await fs.rm(state.contentRoot, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

it("edit the French tagline side by side, save: one line changes on disk and the preview shows it", async () => {
  const file = path.join(state.contentRoot, "campaigns", SLUG, "content/page.fr.md");
  const before = await fs.readFile(file, "utf8");
  const others = await Promise.all(
    ["nl", "de", "en", "ar", "lb"].map((lang) =>
      fs.readFile(path.join(state.contentRoot, "campaigns", SLUG, `content/page.${lang}.md`), "utf8"),
    ),
  );
  const oldTagline = /^tagline: (.*)$/m.exec(before)?.[1] as string;
  const newTagline = "Chaque victime compte, appelez le 078 055 800";

  const page = await state.browser.newPage({ viewport: { width: 1400, height: 900 } });
  const origins = new Set<string>();
  page.on("request", (request) => origins.add(new URL(request.url()).origin));
  await page.goto(state.editor.adminUrl as string);
  await page.getByRole("button", { name: /login/i }).click();
  await page.goto(`${state.editor.url}admin/#/collections/${SLUG}/entries/page`);

  const tagline = page.locator('input[id^="tagline-field"]').first();
  await tagline.waitFor();
  assert.is(await tagline.inputValue(), oldTagline);
  // The second language stands beside the first.
  assert.is(
    await page.locator('input[id^="tagline-field"]').nth(1).inputValue(),
    /^tagline: (.*)$/m.exec(others[0])?.[1],
  );
  await tagline.fill(newTagline);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.getByText("Publish now").click();
  await page
    .getByText(/entry published|published/i)
    .first()
    .waitFor();

  let after = before;
  for (let attempt = 0; attempt < 50 && after === before; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    after = await fs.readFile(file, "utf8");
  }
  const lines = { before: before.split("\n"), after: after.split("\n") };
  assert.is(lines.after.length, lines.before.length, "content/page.fr.md gained or lost lines");
  const changed = lines.after.filter((line, index) => line !== lines.before[index]);
  assert.equal(changed, [`tagline: ${newTagline}`]);
  // The other languages were saved too, and stay byte for byte as they were.
  for (const [index, lang] of ["nl", "de", "en", "ar", "lb"].entries()) {
    const text = await fs.readFile(
      path.join(state.contentRoot, "campaigns", SLUG, `content/page.${lang}.md`),
      "utf8",
    );
    assert.is(text, others[index], `content/page.${lang}.md changed`);
  }

  // The dev server rebuilds on save; the French page shows the new tagline.
  const preview = await state.browser.newPage();
  let shown = "";
  for (let attempt = 0; attempt < 60 && shown !== newTagline; attempt++) {
    try {
      await preview.goto(`${state.editor.url}${SLUG}/fr/`);
      shown = (await preview.locator(".tagline").textContent())?.trim() ?? "";
    } catch {
      // The rebuild's live reload can interrupt a navigation (net::ERR_ABORTED): look again.
    }
    if (shown !== newTagline) await preview.waitForTimeout(250);
  }
  assert.is(shown, newTagline);
  await preview.close();
  await page.close();

  assert.equal([...origins], [new URL(state.editor.url).origin], "the admin requested another origin");
});

it("a shared partner's French name, edited in its own field, changes one line of partners.yaml", async () => {
  const file = path.join(state.contentRoot, "assets/partners.yaml");
  const before = await fs.readFile(file, "utf8");
  const page = await state.browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(state.editor.adminUrl as string);
  await page.getByRole("button", { name: /login/i }).click();
  await page.goto(`${state.editor.url}admin/#/collections/partners/entries/partners`);
  // The list shows each partner by id, folded: open fps-justice, then its names.
  const item = page
    .locator('div[style*="transition"]')
    .filter({ has: page.getByText("fps-justice", { exact: true }) });
  await item.locator("button").first().click();
  await item.getByRole("button", { name: "Expand" }).click();
  const french = item.getByLabel("fr: Français");
  assert.is(await french.inputValue(), "SPF Justice");
  assert.is(await item.getByLabel("lb: Lëtzebuergesch").inputValue(), "");
  await french.fill("SPF Justice (Belgique)");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.getByText("Publish now").click();
  let after = before;
  for (let attempt = 0; attempt < 50 && after === before; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    after = await fs.readFile(file, "utf8");
  }
  const lines = { before: before.split("\n"), after: after.split("\n") };
  assert.is(lines.after.length, lines.before.length, after);
  assert.equal(
    lines.after.filter((line, index) => line !== lines.before[index]),
    ["      fr: SPF Justice (Belgique)"],
  );
  await page.close();
});

it("an open preview page reloads itself when a saved file has been rebuilt", async () => {
  const page = await state.browser.newPage();
  await page.goto(`${state.editor.url}${SLUG}/en/`);
  const file = path.join(state.contentRoot, "campaigns", SLUG, "content/page.en.md");
  const words = await fs.readFile(file, "utf8");
  await fs.writeFile(file, words.replace(/^title: .*$/m, "title: Reloaded by itself"));
  await page.locator("h1", { hasText: "Reloaded by itself" }).waitFor({ timeout: 60_000 });
  await fs.writeFile(file, words);
  await page.close();
});

it("an open share page reloads for the words, then again once its share images and kit follow", async () => {
  const page = await state.browser.newPage();
  await page.goto(`${state.editor.url}${SLUG}/de/share/`);
  let loads = 0;
  page.on("load", () => {
    loads++;
  });
  const file = path.join(state.contentRoot, "campaigns", SLUG, "content/page.de.md");
  const words = await fs.readFile(file, "utf8");
  await fs.writeFile(file, words.replace(/^title: .*$/m, "title: Neu gezeichnet"));
  await page.waitForFunction(() => document.title.includes("Neu gezeichnet"), undefined, { timeout: 60_000 });
  await state.editor.idle();
  const deadline = Date.now() + 30_000;
  while (loads < 2 && Date.now() < deadline) await page.waitForTimeout(100);
  assert.ok(loads >= 2, `the share page loaded ${loads} time(s) after the save`);
  // The share image it shows now is the one drawn for the new words, complete.
  const og = page.locator(`img[src$="${SLUG}-de-og.png"]`);
  await og.waitFor();
  assert.is(await og.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth), 1200);
  await fs.writeFile(file, words);
  await state.editor.idle();
  await page.close();
});

it("an unsafe SVG uploaded in the media library is refused, and the admin says why", async () => {
  const page = await state.browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(state.editor.adminUrl as string);
  await page.getByRole("button", { name: /login/i }).click();
  await page.getByRole("button", { name: "Media" }).click();
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>';
  await page.locator('input[type="file"]').setInputFiles({
    name: "partner.svg",
    mimeType: "image/svg+xml",
    buffer: Buffer.from(svg),
  });
  await page.getByText("the SVG contains <script>").waitFor({ timeout: 15_000 });
  const media = path.join(state.contentRoot, "campaigns/media/partner.svg");
  assert.not.ok(
    await fs.access(media).then(
      () => true,
      () => false,
    ),
    "the SVG was written",
  );
  await page.close();
});

it("the preview of an Arabic text is right-to-left, in the template's stylesheet", async () => {
  const settings = parse(
    await fs.readFile(path.join(state.contentRoot, "campaigns", SLUG, "campaign.yaml"), "utf8"),
  ) as { theme: { primary: string } };
  const arabic = await fs.readFile(
    path.join(state.contentRoot, "campaigns", SLUG, "content/page.ar.md"),
    "utf8",
  );
  const title = /^title: (.*)$/m.exec(arabic)?.[1] as string;

  const page = await state.browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(state.editor.adminUrl as string);
  await page.getByRole("button", { name: /login/i }).click();
  await page.goto(`${state.editor.url}admin/#/collections/${SLUG}/entries/page`);
  await page.locator('input[id^="tagline-field"]').first().waitFor();
  // The right pane shows the preview instead of the second language; the left one writes Arabic.
  await page.getByTitle("Toggle preview").click();
  await page.getByText("Writing in FR").click();
  await page.getByRole("menuitem", { name: "ar", exact: true }).click();

  const frame = page.frameLocator("#preview-pane");
  const heading = frame.locator("main h1");
  await heading.filter({ hasText: title }).waitFor();
  const shown = await frame.locator("html").evaluate((html, slug) => {
    const tagline = html.querySelector(".tagline") as HTMLElement;
    return {
      dir: html.getAttribute("dir"),
      lang: html.getAttribute("lang"),
      direction: getComputedStyle(html.querySelector("main h1") as HTMLElement).direction,
      colour: getComputedStyle(tagline).color,
      weight: getComputedStyle(tagline).fontWeight,
      stylesheet: [...html.ownerDocument.styleSheets].some((sheet) =>
        sheet.href?.endsWith(`/${slug}/assets/site.css`),
      ),
    };
  }, SLUG);
  const hex = settings.theme.primary.replace("#", "");
  const rgb = `rgb(${[0, 2, 4].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)).join(", ")})`;
  assert.equal(shown, {
    dir: "rtl",
    lang: "ar",
    direction: "rtl",
    colour: rgb,
    weight: "700",
    stylesheet: true,
  });
  await page.close();
});

test.run();
