/**
 * Text drawn by sharp's text input (Pango shapes, wraps and orders it with HarfBuzz and FriBiDi).
 * `fitText` finds the largest size, between a maximum and a readable minimum, at which the text
 * fits its box, so text shrinks rather than overflowing and is never clipped.
 */
import sharp from "sharp";
import type { RawImage } from "./canvas.ts";
import { BASE_POINTS, fontDescription, type Weight } from "./fonts.ts";

/** Pango markup needs &, <, >, ' and " escaped; campaign text is plain text. */
export function escapeMarkup(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/'/g, "&#39;")
    .replace(/"/g, "&quot;");
}

export interface TextImage extends RawImage {
  /** The font size used, in pixels. */
  size: number;
}

export interface FitRequest {
  text: string;
  lang: string;
  weight: Weight;
  colour: string;
  width: number;
  height: number;
  /** Largest and smallest font size, in pixels. */
  max: number;
  min: number;
  /**
   * Distance between baselines as a multiple of the size, the same in every script. Without it
   * each line is as tall as its font says, and Arabic lines are half as tall again as Latin ones.
   */
  lineHeight?: number;
  /**
   * Break lines only between words (Pango would otherwise hyphenate a long word to keep a larger
   * size); inside a word only when no size down to `min` keeps every word whole.
   */
  wholeWords?: boolean;
}

type Wrap = "word" | "word-char";

export class TextFitError extends Error {
  override name = "TextFitError";
}

async function render(request: FitRequest, size: number, wrap: Wrap): Promise<TextImage> {
  // An absolute line_height is in 1024ths of a unit that libvips' text input draws as one pixel.
  const lineHeight = request.lineHeight
    ? ` line_height="${Math.round(request.lineHeight * size * 1024)}"`
    : "";
  const markup = `<span foreground="${request.colour}" lang="${escapeMarkup(request.lang)}"${lineHeight}>${escapeMarkup(request.text)}</span>`;
  const { data, info } = await sharp({
    text: {
      text: markup,
      font: fontDescription(request.weight),
      width: request.width,
      dpi: Math.round((size * 72) / BASE_POINTS),
      rgba: true,
      align: "left", // Pango reads "left" as the start side: right for Arabic
      wrap,
    },
  })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, size };
}

/**
 * Draws the text at the largest size that fits, trying the maximum first (most text fits) and
 * shrinking by the measured overflow; a handful of layouts at most, each a few milliseconds.
 */
export async function fitText(request: FitRequest): Promise<TextImage> {
  if (request.wholeWords) {
    try {
      return await fitWrapped(request, "word");
    } catch (error) {
      if (!(error instanceof TextFitError)) throw error;
    }
  }
  return fitWrapped(request, "word-char");
}

async function fitWrapped(request: FitRequest, wrap: Wrap): Promise<TextImage> {
  let size = request.max;
  for (;;) {
    const image = await render(request, size, wrap);
    if (image.width <= request.width && image.height <= request.height) return image;
    size = smallerSize(size, image, request);
  }
}

/**
 * The next size to try after text drawn at `size` measured `drawn`, too big for `box`: text area
 * grows with the square of the size, so shrink by the root of the overflow, never below
 * `box.min`; at `box.min` already, TextFitError. Shared by every text that shrinks to fit.
 */
export function smallerSize(
  size: number,
  drawn: { width: number; height: number },
  box: { width: number; height: number; min: number },
): number {
  if (size <= box.min) {
    throw new TextFitError(
      `does not fit even at ${box.min} px (the smallest readable size here): shorten it`,
    );
  }
  const overflow = Math.max(drawn.height / box.height, drawn.width / box.width);
  const next = Math.floor(size * Math.min(0.95, Math.max(0.5, 1 / Math.sqrt(overflow))));
  return Math.max(box.min, next);
}
