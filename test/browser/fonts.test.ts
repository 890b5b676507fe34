/**
 * The browser's fonts are chosen, not inherited (browser.ts): this process points fontconfig at
 * the share images' Noto fonts, and no Chromium the tests start may see them. Under "system"
 * Chromium draws with fonts installed on the machine; under "wide" with DejaVu Sans alone.
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

it("Chromium draws Latin and Arabic titles with the set-up's fonts, never the shipped ones", async () => {
  // The machine's fonts, asked for here without the launcher's help.
  const machine = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && !entry[0].startsWith("FONTCONFIG"),
    ),
  );
  const installed = await families(machine);
  for (const { fonts, browser } of state.browsers) {
    const page = await browser.newPage();
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

test.run();
