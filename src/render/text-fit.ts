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
  /**
   * Lines of even length: when the last line is short (a word alone, as "côté"), the text is
   * wrapped narrower, as long as it keeps its size and number of lines.
   */
  balance?: boolean;
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
      return await balanced(request, await fitWrapped(request, "word"), "word");
    } catch (error) {
      if (!(error instanceof TextFitError)) throw error;
    }
  }
  return balanced(request, await fitWrapped(request, "word-char"), "word-char");
}

/** A last line shorter than this share of the widest is rewrapped (balance). */
const SHORT_LAST_LINE = 0.5;

/**
 * The text wrapped at the narrowest width that keeps its size and its number of lines, when its
 * last line is short: a binary search over the width, each try a layout of a few milliseconds,
 * made only for the few texts that need it.
 */
async function balanced(request: FitRequest, image: TextImage, wrap: Wrap): Promise<TextImage> {
  if (!request.balance) return image;
  const widths = lineInkWidths(image);
  const lines = widths;
  if (lines.length < 2) return image;
  const last = widths[widths.length - 1];
  const widest = Math.max(...widths);
  if (last >= widest * SHORT_LAST_LINE) return image;
  let best = image;
  let low = Math.ceil(widths.reduce((sum, width) => sum + width, 0) / lines.length);
  let high = request.width;
  while (high - low > 8) {
    const middle = Math.floor((low + high) / 2);
    const trial = await render({ ...request, width: middle }, image.size, wrap);
    if (
      lineInkWidths(trial).length === lines.length &&
      trial.height <= request.height &&
      trial.width <= middle
    ) {
      best = trial;
      high = middle;
    } else {
      low = middle;
    }
  }
  return best;
}

/**
 * Each line of a text image moved so its ink starts at the start edge (the left, or the right for
 * right-to-left text): Pango places lines by their letters' boxes, so a line starting with "J"
 * and one starting with "c" begin a few pixels apart. Lines whose ink touches (no blank row
 * between them) move together.
 */
export function alignLines(image: TextImage, dir: "ltr" | "rtl"): TextImage {
  const bands = lineBands(image);
  if (bands.length < 2) return image;
  const data = Buffer.alloc(image.data.length);
  const rowBytes = image.width * 4;
  for (const band of bands) {
    const { left, right } = inkColumns(image, band.top, band.bottom);
    const shift = dir === "rtl" ? image.width - 1 - right : -left;
    for (let y = band.top; y < band.bottom; y++) {
      const row = y * rowBytes;
      const from = Math.max(0, -shift) * 4;
      const to = Math.max(0, shift) * 4;
      image.data.copy(data, row + to, row + from, row + rowBytes - Math.max(0, shift) * 4);
    }
  }
  return { ...image, data };
}

/** The rows of a text image that hold ink, grouped into lines (runs of inked rows). */
function lineBands(image: RawImage): Array<{ top: number; bottom: number }> {
  const bands: Array<{ top: number; bottom: number }> = [];
  let start = -1;
  for (let y = 0; y <= image.height; y++) {
    const inked = y < image.height && rowHasInk(image, y);
    if (inked && start < 0) start = y;
    if (!inked && start >= 0) {
      bands.push({ top: start, bottom: y });
      start = -1;
    }
  }
  return bands;
}

function rowHasInk(image: RawImage, y: number): boolean {
  for (let x = 0; x < image.width; x++) if (image.data[(y * image.width + x) * 4 + 3] > 0) return true;
  return false;
}

/** Each line's width from its first to its last inked column (lines as runs of inked rows). */
export function lineInkWidths(image: RawImage): number[] {
  return lineBands(image).map((band) => inkSpan(image, band.top, band.bottom));
}

/** The width from the first to the last inked column between rows `top` and `bottom`. */
function inkSpan(image: RawImage, top: number, bottom: number): number {
  const { left, right } = inkColumns(image, top, bottom);
  return right >= left ? right - left + 1 : 0;
}

/** The first and last columns with ink (for the whole image by default). */
export function inkColumns(image: RawImage, top = 0, bottom = image.height): { left: number; right: number } {
  let left = image.width;
  let right = -1;
  for (let y = top; y < bottom; y++) {
    const row = y * image.width;
    for (let x = 0; x < left; x++) {
      if (image.data[(row + x) * 4 + 3] > 0) {
        left = x;
        break;
      }
    }
    for (let x = image.width - 1; x > right; x--) {
      if (image.data[(row + x) * 4 + 3] > 0) {
        right = x;
        break;
      }
    }
  }
  return { left, right };
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
