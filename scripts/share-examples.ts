/**
 * Share-image examples for the README: the French link card and the French and Arabic stories of
 * blue-heart-2023-be, copied from the built site (run `npm run build` first) at half size as
 * small palette PNGs to docs/share/.
 *
 *   npx tsx scripts/share-examples.ts
 */
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import type { FormatName } from "../src/social/design.ts";
import { shareImagePath } from "../src/social/index.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const SITE = path.join(ROOT, "_site");
const OUT = path.join(ROOT, "docs", "share");
const CAMPAIGN = "blue-heart-2023-be";

const EXAMPLES: Array<[string, FormatName]> = [
  ["fr", "og"],
  ["fr", "story"],
  ["ar", "story"],
];

await fs.mkdir(OUT, { recursive: true });
for (const [lang, format] of EXAMPLES) {
  const source = path.join(SITE, shareImagePath(CAMPAIGN, lang, format));
  const file = path.join(OUT, `${lang}-${format}.png`);
  const { width = 0 } = await sharp(source).metadata();
  await sharp(source)
    .resize({ width: Math.round(width / 2) })
    .png({ palette: true, colours: 64, compressionLevel: 9 })
    .toFile(file);
  const { size } = await fs.stat(file);
  console.log(`${path.relative(ROOT, file)} ${Math.round(size / 1024)} KB`);
}
