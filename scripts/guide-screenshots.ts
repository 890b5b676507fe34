/**
 * The pictures of docs/guide.md, made by following the guide in a temporary copy of the project
 * (the files git tracks and new ones it does not ignore, with this checkout's node_modules/ and
 * compiled dist/): its commands run through npm as the guide writes them, the editor opened in
 * Chromium at the address `npm run edit` prints, what the pictures show typed in the editor's
 * forms, the rest done as the guide's test does it (test/helpers/walkthrough.ts). A command's
 * output is shown as a terminal window: an HTML page with the real output, in Chromium.
 * Written as small palette PNGs to docs/guide/.
 *
 *   npx tsx scripts/guide-screenshots.ts
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import sharp from "sharp";
import { launchBrowser } from "../test/helpers/browser.ts";
import { cleanCopy, runInTerminal, startIn } from "../test/helpers/clean-copy.ts";
import { tempDir } from "../test/helpers/fixtures.ts";
import {
  ADDED_LANGUAGE,
  changeDayThemeColoursHotline,
  comingDay,
  LAST_YEAR,
  NEXT,
  OLD_YEAR,
  translated,
  updateTitles,
} from "../test/helpers/walkthrough.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, "docs/guide");
const VIEWPORT = { width: 1280, height: 800 };
const DAY = comingDay();

/** Saves a screenshot as a small palette PNG, at most 1280 × 800. */
async function save(png: Buffer, name: string): Promise<void> {
  const file = path.join(OUT, name);
  await sharp(png)
    .resize({ width: VIEWPORT.width, height: VIEWPORT.height, fit: "inside", withoutEnlargement: true })
    .png({ palette: true, colours: 128, compressionLevel: 9 })
    .toFile(file);
  const { size } = await fs.stat(file);
  console.log(`${path.relative(ROOT, file)} ${Math.round(size / 1024)} KB`);
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
// biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colour codes
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, "");

/**
 * A terminal window after `command`, showing what it printed. A window too small for everything
 * shows the last lines, as a terminal does, or, scrolled back, the first ones.
 */
async function terminal(
  page: Page,
  command: string,
  output: string,
  name: string,
  shows: "end" | "start" = "end",
): Promise<void> {
  const lines = plain(output).replace(/\n+$/, "").split("\n");
  await page.setContent(`<!doctype html><html lang="en"><meta charset="utf-8"><style>
    html, body { margin: 0; background: #1e1e1e; }
    body.full { block-size: 800px; }
    body { display: flex; flex-direction: column; font: 13px/1.4 "DejaVu Sans Mono", "Noto Sans Mono", monospace; color: #e5e5e5; }
    header { flex: none; padding: 6px 12px; background: #3c3c3c; color: #cccccc; font: 13px system-ui, sans-serif; text-align: center; }
    main { flex: 1; overflow: hidden; display: flex; flex-direction: column; justify-content: flex-end; padding: 8px 12px; }
    pre { margin: 0; font: inherit; white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; }
    .prompt { color: #7ec16e; }
    .cursor { display: inline-block; inline-size: 0.6em; background: #e5e5e5; }
  </style><header>Terminal — campaigns-generator</header><main><pre><span class="prompt">campaigns-generator $</span> ${escapeHtml(
    command,
  )}\n${lines.map(escapeHtml).join("\n")}\n${
    command === "npm run edit" ? "" : '<span class="prompt">campaigns-generator $</span> '
  }<span class="cursor">&nbsp;</span></pre></main></html>`);
  // The window is as tall as what it shows, up to the screen's height; then it shows the end.
  const height = await page.evaluate(() => document.body.offsetHeight);
  if (height > VIEWPORT.height && shows === "end") {
    await page.evaluate(() => document.body.classList.add("full"));
  }
  await save(
    await page.screenshot({
      clip: { x: 0, y: 0, width: VIEWPORT.width, height: Math.min(height, VIEWPORT.height) },
    }),
    name,
  );
}

/** The editor's Publish, then Publish now; resolves once Decap says the entry is saved. */
async function publish(page: Page, shot?: string): Promise<void> {
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const now = page.getByText("Publish now");
  await now.waitFor();
  if (shot) await save(await page.screenshot(), shot);
  await now.click();
  await page.getByText("Entry saved").first().waitFor({ timeout: 30_000 });
  await page.getByText("Entry saved").first().waitFor({ state: "hidden", timeout: 30_000 });
}

/** Opens a campaign's settings from the collection list (Decap loads a file entry this way). */
async function openSettings(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/admin/#/collections/settings`);
  await page.reload();
  await page.getByText(NEXT, { exact: true }).click();
  await page.locator('input[type="date"]').waitFor();
  // The choices (languages, countries) fill in after the form.
  await page.waitForTimeout(1500);
}

/** Scrolls the editor's form so that `element` stands just under the editor's top bar. */
async function scrollToTop(element: Locator): Promise<void> {
  await element.evaluate((node) => {
    node.scrollIntoView({ block: "start" });
    for (let at = node.parentElement; at; at = at.parentElement) {
      if (at.scrollHeight > at.clientHeight && /auto|scroll/.test(getComputedStyle(at).overflowY)) {
        at.scrollBy(0, -90);
        return;
      }
    }
    document.scrollingElement?.scrollBy(0, -90);
  });
}

/** The field whose label is `label` (Decap's labels name their input by id). */
function field(page: Page, label: string): Locator {
  return page.locator(`[id^="${label}-field-"]`).first();
}

async function main(): Promise<void> {
  await fs.mkdir(OUT, { recursive: true });
  const work = await tempDir("campaign-guide-pictures-");
  const project = await cleanCopy(work, "campaigns-generator", { reuseInstall: true });
  // The machine's default fonts (test/helpers/browser.ts), as an officer's screen has them.
  const browser = await launchBrowser("system");
  if (!browser) throw new Error("the guide's pictures need Chromium");
  const console_ = await browser.newPage({ viewport: VIEWPORT });
  const page = await browser.newPage({ viewport: VIEWPORT });
  // Section 2: start the editor, open its address, Login.
  const editor = await startIn(project, ["npm", "run", "edit"], /Ctrl\+C to stop\./);
  try {
    await terminal(console_, "npm run edit", editor.output(), "edit-terminal.png");
    const address = /Editor: +(\S+)/.exec(editor.output())?.[1] as string;
    const origin = new URL(address).origin;
    await page.goto(address);
    await page.getByRole("button", { name: "Login" }).waitFor();
    await page.locator("#campaign-readiness > summary").waitFor({ timeout: 60_000 });
    await save(await page.screenshot(), "editor-login.png");
    await page.getByRole("button", { name: "Login" }).click();

    // Section 3: next year's edition, then the old year in the French title, in the editor.
    const newLine = `npm run new -- --from ${LAST_YEAR}`;
    const made = await runInTerminal(project, newLine.split(" "));
    await terminal(console_, newLine, made.output, "new-terminal.png");
    await page.reload();
    await page.getByText(`${NEXT}: words`).click();
    await page
      .getByText(/Journée mondiale/)
      .first()
      .click();
    const title = page.locator('input[id^="title-field"]').first();
    await title.waitFor();
    await save(await page.screenshot(), "editor-words.png");
    await title.fill((await title.inputValue()).replace(OLD_YEAR, DAY.slice(0, 4)));
    await publish(page, "editor-publish.png");
    // The other languages' titles, as the French one.
    await updateTitles(project, DAY.slice(0, 4));

    // Sections 3 and 4: the date, the colours and the hotline, and a year that is history.
    await openSettings(page, origin);
    await page.locator('input[type="date"]').fill(DAY);
    await page.locator('input[type="date"]').blur();
    await save(await page.screenshot(), "editor-settings.png");
    await page.locator('[id^="theme-field-"]').first().scrollIntoViewIfNeeded();
    await page
      .locator('div[style*="transition"]')
      .filter({ hasText: "078 055 800" })
      .locator("button")
      .first()
      .click();
    // The hotline opens with a short animation.
    await page.waitForTimeout(1000);
    // Taller, to show the colours and the hotline's number together (saved at most 800 high).
    await page.setViewportSize({ width: VIEWPORT.width, height: 1000 });
    await scrollToTop(page.locator('label[for^="primary-field-"]'));
    // Decap draws a field that scrolls into view a moment later.
    await page.waitForTimeout(800);
    await save(await page.screenshot(), "editor-colours-hotline.png");
    await page.setViewportSize(VIEWPORT);
    await field(page, "accepted").fill(`year-mention ${OLD_YEAR}`);
    await page
      .locator('label[for^="accepted-field-"]')
      .evaluate((label) => label.scrollIntoView({ block: "center" }));
    await page.waitForTimeout(800);
    await save(await page.screenshot(), "editor-accepted.png");
    await publish(page);
    const settings = await fs.readFile(path.join(project, "campaigns", NEXT, "campaign.yaml"), "utf8");
    for (const written of [`date: ${DAY}`, `year-mention ${OLD_YEAR}`]) {
      if (!settings.includes(written)) throw new Error(`the editor did not save ${written}:\n${settings}`);
    }
    await changeDayThemeColoursHotline(project, DAY);

    // Section 5: a language, which has no words yet.
    await openSettings(page, origin);
    await page.locator('input[id^="languages-field-"]').first().click();
    await page.keyboard.type(ADDED_LANGUAGE);
    await page.getByText(ADDED_LANGUAGE, { exact: true }).last().waitFor();
    await save(await page.screenshot(), "editor-add-language.png");
    await page.keyboard.press("Enter");
    await publish(page);
    await page.locator("#campaign-check").waitFor({ timeout: 60_000 });
    await save(await page.screenshot(), "editor-problem.png");

    // Section 6: the words sent to a translator and brought back.
    const xlf = `exports/${NEXT}.fr-${ADDED_LANGUAGE}.xlf`;
    await runInTerminal(project, [
      "npm",
      "run",
      "translations",
      "--",
      "export",
      NEXT,
      "--to",
      ADDED_LANGUAGE,
    ]);
    await fs.writeFile(
      path.join(project, xlf),
      translated(await fs.readFile(path.join(project, xlf), "utf8")),
    );
    const imported = await runInTerminal(project, ["npm", "run", "translations", "--", "import", xlf]);
    if (imported.code !== 0) throw new Error(`import failed:\n${imported.output}`);

    // Section 7: the panel, opened, and the check in the terminal.
    await page.locator("#campaign-check").waitFor({ state: "hidden", timeout: 120_000 });
    const summary = page.locator("#campaign-readiness > summary");
    await summary.waitFor({ timeout: 60_000 });
    await summary.click();
    // The newest campaign comes first, under the line that sums them all up.
    const first = await page.locator("#campaign-readiness section").first().getAttribute("aria-label");
    if (first !== NEXT) throw new Error(`the panel lists ${first} first, not ${NEXT}`);
    await save(await page.screenshot(), "editor-ready.png");
    const checkLine = `npm run check -- --publish --campaign ${NEXT}`;
    const checked = await runInTerminal(project, checkLine.split(" "));
    await terminal(console_, checkLine, checked.output, "check-terminal.png", "start");

    // Section 8: the share page's kit, and the English poster.
    await page.goto(`${origin}/${NEXT}/en/share/`);
    const kit = page.getByRole("heading", { name: "Launch-day kit" });
    await kit.evaluate((heading) => heading.scrollIntoView({ block: "start" }));
    const box = await kit.boundingBox();
    const end = await page.getByText(/Print posters at actual size/).boundingBox();
    if (!box || !end) throw new Error("the share page has no launch-day kit");
    await save(
      await page.screenshot({
        clip: {
          x: Math.max(0, box.x - 24),
          y: Math.max(0, box.y - 24),
          width: 720,
          height: end.y + end.height - box.y + 48,
        },
      }),
      "share-kit.png",
    );
    const poster = await fetch(`${origin.replace("localhost", "127.0.0.1")}/${NEXT}/en/poster-a4.png`);
    await sharp(Buffer.from(await poster.arrayBuffer()))
      .resize({ width: 420 })
      .png({ palette: true, compressionLevel: 9 })
      .toFile(path.join(OUT, "poster.png"));
    console.log("docs/guide/poster.png");
  } finally {
    await editor.stop();
    await browser.close();
    await fs.rm(work, { recursive: true, force: true, maxRetries: 10 });
  }
}

await main();
