/**
 * A plain RGB pixel buffer that layers are blended onto in JavaScript, encoded once as PNG.
 * Compositing here rather than in a libvips pipeline keeps a card to one encode and no
 * intermediate images: the layers (text, emblem, logos) are small rectangles on a flat colour.
 */
import sharp, { type Sharp } from "sharp";
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
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(expand(colour).slice(i, i + 2), 16));
    this.data = Buffer.alloc(width * height * 3);
    for (let i = 0; i < this.data.length; i += 3) {
      this.data[i] = r;
      this.data[i + 1] = g;
      this.data[i + 2] = b;
    }
  }

  /** Draws `layer` with its top-left corner at (left, top), clipped to the canvas. */
  draw(layer: RawImage, left: number, top: number): void {
    const x0 = Math.max(0, Math.round(left));
    const y0 = Math.max(0, Math.round(top));
    const x1 = Math.min(this.width, Math.round(left) + layer.width);
    const y1 = Math.min(this.height, Math.round(top) + layer.height);
    for (let y = y0; y < y1; y++) {
      let source = ((y - Math.round(top)) * layer.width + (x0 - Math.round(left))) * 4;
      let target = (y * this.width + x0) * 3;
      for (let x = x0; x < x1; x++, source += 4, target += 3) {
        const alpha = layer.data[source + 3];
        if (alpha === 0) continue;
        if (alpha === 255) {
          this.data[target] = layer.data[source];
          this.data[target + 1] = layer.data[source + 1];
          this.data[target + 2] = layer.data[source + 2];
          continue;
        }
        for (let c = 0; c < 3; c++) {
          this.data[target + c] = Math.round(
            (layer.data[source + c] * alpha + this.data[target + c] * (255 - alpha)) / 255,
          );
        }
      }
    }
  }

  png(): Promise<Buffer> {
    return sharp(this.data, { raw: { width: this.width, height: this.height, channels: 3 } })
      .png({ compressionLevel: 6, adaptiveFiltering: false })
      .toBuffer();
  }
}

function expand(hex: string): string {
  return hex.length === 4 ? `#${[...hex.slice(1)].map((d) => d + d).join("")}` : hex;
}
