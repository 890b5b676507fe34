/**
 * The editor as the communications officer's home: a panel says in one line whether the site is
 * ready to publish, lists what is left and links to what was built; live, as they save.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import * as assert from "uvu/assert";
import { type RunningPreview, startPreview } from "../../src/preview/index.ts";
import { findBrowser, launchBrowser } from "../helpers/browser.ts";
import { FIXTURES, tempDir } from "../helpers/fixtures.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("the editor says whether the site is ready to publish");
const it = findBrowser() || process.env.REQUIRE_BROWSER === "1" ? test : test.skip;
const state = {} as { browser: Browser; editor: RunningPreview; contentRoot: string };

const WORDS =
  "---\ntitle: Every victim counts\ntagline: Call the helpline\ndescription: Help in confidence.\nreviewed: true\n---\n\nHelp is available.\n";

test.before(async () => {
  // The machine's default fonts (browser.ts): this suite checks words, not layout.
  const browser = await launchBrowser("system");
  if (!browser) return;
  const contentRoot = await tempDir("campaign-ready-");
  const dir = path.join(contentRoot, "campaigns/harbour-2099");
  await fs.cp(path.join(FIXTURES, "campaigns/minimal"), dir, { recursive: true });
  // Ready: real addresses, a day to come, one language, its words checked.
  const yaml = await fs.readFile(path.join(dir, "campaign.yaml"), "utf8");
  await fs.writeFile(
    path.join(dir, "campaign.yaml"),
    yaml
      .replace("https://www.example.org/minimal/", "https://www.stoptraite.be/2099/")
      .replace("https://www.example.org/shelter/", "https://www.payoke.be/")
      .replace("2024-07-30", "2099-07-30")
      .replace("languages: [en, fr]", "languages: [en]"),
  );
  await fs.rm(path.join(dir, "content/page.fr.md"));
  await fs.writeFile(path.join(dir, "content/page.en.md"), WORDS);
  const editor = await startPreview({ contentRoot, port: 0, editor: true });
  Object.assign(state, { browser, editor, contentRoot });
});

test.after(async () => {
  await state.browser?.close();
  await state.editor?.close();
  if (state.contentRoot) await fs.rm(state.contentRoot, { recursive: true, force: true, maxRetries: 10 });
});

const summary = (page: Page) => page.locator("#campaign-readiness > summary");

async function saveTitle(page: Page, title: string) {
  await page.goto(`${state.editor.url}admin/#/collections/harbour-2099/entries/page`);
  // A fresh editor for each save (the login is kept).
  await page.reload();
  const field = page.locator('input[id^="title-field"]').first();
  await field.waitFor();
  await field.fill(title);
  assert.is(await field.inputValue(), title);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.getByText("Publish now").click();
}

it("ready, then a save that leaves an old year in the title, then the fix", async () => {
  const page = await state.browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(state.editor.adminUrl as string);
  await page.getByRole("button", { name: /login/i }).click();
  await summary(page).filter({ hasText: "✓ Ready to publish" }).waitFor({ timeout: 30_000 });

  await saveTitle(page, "Every victim counts, as in 2019");
  await summary(page)
    .filter({ hasText: "Not ready to publish yet: 1 thing(s) to check" })
    .waitFor({ timeout: 30_000 });
  await summary(page).click();
  const panel = page.locator("#campaign-readiness");
  assert.match(await panel.innerText(), "[year-mention 2019]");
  assert.match(await panel.innerText(), "campaigns/harbour-2099/content/page.en.md:2");
  // The panel links to what was built, on the preview's own address.
  const pageLink = panel.getByRole("link", { name: "English" });
  assert.is(await pageLink.getAttribute("href"), `${state.editor.url}harbour-2099/en/`);

  await saveTitle(page, "Every victim counts");
  await summary(page).filter({ hasText: "✓ Ready to publish" }).waitFor({ timeout: 30_000 });
  await page.close();
});

it("a campaign made on disk while the editor is open: it offers to reload, and after it the campaign is there", async () => {
  const page = await state.browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(state.editor.adminUrl as string);
  await page.getByRole("button", { name: /login/i }).click();
  await summary(page).waitFor({ timeout: 30_000 });
  const banner = page.locator("#campaign-changed");
  assert.ok(await banner.isHidden(), "the banner shows before anything changed");
  const made = path.join(state.contentRoot, "campaigns/harbour-2100");
  await fs.cp(path.join(state.contentRoot, "campaigns/harbour-2099"), made, { recursive: true });
  const settings = path.join(made, "campaign.yaml");
  await fs.writeFile(settings, (await fs.readFile(settings, "utf8")).replace("/2099/", "/2100/"));
  await banner.filter({ hasText: "Campaigns or languages have changed" }).waitFor({ timeout: 30_000 });
  assert.is(await banner.getAttribute("role"), "status");
  // The login is kept across the reload.
  await banner.getByRole("button", { name: "Reload the editor" }).click();
  await page.getByText("harbour-2100", { exact: false }).first().waitFor({ timeout: 30_000 });
  await summary(page).waitFor({ timeout: 30_000 });
  assert.ok(await banner.isHidden(), "the banner stays after the reload");
  await fs.rm(made, { recursive: true, force: true });
  await page.close();
});

test.run();
