/**
 * Writes the README's pictures of the launch-day kit from a built site (run `npm run build`
 * first): a poster preview, and the frame page in Chromium with a sample photo framed.
 * Usage: tsx scripts/kit-screenshots.ts [site folder, default _site]
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { launchBrowser } from "../test/helpers/browser.ts";
import { serveStatic } from "../test/helpers/site.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const site = path.resolve(process.argv[2] ?? path.join(root, "_site"));
const docs = path.join(root, "docs/kit");

for (const lang of ["en", "ar"]) {
  await sharp(path.join(site, "blue-heart-2023-be", lang, "poster-a4.png"))
    .resize({ width: 420 })
    .png({ compressionLevel: 9, palette: true })
    .toFile(path.join(docs, `poster-${lang}.png`));
}

// The machine's default fonts (test/helpers/browser.ts), as a visitor's desktop has them.
const browser = await launchBrowser("system");
if (!browser) throw new Error("the frame page screenshot needs Chromium");
const server = await serveStatic(site);
const page = await browser.newPage({ viewport: { width: 800, height: 1000 } });
await page.goto(`${server.origin}/blue-heart-2023-be/en/frame/`);
const photo = await sharp({
  create: { width: 800, height: 800, channels: 3, background: "#f4b183" },
})
  .composite([
    {
      input: Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800"><circle cx="400" cy="330" r="150" fill="#8d5524"/><ellipse cx="400" cy="760" rx="300" ry="260" fill="#3a6ea5"/></svg>',
      ),
    },
  ])
  .png()
  .toBuffer();
await page.setInputFiles("#frame-photo", { name: "photo.png", mimeType: "image/png", buffer: photo });
await page.waitForFunction(() => !(document.querySelector("[data-download]") as HTMLButtonElement).disabled);
const shot = await page.screenshot({ fullPage: false });
await sharp(shot)
  .resize({ width: 560 })
  .png({ compressionLevel: 9, palette: true })
  .toFile(path.join(docs, "frame-page.png"));
await browser.close();
await server.close();
console.log(`Wrote ${docs}/poster-en.png, poster-ar.png, frame-page.png`);
