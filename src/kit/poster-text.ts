/**
 * A line or box of poster text: outlines when it is one colour (src/render/line-breaking.ts), and a
 * picture from the share images' text engine when it holds colour emoji, which have no outlines
 * of one colour to fill. Either way its characters in reading order, line by line, for the PDFs'
 * invisible text.
 */

import { fitVectorText, type LineText, layoutText, type VectorText } from "../render/line-breaking.ts";
import { shapeText } from "../render/shaping.ts";
import { type FitRequest, fitText, type TextImage } from "../render/text-fit.ts";

/** The text's lines of characters in reading order (see LineText) and the font size, in pixels. */
interface Readable {
  lines: LineText[];
  size: number;
}

export type PosterText =
  | ({ kind: "vector"; width: number; height: number; text: VectorText } & Readable)
  | ({ kind: "image"; width: number; height: number; image: TextImage } & Readable);

/**
 * Whether text is drawn in its one colour only: colour emoji (pictographs, flags, keycaps and
 * emoji presentation) bring colours of their own.
 */
export function oneColour(text: string): boolean {
  return !/\p{Extended_Pictographic}|\p{Regional_Indicator}|\u{FE0F}|\u{20E3}/u.test(text);
}

/** The text at the largest size that fits its box; TextFitError below the smallest. */
export async function fitPosterText(request: FitRequest & { dir: "ltr" | "rtl" }): Promise<PosterText> {
  if (!oneColour(request.text)) {
    const image = await fitText(request);
    // The picture's lines as this module breaks them at its size, near where Pango drew them
    // (right-to-left text aligned on the picture's right).
    const units = shapeText(request.text, request.lang, request.weight, request.dir);
    const laid = layoutText(units, image.size, request.width, request.dir, request.weight);
    const shift = request.dir === "rtl" ? image.width - laid.width : 0;
    const lines = laid.text.map((line) => ({
      ...line,
      chars: line.chars.map((char) => ({ ...char, x: char.x + shift })),
    }));
    return { kind: "image", width: image.width, height: image.height, image, lines, size: image.size };
  }
  const text = fitVectorText(request);
  return { kind: "vector", width: text.width, height: text.height, text, lines: text.text, size: text.size };
}
