/**
 * The poster's A4 preview PNG, scaled down from the print layout's images; the text's outlines,
 * the same the PDFs fill, drawn at preview size by librsvg.
 */
import sharp from "sharp";
import { Canvas, type RawImage } from "../social/canvas.ts";
import { type Layout, PAPER, type PosterInput } from "./poster-layout.ts";
import { expand } from "./poster-pdf.ts";
import { type QrMatrix, QUIET_ZONE } from "./qr.ts";
import { paths } from "./vector-text.ts";

/** The preview: the print layout scaled to A4 at the design's preview resolution. */
export async function drawPreview(input: PosterInput, poster: Layout): Promise<Buffer> {
  const dpi = input.design.previewDpi;
  const width = Math.round((PAPER.a4.width * dpi) / 72);
  const height = Math.round((PAPER.a4.height * dpi) / 72);
  const scale = width / poster.width;
  const at = (value: number) => Math.round(value * scale);
  const canvas = new Canvas(width, height, input.theme.background);
  const smaller = async (data: Buffer, image: RawImage, channels: 1 | 4) => {
    const { width, height } = image;
    const resized = sharp(data, { raw: { width, height, channels } })
      .resize(Math.max(1, at(width)), Math.max(1, at(height)), { fit: "fill" })
      .toColourspace(channels === 1 ? "b-w" : "srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
    const { data: pixels, info } = await resized;
    return { data: pixels, width: info.width, height: info.height };
  };
  // Text of one colour is scaled as its mask alone (a quarter of the pixels), then tinted.
  const text = textLayer(poster, width, height);
  const layers = await Promise.all(
    poster.items.map(async (item) => {
      if (item.kind !== "image") return undefined;
      if (item.colour) return tint(await smaller((await item.encoded).mask, item.image, 1), item.colour);
      return smaller(item.image.data, item.image, 4);
    }),
  );
  for (const [index, item] of poster.items.entries()) {
    const layer = layers[index];
    if (layer) canvas.draw(layer, at(item.x), at(item.y));
    else if (item.kind === "fill")
      fill(canvas, at(item.x), at(item.y), at(item.width), at(item.height), item.colour);
    else if (item.kind === "qr") canvas.draw(qrImage(item.matrix, at(item.size)), at(item.x), at(item.y));
  }
  canvas.draw(await text, 0, 0);
  return canvas.png();
}

/** Every outlined text of the layout in one transparent picture of the preview's size. */
async function textLayer(poster: Layout, width: number, height: number): Promise<RawImage> {
  const shapes = poster.items.flatMap((item) =>
    item.kind === "text"
      ? [
          `<path transform="translate(${item.x} ${item.y})" fill="${item.colour}" d="${paths(item.text).svg}"/>`,
        ]
      : [],
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${poster.width} ${poster.height}">${shapes.join("")}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** A one-channel mask as straight RGBA pixels of one colour. */
function tint(mask: RawImage, hex: string): RawImage {
  const [r, g, b] = Buffer.from(expand(hex).slice(1), "hex");
  const data = Buffer.alloc(mask.width * mask.height * 4);
  for (let i = 0; i < mask.data.length; i++) {
    data[i * 4] = r;
    data[i * 4 + 1] = g;
    data[i * 4 + 2] = b;
    data[i * 4 + 3] = mask.data[i];
  }
  return { data, width: mask.width, height: mask.height };
}

/** Fills a rectangle of the canvas with one colour, a row at a time. */
function fill(canvas: Canvas, x: number, y: number, width: number, height: number, hex: string): void {
  const row = Buffer.alloc(
    Math.max(0, Math.min(width, canvas.width - x)) * 3,
    Buffer.from(expand(hex).slice(1), "hex"),
  );
  for (let line = Math.max(0, y); line < Math.min(canvas.height, y + height); line++) {
    row.copy(canvas.data, (line * canvas.width + x) * 3);
  }
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
