/**
 * The poster's A4 preview PNG: the colour areas and the text's outlines (the same the PDFs fill)
 * drawn at preview size by librsvg, the layout's images scaled down and laid over them, in one
 * libvips pipeline.
 */
import sharp from "sharp";
import type { RawImage } from "../social/canvas.ts";
import { perImage } from "./poster-images.ts";
import { type Layout, PAPER, type PosterInput } from "./poster-layout.ts";
import { darkRuns, type QrMatrix, QUIET_ZONE } from "./qr.ts";
import { paths } from "./vector-text.ts";

/** An image scaled to a size ("WxH"), once for every preview that places it. */
const scaled = perImage(async (image, size = "1x1") => {
  const [width, height] = size.split("x").map(Number);
  const { data, info } = await sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: 4 },
  })
    .resize(width, height, { fit: "fill" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
});

/** The preview: the print layout drawn on A4 at the design's preview resolution. */
export async function drawPreview(input: PosterInput, poster: Layout): Promise<Buffer> {
  const dpi = input.design.previewDpi;
  const width = Math.round((PAPER.a4.width * dpi) / 72);
  const height = Math.round((PAPER.a4.height * dpi) / 72);
  const scale = width / poster.width;
  const at = (value: number) => Math.round(value * scale);
  const smaller = (image: RawImage) =>
    scaled(image, `${Math.max(1, at(image.width))}x${Math.max(1, at(image.height))}`);
  const layers = await Promise.all(
    poster.items.map(async (item) => {
      if (item.kind !== "image") return [];
      const image = await smaller(item.image);
      const raw = { width: image.width, height: image.height, channels: 4 as const };
      return [{ input: image.data, raw, left: at(item.x), top: at(item.y) }];
    }),
  );
  // Colour areas on whole preview pixels, as the layout rounds them; text as its outlines.
  const shapes = poster.items.map((item) => {
    if (item.kind === "fill")
      return `<rect x="${at(item.x)}" y="${at(item.y)}" width="${at(item.width)}" height="${at(item.height)}" fill="${item.colour}"/>`;
    if (item.kind === "text" && item.text.lines.length > 0)
      return `<g transform="scale(${scale}) translate(${item.x} ${item.y})" fill="${item.colour}">${paths(item.text).svg}</g>`;
    if (item.kind === "qr") return qrShapes(item.matrix, at(item.x), at(item.y), at(item.size));
    return "";
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="${input.theme.background}"/>${shapes.join("")}</svg>`;
  return sharp(Buffer.from(svg))
    .composite(layers.flat())
    .removeAlpha()
    .png({ compressionLevel: 6, adaptiveFiltering: false })
    .toBuffer();
}

/**
 * The QR code on whole pixels: the same number of pixels for every module, centred in its
 * white square, one rectangle a run of dark modules.
 */
function qrShapes(matrix: QrMatrix, left: number, top: number, size: number): string {
  const modules = matrix.size + 2 * QUIET_ZONE;
  const pixels = Math.floor(size / modules);
  const offset = Math.floor((size - pixels * modules) / 2) + QUIET_ZONE * pixels;
  const runs = darkRuns(matrix).map(
    ([row, first, length]) =>
      `<rect x="${left + offset + first * pixels}" y="${top + offset + row * pixels}" width="${length * pixels}" height="${pixels}"/>`,
  );
  return `<rect x="${left}" y="${top}" width="${size}" height="${size}" fill="#fff"/><g fill="#000" shape-rendering="crispEdges">${runs.join("")}</g>`;
}
