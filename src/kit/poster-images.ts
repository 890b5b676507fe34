/**
 * The emblem and the partners' logos at print size, drawn once per process: every language of a
 * campaign places the same ones, so its posters draw, compress and scale them once. Kept by the
 * hash of their bytes (a logo changed on disk while `serve` runs is drawn again), for the few
 * campaigns being built at a time.
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import sharp from "sharp";
import { type RawImage, toRaw } from "../social/canvas.ts";

const KEEP = 32;
const drawn = new Map<string, Promise<RawImage>>();

function once(key: string, draw: () => Promise<RawImage>): Promise<RawImage> {
  let image = drawn.get(key);
  if (image) {
    drawn.delete(key); // most recently used last
  } else {
    image = draw();
    image.catch(() => drawn.delete(key));
  }
  drawn.set(key, image);
  while (drawn.size > KEEP) drawn.delete(drawn.keys().next().value as string);
  return image;
}

const hash = (bytes: Buffer | string) => crypto.createHash("sha256").update(bytes).digest("hex");

/** The emblem's SVG (its colour already set) as a square of `size` pixels. */
export function emblemImage(svg: string, size: number): Promise<RawImage> {
  return once(`emblem ${hash(svg)} ${size}`, () => toRaw(sharp(Buffer.from(svg)).resize(size, size)));
}

/** A logo file at 300 dpi, at most `height` high and `width` wide. */
export async function logoImage(file: string, height: number, width: number): Promise<RawImage> {
  const bytes = await fs.readFile(file);
  return once(`logo ${hash(bytes)} ${height} ${width}`, () =>
    toRaw(sharp(bytes, { density: 300 }).resize({ height, width, fit: "inside" })),
  );
}

/**
 * Work done once for each image and variant (a colour, a size), as long as the image is kept:
 * an emblem or logo drawn once is compressed for the PDFs and scaled for the preview once.
 */
export function perImage<T>(make: (image: RawImage, variant?: string) => Promise<T>) {
  const made = new WeakMap<RawImage, Map<string, Promise<T>>>();
  return (image: RawImage, variant?: string): Promise<T> => {
    let forImage = made.get(image);
    if (!forImage) {
      forImage = new Map();
      made.set(image, forImage);
    }
    let result = forImage.get(variant ?? "");
    if (!result) {
      result = make(image, variant);
      forImage.set(variant ?? "", result);
    }
    return result;
  };
}
