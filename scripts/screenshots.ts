/**
 * Screenshots for the README: a campaign page in French and Arabic, on a desktop and a phone,
 * taken with Chromium from the built site (run `npm run build` first). Written as small
 * palette PNGs to docs/screenshots/.
 *
 *   npm run screenshots
 */
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { launchBrowser } from "../test/helpers/browser.ts";
import { serveStatic } from "../test/helpers/site.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const SITE = path.join(ROOT, "_site");
const OUT = path.join(ROOT, "docs", "screenshots");
const CAMPAIGN = "blue-heart-2023-be";
const VIEWPORTS = {
  desktop: { width: 1280, height: 900, deviceScaleFactor: 1 },
  phone: { width: 360, height: 640, deviceScaleFactor: 2 },
};

// The machine's default fonts (test/helpers/browser.ts), as a visitor's desktop has them.
const browser = await launchBrowser("system");
if (!browser) process.exit(1);
const server = await serveStatic(SITE);
await fs.mkdir(OUT, { recursive: true });
try {
  for (const lang of ["fr", "ar"]) {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: viewport.deviceScaleFactor });
      const page = await context.newPage();
      await page.goto(`${server.origin}/${CAMPAIGN}/${lang}/`);
      const png = await page.screenshot({ fullPage: false });
      const file = path.join(OUT, `${lang}-${name}.png`);
      await sharp(png)
        .resize({ width: viewport.width })
        .png({ palette: true, colours: 64, compressionLevel: 9 })
        .toFile(file);
      const { size } = await fs.stat(file);
      console.log(`${path.relative(ROOT, file)} ${Math.round(size / 1024)} KB`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
