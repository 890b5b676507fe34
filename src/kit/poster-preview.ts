/**
 * The poster's A4 preview PNG, drawn from the print layout: colour areas and the QR code's
 * modules filled on whole preview pixels, each text's outlines (the same the PDFs fill) drawn by
 * librsvg in a box just around its ink, and the layout's images scaled down once; all laid on one
 * pixel buffer in the layout's order and encoded once.
 */
import sharp from "sharp";
import { Canvas, type RawImage, toRaw } from "../render/canvas.ts";
import { type PlacedPath, svgPath } from "../render/outlines.ts";
import { perImage } from "./poster-images.ts";
import { type Layout, PAPER, type PosterInput } from "./poster-layout.ts";
import { darkRuns, QUIET_ZONE } from "./qr.ts";

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
  // Texts and images drawn at preview size at once (libvips works on them side by side), then
  // laid on the page in order.
  const layers = poster.items.map((item): Promise<Layer | undefined> | undefined => {
    if (item.kind === "image") {
      const size = `${Math.max(1, at(item.image.width))}x${Math.max(1, at(item.image.height))}`;
      return scaled(item.image, size).then((image) => ({ image, left: at(item.x), top: at(item.y) }));
    }
    if (item.kind !== "text" || item.text.lines.length === 0) return undefined;
    const path = svgPath(item.text, scale, item.x * scale, item.y * scale);
    return path.d ? drawPath(path, item.colour, width, height) : undefined;
  });
  // The page is filled in order while libvips draws the texts: each layer is waited for only
  // when its turn comes (a failure is thrown there, not left unhandled before).
  for (const layer of layers) layer?.catch(() => undefined);
  const canvas = new Canvas(width, height, input.theme.background);
  for (const [index, item] of poster.items.entries()) {
    const layer = await layers[index];
    if (layer) canvas.draw(layer.image, layer.left, layer.top);
    else if (item.kind === "fill")
      canvas.fill(at(item.x), at(item.y), at(item.width), at(item.height), item.colour);
    else if (item.kind === "qr") {
      // The same number of pixels for every module, the code centred in its white square.
      const [left, top, size] = [at(item.x), at(item.y), at(item.size)];
      const modules = item.matrix.size + 2 * QUIET_ZONE;
      const pixels = Math.floor(size / modules);
      const offset = Math.floor((size - pixels * modules) / 2) + QUIET_ZONE * pixels;
      canvas.fill(left, top, size, size, "#ffffff");
      for (const [row, first, length] of darkRuns(item.matrix)) {
        canvas.fill(
          left + offset + first * pixels,
          top + offset + row * pixels,
          length * pixels,
          pixels,
          "#000000",
        );
      }
    }
  }
  return canvas.png(4);
}

interface Layer {
  image: RawImage;
  left: number;
  top: number;
}

/**
 * A text's outlines drawn by librsvg in the box around their ink (whole pixels, one more each side
 * for anti-aliasing), on the same pixel grid as the page.
 */
async function drawPath(
  path: PlacedPath,
  colour: string,
  width: number,
  height: number,
): Promise<Layer | undefined> {
  const left = Math.max(0, Math.floor(path.left) - 1);
  const top = Math.max(0, Math.floor(path.top) - 1);
  const boxWidth = Math.min(width, Math.ceil(path.right) + 1) - left;
  const boxHeight = Math.min(height, Math.ceil(path.bottom) + 1) - top;
  if (boxWidth <= 0 || boxHeight <= 0) return undefined;
  // The path is in hundredths of a pixel.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${boxWidth}" height="${boxHeight}" viewBox="${left} ${top} ${boxWidth} ${boxHeight}"><path fill="${colour}" transform="scale(0.01)" d="${path.d}"/></svg>`;
  return { image: await toRaw(sharp(Buffer.from(svg))), left, top };
}
