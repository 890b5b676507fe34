/**
 * A line or box of poster text: outlines when it is one colour (src/render/line-breaking.ts), and a
 * picture from the share images' text engine when it holds colour emoji, which have no outlines
 * of one colour to fill.
 */

import { fitVectorText, type VectorText } from "../render/line-breaking.ts";
import { type FitRequest, fitText, type TextImage } from "../render/text-fit.ts";

export type PosterText =
  | { kind: "vector"; width: number; height: number; text: VectorText }
  | { kind: "image"; width: number; height: number; image: TextImage };

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
    return { kind: "image", width: image.width, height: image.height, image };
  }
  const text = fitVectorText(request);
  return { kind: "vector", width: text.width, height: text.height, text };
}
