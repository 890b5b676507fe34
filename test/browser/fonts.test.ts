/**
 * The browser's fonts are chosen, not inherited (browser.ts): this process points fontconfig at
 * the share images' Noto fonts, and no Chromium the tests start may see them. Under "system"
 * Chromium draws with fonts installed on the machine; under "wide" with DejaVu Sans alone.
 *
 * The pages bring their own: Noto, cut to the characters they show (src/site/web-fonts.ts). In a
 * browser with DejaVu Sans alone, which has no Ethiopic and no Chinese, every text of a Tigrinya,
 * Arabic, Persian and Chinese page, and every language name in a list, must be drawn by one of
 * them: Chromium says which font drew each text (CSS.getPlatformFontsForNode), and a character
 * no font has is drawn as an empty box by the last font tried, which is not the site's.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import * as assert from "uvu/assert";
import { FONTCONFIG_FILE } from "../../src/render/fonts.ts";
import { browserEnvironment, FONT_SETUPS } from "../helpers/browser.ts";
import { exampleBrowserSuite } from "../helpers/example-browser.ts";

const run = promisify(execFile);
const { test, it, state } = exampleBrowserSuite("the browser's font set-ups", FONT_SETUPS);

/** The families fontconfig offers in `env`, as `fc-list` lists them. */
async function families(env: Record<string, string>): Promise<Set<string>> {
  const { stdout } = await run("fc-list", ["--format", "%{family}\\n"], { env });
  return new Set(stdout.split("\n").flatMap((line) => line.split(",").filter(Boolean)));
}

/** The fonts Chromium drew the text of each element with text of its own, keyed by a short description. */
async function fontsOfTexts(page: Page): Promise<Array<{ element: string; fonts: PlatformFont[] }>> {
  // Each element with a non-blank text of its own is marked, so CDP can find them all at once.
  const described = (await page.evaluate(`(() => {
    const marked = [];
    for (const element of document.body.querySelectorAll("*")) {
      const own = [...element.childNodes].filter((node) => node.nodeType === 3 && node.textContent.trim()).map((node) => node.textContent.trim()).join(" ");
      if (!own || element.closest("script, style, template")) continue;
      element.setAttribute("data-text-probe", String(marked.length));
      marked.push(element.localName + (element.className && typeof element.className === "string" ? "." + element.className.split(" ")[0] : "") + " " + JSON.stringify(own.slice(0, 40)));
    }
    return marked;
  })()`)) as string[];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument");
  const { nodeIds } = await cdp.send("DOM.querySelectorAll", {
    nodeId: root.nodeId,
    selector: "[data-text-probe]",
  });
  const result: Array<{ element: string; fonts: PlatformFont[] }> = [];
  for (const nodeId of nodeIds) {
    const { attributes } = await cdp.send("DOM.getAttributes", { nodeId });
    const index = Number(attributes[attributes.indexOf("data-text-probe") + 1]);
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    result.push({ element: described[index], fonts });
  }
  await cdp.detach();
  return result;
}

interface PlatformFont {
  familyName: string;
  isCustomFont: boolean;
  glyphCount: number;
}

/** The texts of `page` drawn, in part or whole, by a font that is not one of the site's Noto faces. */
async function notInSiteFonts(page: Page): Promise<string[]> {
  return (await fontsOfTexts(page)).flatMap(({ element, fonts }) =>
    fonts
      .filter((font) => !(font.isCustomFont && font.familyName.startsWith("Noto Sans")))
      .map((font) => `${element}: ${font.glyphCount} glyph(s) in ${font.familyName}`),
  );
}

/** Letters of the scripts a page shows, to be sure the check met them. */
const SCRIPTS = {
  Ethiopic: /\p{Script=Ethiopic}/u,
  Arabic: /\p{Script=Arabic}/u,
  Han: /\p{Script=Han}/u,
};

/** The families Chromium drew the text of `selector` with. */
async function drawnWith(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument");
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
  await cdp.detach();
  return fonts.map((font) => font.familyName).sort();
}

it("no set-up passes on this process's fontconfig file; the wide one offers DejaVu Sans alone", async () => {
  assert.is(process.env.FONTCONFIG_FILE, FONTCONFIG_FILE, "the share images' fonts are not set up");
  const system = browserEnvironment("system");
  assert.equal(
    Object.keys(system).filter((name) => name.startsWith("FONTCONFIG")),
    [],
  );
  const wide = browserEnvironment("wide");
  assert.ok(wide.FONTCONFIG_FILE && wide.FONTCONFIG_FILE !== FONTCONFIG_FILE);
  assert.equal([...(await families(wide))], ["DejaVu Sans"]);
});

it("with the site's fonts blocked, Chromium draws Latin and Arabic titles with the set-up's fonts, never the share images'", async () => {
  // The machine's fonts, asked for here without the launcher's help.
  const machine = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && !entry[0].startsWith("FONTCONFIG"),
    ),
  );
  const installed = await families(machine);
  for (const { fonts, browser } of state.browsers) {
    const page = await browser.newPage();
    await page.route("**/*.woff2", (route) => route.abort());
    for (const path of ["/blue-heart-2023-be/fr/", "/blue-heart-2023-be/ar/"]) {
      await page.goto(state.origin + path);
      await page.evaluate(() => document.fonts.ready);
      const used = await drawnWith(page, ".hero h1");
      assert.ok(used.length > 0, `${path}: no font found`);
      if (fonts === "wide") assert.equal(used, ["DejaVu Sans"], `${path} (wide fonts)`);
      else
        assert.equal(
          used.filter((family) => !installed.has(family)),
          [],
          `${path} (${fonts} fonts) drew with fonts the machine does not have: ${used.join(", ")}`,
        );
    }
    await page.close();
  }
});

it("with DejaVu Sans alone, every text of Tigrinya, Arabic, Persian and Chinese pages and every language name is drawn in the site's Noto", async () => {
  const wide = state.browsers.find((each) => each.fonts === "wide");
  assert.ok(wide, "no browser with DejaVu Sans alone");
  const failures: string[] = [];
  const met = new Set<string>();
  for (const viewport of [
    { width: 360, height: 640 },
    { width: 1280, height: 900 },
  ]) {
    const page = await wide.browser.newPage({ viewport });
    // Pages of each script, the campaign's chooser (every language named in itself), the archive.
    for (const path of [
      "/many-languages/ti/",
      "/many-languages/ar/",
      "/many-languages/fa/",
      "/many-languages/zh/",
      "/many-languages-benelux/ti/",
      "/blue-heart-2023-be/ar/",
      "/many-languages/",
      "/many-languages/en/",
      "/",
    ]) {
      await page.goto(state.origin + path);
      // The language control's list, open: the names in their own scripts are drawn.
      await page.evaluate(`document.querySelector(".switcher-menu")?.setAttribute("open", "")`);
      await page.evaluate(() => document.fonts.ready);
      const text = await page.evaluate(() => document.body.innerText);
      for (const [script, pattern] of Object.entries(SCRIPTS)) if (pattern.test(text)) met.add(script);
      failures.push(
        ...(await notInSiteFonts(page)).map((line) => `${path} at ${viewport.width} px: ${line}`),
      );
    }
    await page.close();
  }
  assert.equal(failures, []);
  assert.equal([...met].sort(), ["Arabic", "Ethiopic", "Han"]);
});

it("the check fails where a page's fonts do not load: Ethiopic then drawn as empty boxes in DejaVu Sans", async () => {
  const wide = state.browsers.find((each) => each.fonts === "wide");
  assert.ok(wide);
  const page = await wide.browser.newPage();
  await page.route("**/*.woff2", (route) => route.abort());
  await page.goto(`${state.origin}/many-languages/ti/`);
  await page.evaluate(() => document.fonts.ready);
  const failures = await notInSiteFonts(page);
  assert.ok(
    failures.some((line) => line.startsWith("h1") && line.includes("DejaVu Sans")),
    failures.join("\n"),
  );
  await page.close();
});

test.run();
