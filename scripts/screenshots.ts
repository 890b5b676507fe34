/**
 * Screenshots for the README: a campaign page in French and Arabic, on a desktop and a phone,
 * cut from the review sheet (scripts/review.ts) of the built site (run `npm run build` first):
 * the first screen of each, written as small palette PNGs to docs/screenshots/.
 *
 *   npm run screenshots
 */
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { REVIEW_DIR, reviewSheets, VIEWPORTS } from "./review.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, "docs", "screenshots");
const CAMPAIGN = "blue-heart-2023-be";

await reviewSheets({ slugs: [CAMPAIGN] });
await fs.mkdir(OUT, { recursive: true });
for (const lang of ["fr", "ar"]) {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    const sheet = path.join(REVIEW_DIR, CAMPAIGN, `${lang}-${name}.png`);
    const { width = viewport.width } = await sharp(sheet).metadata();
    const file = path.join(OUT, `${lang}-${name}.png`);
    // The sheet holds the whole page at the viewport's width: keep its first screen.
    const screen = Math.round((viewport.height * width) / viewport.width);
    await sharp(sheet)
      .extract({ left: 0, top: 0, width, height: screen })
      .resize({ width: viewport.width })
      .png({ palette: true, colours: 64, compressionLevel: 9 })
      .toFile(file);
    const { size } = await fs.stat(file);
    console.log(`${path.relative(ROOT, file)} ${Math.round(size / 1024)} KB`);
  }
}
