/**
 * The poster's PDFs: one page of exactly A4 or A3 with vector colour areas, a vector QR code and
 * the layout's images, each compressed once and placed in both sizes.
 */
import { promisify } from "node:util";
import zlib from "node:zlib";
import { PDFDocument, PDFHexString, PDFName } from "pdf-lib";
import sharp from "sharp";
import { hexDigits, rgb } from "../campaign/colour.ts";
import "../render/fonts.ts";
import type { RawImage } from "../render/canvas.ts";
import type { VectorText } from "../render/line-breaking.ts";
import { pdfPaths } from "../render/outlines.ts";
import { type Layout, PAPER, type Paper, type PosterInput } from "./poster-layout.ts";
import { darkRuns, QUIET_ZONE } from "./qr.ts";

/** An image ready for a PDF: compressed colour and alpha streams with their dictionaries. */
export interface PdfImage {
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
 * Outlines and page operators: level 3 is twice as fast as 6 for 1 % more bytes in the PDF, and
 * compressing a few tens of kilobytes costs less than a trip through libuv's thread pool.
 */
function deflatePaths(text: string): Buffer {
  return zlib.deflateSync(text, { level: 3 });
}

/**
 * Straight RGBA pixels as a PDF image with a soft mask, split by libvips and compressed by Node's
 * zlib (pdf-lib's own PNG path decodes and re-encodes in JavaScript, several times slower for 300
 * dpi text). Text of one colour needs no colour pixels: its image is that colour everywhere (an
 * indexed colour space of one entry, one bit a pixel) and its glyphs are all in the mask.
 */
export async function pdfImage(image: RawImage, colour?: string): Promise<PdfImage> {
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
    colour: colour && hexDigits(colour),
    alpha: await deflate(mask, level),
    mask,
  };
}

/**
 * The printable PDF: one page of exactly the paper's size, the layout scaled onto it. The page's
 * content is written as PDF operators in layout pixels, y downwards, after one transformation
 * onto the paper: colour areas and the QR code's modules as filled rectangles (the code in module
 * units, one rectangle a run of dark modules), each text as a form of its glyphs' outlines filled
 * with its colour, the images placed. That content is the same on A4 and A3, compressed once.
 */
export async function writePosterPdf(
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
  for (const [index, item] of poster.items.entries()) {
    const image = images[index];
    if (item.kind === "image") {
      // The page's content names every image of the layout.
      if (!image) throw new Error(`the poster's image ${index} was not prepared for the PDF`);
      page.node.setXObject(PDFName.of(`I${index}`), imageObject(pdf, image));
    }
    if (item.kind === "text" && item.text.lines.length > 0) {
      page.node.setXObject(
        PDFName.of(`T${index}`),
        textObject(pdf, item.text, compressedOutlines(item.text)),
      );
    }
  }
  const scale = (value: number) => String(Math.round(value * 1e6) / 1e6);
  const onPaper = `q ${scale(pageWidth / poster.width)} 0 0 ${scale(-pageHeight / poster.height)} 0 ${number(pageHeight)} cm\n`;
  page.node.addContentStream(pdf.context.register(pdf.context.stream(onPaper)));
  page.node.addContentStream(
    pdf.context.register(pdf.context.stream(pageContent(poster), { Filter: "FlateDecode" } as never)),
  );
  return Buffer.from(await pdf.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY }));
}

const contents = new WeakMap<Layout, Buffer>();

/** The page's operators in layout pixels (y downwards), for every paper size, compressed once. */
function pageContent(poster: Layout): Buffer {
  let made = contents.get(poster);
  if (made) return made;
  const operators: string[] = [];
  for (const [index, item] of poster.items.entries()) {
    if (item.kind === "fill") {
      operators.push(
        `${fillColour(item.colour)} ${[item.x, item.y, item.width, item.height].map(number).join(" ")} re f`,
      );
    } else if (item.kind === "image") {
      // The image's unit square, its first row at the top.
      const { width, height } = item.image;
      operators.push(
        `q ${width} 0 0 ${-height} ${number(item.x)} ${number(item.y + height)} cm /I${index} Do Q`,
      );
    } else if (item.kind === "text" && item.text.lines.length > 0) {
      operators.push(
        `q ${fillColour(item.colour)} 1 0 0 1 ${number(item.x)} ${number(item.y)} cm /T${index} Do Q`,
      );
    } else if (item.kind === "qr") {
      const modules = item.matrix.size + 2 * QUIET_ZONE;
      const module = number(item.size / modules);
      operators.push(
        `1 1 1 rg ${[item.x, item.y, item.size, item.size].map(number).join(" ")} re f`,
        `q ${module} 0 0 ${module} ${number(item.x)} ${number(item.y)} cm 0 0 0 rg`,
        ...darkRuns(item.matrix).map(
          ([row, first, length]) => `${first + QUIET_ZONE} ${row + QUIET_ZONE} ${length} 1 re`,
        ),
        "f Q",
      );
    }
  }
  operators.push("Q");
  made = deflatePaths(operators.join("\n"));
  contents.set(poster, made);
  return made;
}

/** A number for a content stream: at most three decimals, no trailing zeros. */
function number(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

function fillColour(hex: string): string {
  return `${rgb(hex)
    .map((channel) => number(channel / 255))
    .join(" ")} rg`;
}

const compressed = new WeakMap<VectorText, Buffer>();

/** A text's outlines as a filled path, compressed once for both PDFs by Node's zlib. */
function compressedOutlines(text: VectorText): Buffer {
  let made = compressed.get(text);
  if (!made) {
    made = deflatePaths(`${pdfPaths(text)}\nf`);
    compressed.set(text, made);
  }
  return made;
}

/**
 * The text as a form: its outlines in layout pixels, filled with the colour set where it is
 * drawn. The box leaves a font size of room around the text, where accents and tails may reach.
 */
function textObject(pdf: PDFDocument, text: VectorText, outlines: Buffer) {
  const room = text.size;
  return pdf.context.register(
    pdf.context.stream(outlines, {
      Type: "XObject",
      Subtype: "Form",
      BBox: [-room, -room, text.width + room, text.height + room],
      Filter: "FlateDecode",
    } as never),
  );
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
