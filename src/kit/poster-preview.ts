/**
 * The poster's A4 preview PNG: the colour areas and the text's outlines (the same the PDFs fill)
 * drawn at preview size by librsvg, the layout's images scaled down and laid over them, in one
 * libvips pipeline.
 */
import sharp from "sharp";
import type { RawImage } from "../social/canvas.ts";
import { type Layout, PAPER, type PosterInput } from "./poster-layout.ts";
import { type QrMatrix, QUIET_ZONE } from "./qr.ts";
import { paths } from "./vector-text.ts";

/** The preview: the print layout drawn on A4 at the design's preview resolution. */
export async function drawPreview(input: PosterInput, poster: Layout): Promise<Buffer> {
  const dpi = input.design.previewDpi;
  const width = Math.round((PAPER.a4.width * dpi) / 72);
  const height = Math.round((PAPER.a4.height * dpi) / 72);
  const scale = width / poster.width;
  const at = (value: number) => Math.round(value * scale);
  const smaller = async (image: RawImage) => {
    const { data, info } = await sharp(image.data, {
      raw: { width: image.width, height: image.height, channels: 4 },
    })
      .resize(Math.max(1, at(image.width)), Math.max(1, at(image.height)), { fit: "fill" })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  };
  const layers = await Promise.all(
    poster.items.map(async (item) => {
      if (item.kind === "image")
        return { image: await smaller(item.image), left: at(item.x), top: at(item.y) };
      if (item.kind === "qr")
        return { image: qrImage(item.matrix, at(item.size)), left: at(item.x), top: at(item.y) };
      return undefined;
    }),
  );
  // Colour areas on whole preview pixels, as the layout rounds them; text as its outlines.
  const shapes = poster.items.map((item) => {
    if (item.kind === "fill")
      return `<rect x="${at(item.x)}" y="${at(item.y)}" width="${at(item.width)}" height="${at(item.height)}" fill="${item.colour}"/>`;
    if (item.kind === "text" && item.text.lines.length > 0)
      return `<g transform="scale(${scale}) translate(${item.x} ${item.y})" fill="${item.colour}">${paths(item.text).svg}</g>`;
    return "";
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="${input.theme.background}"/>${shapes.join("")}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg))
    .composite(
      layers.flatMap((layer) =>
        layer
          ? [
              {
                input: layer.image.data,
                raw: { width: layer.image.width, height: layer.image.height, channels: 4 as const },
                left: layer.left,
                top: layer.top,
              },
            ]
          : [],
      ),
    )
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .removeAlpha()
    .png({ compressionLevel: 6, adaptiveFiltering: false })
    .toBuffer();
}

/** The QR code as pixels: whole pixels per module, centred in its square, white around it. */
function qrImage(matrix: QrMatrix, size: number): RawImage {
  const image = { data: Buffer.alloc(size * size * 4, 255), width: size, height: size };
  const modules = matrix.size + 2 * QUIET_ZONE;
  const pixels = Math.floor(size / modules);
  const offset = Math.floor((size - pixels * modules) / 2) + QUIET_ZONE * pixels;
  for (let row = 0; row < matrix.size; row++) {
    for (let column = 0; column < matrix.size; column++) {
      if (!matrix.dark(row, column)) continue;
      for (let dy = 0; dy < pixels; dy++) {
        const i = ((offset + row * pixels + dy) * size + offset + column * pixels) * 4;
        image.data.fill(0, i, i + pixels * 4);
        for (let dx = 0; dx < pixels; dx++) image.data[i + dx * 4 + 3] = 255;
      }
    }
  }
  return image;
}
