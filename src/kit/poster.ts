/**
 * Posters: one layout, drawn once at A3 and 300 dpi, gives the A3 PDF, the A4 PDF (the same
 * images placed smaller: A4 and A3 share the ISO aspect ratio) and the A4 preview PNG (the same
 * images scaled down). The PDFs get vector colour areas and a vector QR code, with text, emblem
 * and logos as images (Pango shapes every script; PDF fonts could not). Right-to-left languages
 * start on the right; phone numbers and the address stay left-to-right.
 */
import { promisify } from "node:util";
import zlib from "node:zlib";
import { PDFDocument, PDFHexString } from "pdf-lib";
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
  | {
      kind: "image";
      x: number;
      y: number;
      image: RawImage;
      /** Set when every pixel of the image is this colour (text without colour emoji). */
      colour?: string;
      /** Compressed for the PDFs as soon as it is drawn, while the rest is laid out. */
      encoded: Promise<PdfImage>;
    }
  | { kind: "qr"; x: number; y: number; size: number; matrix: QrMatrix };

interface Layout {
  width: number;
  height: number;
  items: Item[];
}

/** The page in pixels at `dpi` (points × dpi / 72); every length of the design is a fraction of its width. */
function grid(design: PosterDesign, paper: Paper, dpi: number) {
  const width = Math.round((PAPER[paper].width * dpi) / 72);
  const height = Math.round((PAPER[paper].height * dpi) / 72);
  const unit = (fraction: number) => Math.round(fraction * width);
  const margin = unit(design.margin);
  return {
    width,
    height,
    unit,
    margin,
    gap: unit(design.gap),
    inner: width - 2 * margin,
    band: unit(design.band),
  };
}

/** What the band's words need: they alone can be too long for the poster. */
export type PosterWords = Pick<PosterInput, "design" | "lang" | "title" | "tagline" | "dateText"> & {
  theme: Pick<PosterInput["theme"], "background">;
};

/**
 * The band's words at print size: the date at the foot of the band, the title under the emblem
 * and the tagline under the title, each taking the room left. The title and tagline are drawn at
 * once for their largest boxes while the date is drawn, and again only if less room is left.
 */
async function bandWords(input: PosterWords, page: ReturnType<typeof grid>) {
  const { design } = input;
  const { unit, margin, gap, inner, band } = page;
  const onBand = { lang: input.lang, colour: input.theme.background, width: inner };
  const fitBox = (field: "title" | "tagline", weight: "bold" | "regular") => {
    const box = design[field];
    const fit = (height: number) =>
      fitField(field, box.min, () =>
        fitText({ ...onBand, text: input[field], weight, height, max: unit(box.max), min: unit(box.min) }),
      );
    const largest = fit(unit(box.height));
    largest.catch(() => undefined); // awaited below unless the room left is smaller
    return (room: number) => (room >= unit(box.height) ? largest : fit(room));
  };
  const titleBox = fitBox("title", "bold");
  const taglineBox = fitBox("tagline", "regular");
  const size = unit(design.date);
  const date = await fitText({
    ...onBand,
    text: input.dateText,
    weight: "bold",
    height: size * 1.5,
    max: size,
    min: size / 2,
  });
  const emblem = unit(design.emblemSize);
  const titleTop = margin + (emblem > 0 ? emblem + gap : 0);
  const dateTop = band - margin - date.height;
  const title = await titleBox(dateTop - titleTop - gap);
  const taglineTop = titleTop + title.height + gap;
  const tagline = await taglineBox(dateTop - taglineTop - gap);
  return { date, dateTop, title, titleTop, tagline, taglineTop };
}

/**
 * Whether the title and tagline fit the poster, without drawing the rest: throws the
 * PosterFitError the poster would.
 */
export async function fitPosterWords(input: PosterWords): Promise<void> {
  await bandWords(input, grid(input.design, "a3", PRINT_DPI));
}

/**
 * The poster laid out in pixels at `dpi`. The band's words and every other line are drawn at
 * once: none of the others depends on the room another leaves.
 */
async function layout(input: PosterInput, paper: Paper, dpi: number): Promise<Layout> {
  const { design } = input;
  const page = grid(design, paper, dpi);
  const { width, height, unit, margin, gap, inner, band } = page;
  const start = (w: number, left = margin, room = inner) => (input.dir === "rtl" ? left + room - w : left);
  const emblemSize = unit(design.emblemSize);
  const logos = unit(design.logos) > 0 && input.logos.length > 0 ? unit(design.logos) : 0;
  const qrSize = unit(design.qr);
  const column = inner - qrSize - gap;
  const columnLeft = input.dir === "rtl" ? margin + qrSize + gap : margin;
  const ink = input.theme.text;
  const light = input.theme.background;
  const line = (text: string, size: number, weight: "bold" | "regular") =>
    fitText({
      lang: input.lang,
      colour: ink,
      width: column,
      text,
      weight,
      height: size * 1.5,
      max: size,
      min: size / 2,
    });

  const words = bandWords(input, page);
  words.catch(() => undefined); // awaited with the rest below
  const [main, ...others] = input.hotlines;
  const labelText = main.hours ? `${input.hotlineLabel} · \u2068${main.hours}\u2069` : input.hotlineLabel;
  const otherTexts = others.map(
    (other) =>
      `\u2066${other.number}\u2069 · ${other.region}${other.hours ? ` · \u2068${other.hours}\u2069` : ""}`,
  );
  const addressText = `\u2066${input.url}\u2069`;
  const [emblem, label, number, otherLines, address, logoImages] = await Promise.all([
    emblemSize > 0
      ? toRaw(
          sharp(Buffer.from(design.emblemSvg.replaceAll("currentColor", light))).resize(
            emblemSize,
            emblemSize,
          ),
        )
      : undefined,
    line(labelText, unit(design.hotlineLabel), "regular"),
    line(`\u2066${main.number}\u2069`, unit(design.hotlineNumber), "bold"),
    Promise.all(otherTexts.map((text) => line(text, unit(design.otherHotline), "bold"))),
    line(addressText, unit(design.address), "regular"),
    logos > 0 ? logoRow(input.logos, logos, inner, gap) : [],
  ]);
  const { date, dateTop, title, titleTop, tagline, taglineTop } = await words;

  const items: Item[] = [{ kind: "fill", x: 0, y: 0, width, height, colour: light }];
  const picture = (x: number, y: number, image: RawImage, colour?: string) => {
    const encoded = pdfImage(image, colour);
    encoded.catch(() => undefined); // awaited by the PDFs; a text that does not fit stops first
    items.push({ kind: "image", x, y, image, colour, encoded });
  };
  items.push({ kind: "fill", x: 0, y: 0, width, height: band, colour: input.theme.primary });
  const text = (image: TextImage, x: number, y: number, words: string, colour: string) =>
    picture(x, y, image, oneColour(words) ? colour : undefined);

  if (emblem) picture(start(emblemSize), margin, emblem);
  text(title, start(title.width), titleTop, input.title, light);
  text(tagline, start(tagline.width), taglineTop, input.tagline, light);
  text(date, start(date.width), dateTop, input.dateText, light);

  // Below the band: hotlines and the address on the start side, the QR code on the end side.
  const place = (image: TextImage, top: number, words: string) =>
    text(image, start(image.width, columnLeft, column), top, words, ink);
  let y = band + margin;
  place(label, y, labelText);
  y += label.height;
  place(number, y, main.number);
  y += number.height + Math.round(gap / 2);
  for (const [index, image] of otherLines.entries()) {
    place(image, y, otherTexts[index]);
    y += image.height;
  }
  const qrTop = band + margin;
  place(address, Math.max(y + gap, qrTop + qrSize - address.height), addressText);
  items.push({
    kind: "qr",
    x: input.dir === "rtl" ? margin : margin + inner - qrSize,
    y: qrTop,
    size: qrSize,
    matrix: qrMatrix(input.url),
  });

  if (logos > 0) {
    const top = height - margin - logos;
    const total = logoImages.reduce((sum, logo) => sum + logo.width, 0) + gap * (logoImages.length - 1);
    let x = margin + Math.round((inner - total) / 2);
    for (const logo of input.dir === "rtl" ? [...logoImages].reverse() : logoImages) {
      picture(x, top + Math.round((logos - logo.height) / 2), logo);
      x += logo.width + gap;
    }
  }
  return { width, height, items };
}

/** The partners' logos at the row's height, smaller together when they would not fit its width. */
async function logoRow(files: string[], height: number, width: number, gap: number): Promise<RawImage[]> {
  const draw = (size: number) =>
    Promise.all(
      files.map((file) =>
        toRaw(sharp(file, { density: 300 }).resize({ height: size, width, fit: "inside" })),
      ),
    );
  const images = await draw(height);
  const gaps = gap * (images.length - 1);
  const total = images.reduce((sum, logo) => sum + logo.width, 0) + gaps;
  if (total <= width) return images;
  return draw(Math.max(8, Math.floor((height * (width - gaps)) / (total - gaps))));
}

/**
 * Whether text is drawn in its one colour only: colour emoji (pictographs, flags, keycaps and
 * emoji presentation) bring colours of their own.
 */
function oneColour(text: string): boolean {
  return !/\p{Extended_Pictographic}|\p{Regional_Indicator}|\u{FE0F}|\u{20E3}/u.test(text);
}

/**
 * Fits a title or tagline; when it does not fit, the error says the smallest size in points on
 * the printed page, which a person can picture (pixels at print resolution say nothing).
 */
async function fitField(
  field: "title" | "tagline",
  smallest: number,
  fit: () => Promise<TextImage>,
): Promise<TextImage> {
  try {
    return await fit();
  } catch (error) {
    const points = (paper: Paper) => Math.round(smallest * PAPER[paper].width);
    if (error instanceof TextFitError)
      throw new PosterFitError(
        field,
        `does not fit even at ${points("a4")} pt on A4 (${points("a3")} pt on A3), the smallest size the template allows: shorten it`,
      );
    // Text so long that its first, largest layout is taller than cairo can draw (32767 pixels).
    if (error instanceof Error && /too big/.test(error.message))
      throw new PosterFitError(field, "far too long to lay out at print resolution: shorten it");
    throw error;
  }
}

/** The poster's three files, made from one layout. */
export interface PosterFiles {
  a4: Buffer;
  a3: Buffer;
  /** The A4 preview PNG. */
  preview: Buffer;
}

/**
 * The poster laid out and drawn once, at A3 and 300 dpi: the A3 PDF prints its text at 300 dpi,
 * the A4 PDF places the same images smaller (about 424 dpi, the same ISO aspect ratio), and the
 * preview scales them down. Each image is compressed once for both PDFs.
 */
export async function renderPoster(input: PosterInput): Promise<PosterFiles> {
  const poster = await layout(input, "a3", PRINT_DPI);
  const images = await Promise.all(
    poster.items.map((item) => (item.kind === "image" ? item.encoded : undefined)),
  );
  const [a4, a3, preview] = await Promise.all([
    writePdf(input, poster, images, "a4"),
    writePdf(input, poster, images, "a3"),
    drawPreview(input, poster),
  ]);
  return { a4, a3, preview };
}

/** One printable PDF; `renderPoster` makes both sizes and the preview at once. */
export async function renderPosterPdf(input: PosterInput, paper: Paper): Promise<Buffer> {
  return (await renderPoster(input))[paper];
}

export async function renderPosterPreview(input: PosterInput): Promise<Buffer> {
  return (await renderPoster(input)).preview;
}

/** The preview: the print layout scaled to A4 at the design's preview resolution. */
async function drawPreview(input: PosterInput, poster: Layout): Promise<Buffer> {
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
  return canvas.png();
}

/** An image ready for a PDF: compressed colour and alpha streams with their dictionaries. */
interface PdfImage {
  width: number;
  height: number;
  colours: Buffer;
  /** Set when the image is this one colour (RRGGBB) everywhere, its shapes all in the mask. */
  colour?: string;
  alpha: Buffer;
  /** The alpha channel as it is, one byte a pixel. */
  mask: Buffer;
}

const deflate = promisify(zlib.deflate);

/**
 * Straight RGBA pixels as a PDF image with a soft mask, split by libvips and compressed by Node's
 * zlib (pdf-lib's own PNG path decodes and re-encodes in JavaScript, several times slower for 300
 * dpi text). Text of one colour needs no colour pixels: its image is that colour everywhere (an
 * indexed colour space of one entry, one bit a pixel) and its glyphs are all in the mask.
 */
async function pdfImage(image: RawImage, colour?: string): Promise<PdfImage> {
  const raw = () => sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } });
  const mask = await raw().extractChannel(3).raw().toBuffer();
  // Run-length matching only: faster than level 1 and smaller for text's long runs of one value.
  const level = { level: 1, strategy: zlib.constants.Z_RLE };
  const colours = colour
    ? Buffer.alloc(Math.ceil(image.width / 8) * image.height)
    : await raw().removeAlpha().raw().toBuffer();
  return {
    width: image.width,
    height: image.height,
    colours: await deflate(colours, level),
    colour: colour && expand(colour).slice(1),
    alpha: await deflate(mask, level),
    mask,
  };
}

/**
 * The printable PDF: one page of exactly the paper's size, the layout scaled onto it. The page's
 * content is written as PDF operators: colour areas and the QR code's modules as filled
 * rectangles (the code in module units, one rectangle a run of dark modules), the images placed.
 */
async function writePdf(
  input: PosterInput,
  poster: Layout,
  images: Array<PdfImage | undefined>,
  paper: Paper,
): Promise<Buffer> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(input.title);
  pdf.setLanguage(input.lang);
  const { width: pageWidth, height: pageHeight } = PAPER[paper];
  const page = pdf.addPage([pageWidth, pageHeight]);
  const sx = pageWidth / poster.width;
  const sy = pageHeight / poster.height;
  /** A box in layout pixels, as PDF points from the bottom-left corner: x y width height. */
  const corner = (x: number, y: number, w: number, h: number) => [
    x * sx,
    pageHeight - (y + h) * sy,
    w * sx,
    h * sy,
  ];
  const box = (x: number, y: number, w: number, h: number) => corner(x, y, w, h).map(number).join(" ");
  const operators: string[] = [];
  for (const [index, item] of poster.items.entries()) {
    const image = images[index];
    if (item.kind === "fill") {
      operators.push(`${fillColour(item.colour)} ${box(item.x, item.y, item.width, item.height)} re f`);
    } else if (item.kind === "image" && image) {
      const name = page.node.newXObject("Image", imageObject(pdf, image));
      const [x, y, w, h] = corner(item.x, item.y, image.width, image.height).map(number);
      operators.push(`q ${w} 0 0 ${h} ${x} ${y} cm ${name.asString()} Do Q`);
    } else if (item.kind === "qr") {
      const modules = item.matrix.size + 2 * QUIET_ZONE;
      const module = item.size / modules;
      const [x, y] = [item.x * sx, pageHeight - item.y * sy];
      operators.push(
        `1 1 1 rg ${box(item.x, item.y, item.size, item.size)} re f`,
        `q ${number(module * sx)} 0 0 ${number(-module * sy)} ${number(x)} ${number(y)} cm 0 0 0 rg`,
        ...darkRuns(item.matrix).map(
          ([row, first, length]) => `${first + QUIET_ZONE} ${row + QUIET_ZONE} ${length} 1 re`,
        ),
        "f Q",
      );
    }
  }
  page.node.addContentStream(pdf.context.register(pdf.context.stream(operators.join("\n"))));
  return Buffer.from(await pdf.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY }));
}

/** A number for a content stream: at most three decimals, no trailing zeros. */
function number(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

function fillColour(hex: string): string {
  const full = expand(hex);
  return `${[1, 3, 5].map((i) => number(Number.parseInt(full.slice(i, i + 2), 16) / 255)).join(" ")} rg`;
}

function imageObject(pdf: PDFDocument, image: PdfImage) {
  const stream = (data: Buffer, dict: Record<string, unknown>) =>
    pdf.context.register(
      pdf.context.stream(data, {
        Type: "XObject",
        Subtype: "Image",
        Width: image.width,
        Height: image.height,
        Filter: "FlateDecode",
        ...dict,
      } as never),
    );
  const mask = stream(image.alpha, { ColorSpace: "DeviceGray", BitsPerComponent: 8 });
  return stream(
    image.colours,
    image.colour
      ? {
          ColorSpace: ["Indexed", "DeviceRGB", 0, PDFHexString.of(image.colour)],
          BitsPerComponent: 1,
          SMask: mask,
        }
      : { ColorSpace: "DeviceRGB", BitsPerComponent: 8, SMask: mask },
  );
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

function expand(hex: string): string {
  return hex.length === 4 ? `#${[...hex.slice(1)].map((d) => d + d).join("")}` : hex;
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
