/**
 * The emblem at print size, drawn once per process: every language of a campaign places the same
 * one, so its posters draw, compress and scale it once. Drawings are kept by src/social/ for share
 * cards and posters alike (canvas.ts for SVGs, logos.ts for the partners' logos).
 */
import { drawnSvg, type RawImage } from "../render/canvas.ts";

/** The emblem's SVG (its colour already set) as a square of `size` pixels. */
export function emblemImage(svg: string, size: number): Promise<RawImage> {
  return drawnSvg(svg, size, size);
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
