/**
 * Which characters a font maps to a glyph, read by HarfBuzz (harfbuzzjs) from the font's own
 * character map, so characters no shipped font has are found before anything is drawn.
 */
import * as hb from "harfbuzzjs";

export function codePoints(font: Buffer): Set<number> {
  return new Set(new hb.Face(new hb.Blob(font)).collectUnicodes());
}
