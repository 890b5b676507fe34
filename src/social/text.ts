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
}

export class TextFitError extends Error {
  override name = "TextFitError";
}

const dpiFor = (pixels: number) => Math.round((pixels * 72) / BASE_POINTS);
const pixelsFor = (dpi: number) => (dpi * BASE_POINTS) / 72;

async function render(
  request: FitRequest,
  options: { dpi?: number; height?: number },
): Promise<TextImage & { dpi: number }> {
  const markup = `<span foreground="${request.colour}" lang="${escapeMarkup(request.lang)}">${escapeMarkup(request.text)}</span>`;
  const { data, info } = await sharp({
    text: {
      text: markup,
      font: fontDescription(request.weight),
      width: request.width,
      ...(options.height ? { height: options.height } : { dpi: options.dpi }),
      rgba: true,
      align: "left", // Pango reads "left" as the start side: right for Arabic
      wrap: "word-char",
    },
  })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const dpi = options.dpi ?? (info as { textAutofitDpi?: number }).textAutofitDpi ?? 0;
  return { data, width: info.width, height: info.height, size: pixelsFor(dpi), dpi };
}

export async function fitText(request: FitRequest): Promise<TextImage> {
  // Pango's own fitting picks the size that fills the box; cap it at the maximum.
  const fitted = await render(request, { height: request.height });
  let dpi = Math.min(fitted.dpi, dpiFor(request.max));
  let image = dpi === fitted.dpi ? fitted : await render(request, { dpi });
  // Guard against rounding: step down until the ink is inside the box.
  while (image.width > request.width || image.height > request.height) {
    dpi -= Math.max(1, Math.round(dpi * 0.04));
    image = await render(request, { dpi });
  }
  if (image.size < request.min) {
    throw new TextFitError(
      `does not fit even at ${request.min} px (the smallest readable size here): shorten it`,
    );
  }
  return image;
}
