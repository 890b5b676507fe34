/**
 * A plain RGB pixel buffer that layers are blended onto in JavaScript, encoded once as PNG.
 * Compositing here rather than in a libvips pipeline keeps a card to one encode and no
 * intermediate images: the layers (text, emblem, logos) are small rectangles on a flat colour.
 */
import sharp, { type Sharp } from "sharp";
// Before any drawing: partner logos are SVGs with text, and fontconfig reads its configuration once.
import { rgb } from "../campaign/colour.ts";
import "./fonts.ts";
import { keptRecent } from "./memo.ts";

/** Straight (not premultiplied) RGBA pixels, as sharp's raw output gives them. */
export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
}

export async function toRaw(image: Sharp): Promise<RawImage> {
  const { data, info } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

const drawings = keptRecent<RawImage>(64);

/** An SVG (emblem, logo band) drawn at `width` × `height`: the same for every card and poster of a design, so drawn once. */
export function drawnSvg(svg: string, width: number, height: number): Promise<RawImage> {
  return drawings(`${width}x${height}:${svg}`, () => toRaw(sharp(Buffer.from(svg)).resize(width, height)));
}

export class Canvas {
  readonly data: Buffer;

  constructor(
    readonly width: number,
    readonly height: number,
    colour: string,
  ) {
    this.data = Buffer.alloc(width * height * 3, pixelOf(colour));
  }

  /** Fills a rectangle with one colour, clipped to the canvas. */
  fill(left: number, top: number, width: number, height: number, colour: string): void {
    const x0 = Math.max(0, Math.round(left));
    const x1 = Math.min(this.width, Math.round(left + width));
    const y0 = Math.max(0, Math.round(top));
    const y1 = Math.min(this.height, Math.round(top + height));
    if (x1 <= x0) return;
    const pixel = pixelOf(colour);
    for (let y = y0; y < y1; y++) {
      const row = y * this.width;
      this.data.fill(pixel, (row + x0) * 3, (row + x1) * 3);
    }
  }

  /** Draws `layer` with its top-left corner at (left, top), clipped to the canvas. */
  draw(layer: RawImage, left: number, top: number): void {
    const x0 = Math.max(0, Math.round(left));
    const y0 = Math.max(0, Math.round(top));
    const x1 = Math.min(this.width, Math.round(left) + layer.width);
    const y1 = Math.min(this.height, Math.round(top) + layer.height);
    const from = layer.data;
    const to = this.data;
    for (let y = y0; y < y1; y++) {
      let source = ((y - Math.round(top)) * layer.width + (x0 - Math.round(left))) * 4;
      let target = (y * this.width + x0) * 3;
      for (let x = x0; x < x1; x++, source += 4, target += 3) {
        const alpha = from[source + 3];
        if (alpha === 0) continue;
        if (alpha === 255) {
          to[target] = from[source];
          to[target + 1] = from[source + 1];
          to[target + 2] = from[source + 2];
          continue;
        }
        const rest = 255 - alpha;
        to[target] = divide255(from[source] * alpha + to[target] * rest);
        to[target + 1] = divide255(from[source + 1] * alpha + to[target + 1] * rest);
        to[target + 2] = divide255(from[source + 2] * alpha + to[target + 2] * rest);
      }
    }
  }

  /**
   * The canvas as PNG, zlib's level 6 by default. The poster preview, a large flat picture made
   * for every language, takes 4: about 4 % more bytes for two fifths less time.
   */
  png(compressionLevel = 6): Promise<Buffer> {
    return sharp(this.data, { raw: { width: this.width, height: this.height, channels: 3 } })
      .png({ compressionLevel, adaptiveFiltering: false })
      .toBuffer();
  }
}

/** Math.round(value / 255) for 0 ≤ value ≤ 255 × 255, in integer steps. */
function divide255(value: number): number {
  const rounded = value + 128;
  return (rounded + (rounded >> 8)) >> 8;
}

/** "#rgb" or "#rrggbb" as three bytes. */
function pixelOf(colour: string): Buffer {
  return Buffer.from(rgb(colour));
}
