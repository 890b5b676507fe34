/**
 * Posters: one layout, in points, drawn twice. The PDF gets vector colour areas and a vector QR
 * code, with text, emblem and logos as 300 dpi images (Pango shapes every script; PDF fonts
 * could not); the preview PNG composites the same layout at screen resolution. Right-to-left
 * languages start on the right; phone numbers and the address stay left-to-right.
 */
import zlib from "node:zlib";
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rgb,
} from "pdf-lib";
import sharp from "sharp";
import type { Direction } from "../i18n/languages.ts";
import { Canvas, type RawImage, toRaw } from "../social/canvas.ts";
import { fitText, TextFitError, type TextImage } from "../social/text.ts";
import type { PosterDesign } from "./design.ts";
import { darkRuns, type QrMatrix, QUIET_ZONE, qrMatrix } from "./qr.ts";

/** ISO 216 sizes in PostScript points. */
export const PAPER = {
  a4: { width: 595.28, height: 841.89 },
  a3: { width: 841.89, height: 1190.55 },
} as const;
export type Paper = keyof typeof PAPER;

export const PRINT_DPI = 300;

export interface PosterInput {
  design: PosterDesign;
  lang: string;
  dir: Direction;
  theme: { primary: string; background: string; text: string };
  title: string;
  tagline: string;
  dateText: string;
  hotlineLabel: string;
  /** The main hotline first; the others below it, each with its region. */
  /** `hours`: the line's hours in short form, when the campaign gives them. */
  hotlines: Array<{ number: string; region: string; hours?: string }>;
  /** The page's absolute address, encoded in the QR code and written out. */
  url: string;
  logos: string[];
}

/** Which content field did not fit, for an error that names it. */
export class PosterFitError extends Error {
  override name = "PosterFitError";
  constructor(
    readonly field: "title" | "tagline",
    message: string,
  ) {
    super(message);
  }
}

type Item =
  | { kind: "fill"; x: number; y: number; width: number; height: number; colour: string }
  | { kind: "image"; x: number; y: number; image: RawImage }
  | { kind: "qr"; x: number; y: number; size: number; matrix: QrMatrix };

interface Layout {
  width: number;
  height: number;
  items: Item[];
}

/** The poster laid out in pixels at `dpi` (points × dpi / 72). */
async function layout(input: PosterInput, paper: Paper, dpi: number): Promise<Layout> {
  const { design } = input;
  const scale = dpi / 72;
  const width = Math.round(PAPER[paper].width * scale);
  const height = Math.round(PAPER[paper].height * scale);
  const unit = (fraction: number) => Math.round(fraction * width);
  const margin = unit(design.margin);
  const gap = unit(design.gap);
  const inner = width - 2 * margin;
  const start = (w: number, left = margin, room = inner) => (input.dir === "rtl" ? left + room - w : left);
  const items: Item[] = [{ kind: "fill", x: 0, y: 0, width, height, colour: input.theme.background }];
  const band = unit(design.band);
  items.push({ kind: "fill", x: 0, y: 0, width, height: band, colour: input.theme.primary });

  let y = margin;
  const emblemSize = unit(design.emblemSize);
  if (emblemSize > 0) {
    const svg = design.emblemSvg.replaceAll("currentColor", input.theme.background);
    const emblem = await toRaw(sharp(Buffer.from(svg)).resize(emblemSize, emblemSize));
    items.push({ kind: "image", x: start(emblemSize), y, image: emblem });
    y += emblemSize + gap;
  }
  const onBand = { lang: input.lang, colour: input.theme.background, width: inner };
  const line = (text: string, colour: string, size: number, weight: "bold" | "regular", w = inner) =>
    fitText({
      lang: input.lang,
      colour,
      width: w,
      text,
      weight,
      height: size * 1.5,
      max: size,
      min: size / 2,
    });

  const dateLine = await line(input.dateText, input.theme.background, unit(design.date), "bold");
  const dateTop = band - margin - dateLine.height;
  const title = await fitField("title", () =>
    fitText({
      ...onBand,
      text: input.title,
      weight: "bold",
      height: Math.min(unit(design.title.height), dateTop - y - gap),
      max: unit(design.title.max),
      min: unit(design.title.min),
    }),
  );
  items.push({ kind: "image", x: start(title.width), y, image: title });
  y += title.height + gap;
  const tagline = await fitField("tagline", () =>
    fitText({
      ...onBand,
      text: input.tagline,
      weight: "regular",
      height: Math.min(unit(design.tagline.height), dateTop - y - gap),
      max: unit(design.tagline.max),
      min: unit(design.tagline.min),
    }),
  );
  items.push({ kind: "image", x: start(tagline.width), y, image: tagline });
  items.push({ kind: "image", x: start(dateLine.width), y: dateTop, image: dateLine });

  // Below the band: hotlines and the address on the start side, the QR code on the end side.
  const logos = unit(design.logos) > 0 && input.logos.length > 0 ? unit(design.logos) : 0;
  const qrSize = unit(design.qr);
  const column = inner - qrSize - gap;
  const columnLeft = input.dir === "rtl" ? margin + qrSize + gap : margin;
  const place = (image: TextImage, top: number) =>
    items.push({ kind: "image", x: start(image.width, columnLeft, column), y: top, image });
  y = band + margin;
  const ink = input.theme.text;
  const [main, ...others] = input.hotlines;
  const labelText = main.hours ? `${input.hotlineLabel} · \u2068${main.hours}\u2069` : input.hotlineLabel;
  const label = await line(labelText, ink, unit(design.hotlineLabel), "regular", column);
  place(label, y);
  y += label.height;
  const number = await line(`\u2066${main.number}\u2069`, ink, unit(design.hotlineNumber), "bold", column);
  place(number, y);
  y += number.height + Math.round(gap / 2);
  for (const other of others) {
    const text = `\u2066${other.number}\u2069 · ${other.region}${other.hours ? ` · \u2068${other.hours}\u2069` : ""}`;
    const image = await line(text, ink, unit(design.otherHotline), "bold", column);
    place(image, y);
    y += image.height;
  }
  const address = await line(`\u2066${input.url}\u2069`, ink, unit(design.address), "regular", column);
  const qrTop = band + margin;
  place(address, Math.max(y + gap, qrTop + qrSize - address.height));
  items.push({
    kind: "qr",
    x: input.dir === "rtl" ? margin : margin + inner - qrSize,
    y: qrTop,
    size: qrSize,
    matrix: qrMatrix(input.url),
  });

  if (logos > 0) {
    const top = height - margin - logos;
    let images = await Promise.all(
      input.logos.map((file) =>
        toRaw(sharp(file, { density: 300 }).resize({ height: logos, width: inner, fit: "inside" })),
      ),
    );
    const total = (list: RawImage[]) =>
      list.reduce((sum, logo) => sum + logo.width, 0) + gap * (list.length - 1);
    if (total(images) > inner) {
      const factor = (inner - gap * (images.length - 1)) / (total(images) - gap * (images.length - 1));
      const smaller = Math.max(8, Math.floor(logos * factor));
      images = await Promise.all(
        input.logos.map((file) =>
          toRaw(sharp(file, { density: 300 }).resize({ height: smaller, width: inner, fit: "inside" })),
        ),
      );
    }
    let x = margin + Math.round((inner - total(images)) / 2);
    for (const logo of input.dir === "rtl" ? [...images].reverse() : images) {
      items.push({ kind: "image", x, y: top + Math.round((logos - logo.height) / 2), image: logo });
      x += logo.width + gap;
    }
  }
  return { width, height, items };
}

async function fitField(field: "title" | "tagline", fit: () => Promise<TextImage>): Promise<TextImage> {
  try {
    return await fit();
  } catch (error) {
    if (error instanceof TextFitError) throw new PosterFitError(field, error.message);
    throw error;
  }
}

/** The preview: the A4 layout composited at the design's preview resolution. */
export async function renderPosterPreview(input: PosterInput): Promise<Buffer> {
  const poster = await layout(input, "a4", input.design.previewDpi);
  const canvas = new Canvas(poster.width, poster.height, input.theme.background);
  for (const item of poster.items) {
    if (item.kind === "image") canvas.draw(item.image, item.x, item.y);
    else if (item.kind === "fill") canvas.draw(solid(item.width, item.height, item.colour), item.x, item.y);
    else canvas.draw(qrImage(item.matrix, item.size), item.x, item.y);
  }
  return canvas.png();
}

/** The printable PDF: one page of exactly the paper's size. */
export async function renderPosterPdf(input: PosterInput, paper: Paper): Promise<Buffer> {
  const poster = await layout(input, paper, PRINT_DPI);
  const scale = PRINT_DPI / 72;
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(input.title);
  pdf.setLanguage(input.lang);
  const page = pdf.addPage([PAPER[paper].width, PAPER[paper].height]);
  const pageHeight = PAPER[paper].height;
  /** A box in layout pixels, as PDF points from the bottom-left corner. */
  const box = (x: number, y: number, w: number, h: number) => ({
    x: x / scale,
    y: pageHeight - (y + h) / scale,
    width: w / scale,
    height: h / scale,
  });
  for (const item of poster.items) {
    if (item.kind === "fill") {
      page.drawRectangle({ ...box(item.x, item.y, item.width, item.height), color: colour(item.colour) });
    } else if (item.kind === "image") {
      drawRaw(pdf, page, item.image, box(item.x, item.y, item.image.width, item.image.height));
    } else {
      page.drawRectangle({ ...box(item.x, item.y, item.size, item.size), color: rgb(1, 1, 1) });
      const module = item.size / (item.matrix.size + 2 * QUIET_ZONE);
      for (const [row, first, length] of darkRuns(item.matrix)) {
        page.drawRectangle({
          ...box(
            item.x + (first + QUIET_ZONE) * module,
            item.y + (row + QUIET_ZONE) * module,
            length * module,
            module,
          ),
          color: rgb(0, 0, 0),
        });
      }
    }
  }
  return Buffer.from(await pdf.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY }));
}

/**
 * Draws straight RGBA pixels as an image with a soft mask, compressed by Node's zlib: pdf-lib's
 * own PNG path decodes and re-encodes in JavaScript, several times slower for 300 dpi text.
 */
function drawRaw(
  pdf: PDFDocument,
  page: PDFPage,
  image: RawImage,
  at: { x: number; y: number; width: number; height: number },
): void {
  const pixels = image.width * image.height;
  const colours = Buffer.alloc(pixels * 3);
  const alpha = Buffer.alloc(pixels);
  for (let i = 0; i < pixels; i++) {
    colours[i * 3] = image.data[i * 4];
    colours[i * 3 + 1] = image.data[i * 4 + 1];
    colours[i * 3 + 2] = image.data[i * 4 + 2];
    alpha[i] = image.data[i * 4 + 3];
  }
  const common = { Type: "XObject", Subtype: "Image", Width: image.width, Height: image.height };
  const stream = (data: Buffer, dict: Record<string, unknown>) =>
    pdf.context.register(
      pdf.context.stream(zlib.deflateSync(data, { level: 1 }), {
        ...common,
        ...dict,
        BitsPerComponent: 8,
        Filter: "FlateDecode",
      } as never),
    );
  const mask = stream(alpha, { ColorSpace: "DeviceGray" });
  const ref = stream(colours, { ColorSpace: "DeviceRGB", SMask: mask });
  const name = page.node.newXObject("Image", ref);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(at.width, 0, 0, at.height, at.x, at.y),
    drawObject(name),
    popGraphicsState(),
  );
}

function colour(hex: string) {
  const full = hex.length === 4 ? `#${[...hex.slice(1)].map((d) => d + d).join("")}` : hex;
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(full.slice(i, i + 2), 16) / 255);
  return rgb(r, g, b);
}

function solid(width: number, height: number, hex: string): RawImage {
  const c = colour(hex);
  const data = Buffer.alloc(width * height * 4);
  const [r, g, b] = [c.red, c.green, c.blue].map((v) => Math.round(v * 255));
  for (let i = 0; i < data.length; i += 4) {
    data[i] = r;
    data[i + 1] = g;
    data[i + 2] = b;
    data[i + 3] = 255;
  }
  return { data, width, height };
}

/** The QR code as pixels: whole pixels per module, centred in its square, white around it. */
function qrImage(matrix: QrMatrix, size: number): RawImage {
  const image = solid(size, size, "#ffffff");
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
