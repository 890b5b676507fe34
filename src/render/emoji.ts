/**
 * Colour emoji for share images. Noto Color Emoji (SIL Open Font License) comes from npm as WOFF
 * and WOFF2 only, which the FreeType inside libvips does not read; the WOFF file is unpacked once
 * to TrueType (woff.ts, synchronous, zlib only) into .cache/fontconfig/emoji/, a folder the
 * private fontconfig file lists. Pango and cairo then draw its COLR glyphs in colour: 💙 is blue.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { codePoints } from "./code-points.ts";
import { woffToSfnt } from "./woff.ts";

const require = createRequire(import.meta.url);
const PACKAGE = "@fontsource/noto-color-emoji";

export const EMOJI_FAMILY = "Noto Color Emoji";

export function emojiPackageVersion(): string {
  return (require(`${PACKAGE}/package.json`) as { version: string }).version;
}

/** The folder fontconfig lists for emoji, under the fontconfig cache folder. */
export function emojiFontDir(fontconfigFolder: string): string {
  return path.join(fontconfigFolder, "emoji");
}

/** Path of the decompressed TrueType font for this package version. */
export function emojiFontFile(fontconfigFolder: string): string {
  return path.join(emojiFontDir(fontconfigFolder), `NotoColorEmoji-${emojiPackageVersion()}.ttf`);
}

/** The code points the emoji font maps, kept beside it: reading them from the 25 MB font takes long. */
function codePointsFile(fontFile: string): string {
  return fontFile.replace(/\.ttf$/, ".codepoints.json");
}

export function emojiCodePoints(fontconfigFolder: string): number[] {
  return JSON.parse(fs.readFileSync(codePointsFile(emojiFontFile(fontconfigFolder)), "utf8")) as number[];
}

/** Unpacks the full emoji set to TrueType unless done before; returns its path. */
export function ensureEmojiFont(fontconfigFolder: string): string {
  const file = emojiFontFile(fontconfigFolder);
  if (fs.existsSync(file) && fs.existsSync(codePointsFile(file))) return file;
  const folder = path.dirname(require.resolve(`${PACKAGE}/package.json`));
  const woff = fs.readFileSync(path.join(folder, "files", "noto-color-emoji-emoji-400-normal.woff"));
  const ttf = woffToSfnt(woff);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Older versions would be found by fontconfig too: keep only this one.
  for (const old of fs.readdirSync(path.dirname(file))) {
    if (old.endsWith(".ttf") || old.endsWith(".json"))
      fs.rmSync(path.join(path.dirname(file), old), { force: true });
  }
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, ttf);
  fs.renameSync(temporary, file);
  fs.writeFileSync(temporary, JSON.stringify([...codePoints(ttf)]));
  fs.renameSync(temporary, codePointsFile(file));
  return file;
}
