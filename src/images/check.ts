/**
 * Proving a partner's logo readable: every pixel decoded by sharp, within a pixel limit. The
 * content hashes of logos that passed are remembered in .cache/ (checked.ts), so an unchanged
 * logo is decoded once, and a build with nothing new never loads sharp.
 */
import fs from "node:fs/promises";
import type { ImageCheck } from "../campaign/logos.ts";
import { imageDigest, rememberChecked, wasChecked } from "./checked.ts";

/** Logos above this many pixels are refused before sharp decodes them. */
export const MAX_LOGO_PIXELS = 40_000_000;

/** The check campaign loading uses for logos; `cacheDir` remembers the ones that passed. */
export function imageChecker(cacheDir?: string): ImageCheck {
  return async (file, logo) => {
    const bytes = await fs.readFile(file);
    const digest = imageDigest(bytes);
    if (await wasChecked(cacheDir, digest)) return undefined;
    // The font setup first (a failure there is not the logo's): decoding an SVG logo draws its
    // text, and fontconfig reads its configuration only once per process.
    await import("../render/fonts.ts");
    try {
      const { default: sharp } = await import("sharp");
      const image = sharp(bytes, { limitInputPixels: MAX_LOGO_PIXELS, failOn: "truncated" });
      const { width, height } = await image.metadata();
      if (!width || !height) throw new Error("no dimensions");
      await image.stats(); // decodes every pixel: catches truncated files
    } catch (error) {
      const reason = (error as Error).message.split("\n")[0];
      return /pixel limit/i.test(reason)
        ? `"${logo}" is larger than ${MAX_LOGO_PIXELS / 1_000_000} megapixels; export it smaller (a logo needs about 600 pixels wide)`
        : `"${logo}" is not a readable image (${reason}); export it again as SVG, PNG, JPEG or WebP`;
    }
    await rememberChecked(cacheDir, digest);
    return undefined;
  };
}
