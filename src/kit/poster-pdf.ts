/**
 * The poster's PDFs: one page of exactly A4 or A3 with vector colour areas, a vector QR code and
 * the layout's images, each compressed once and placed in both sizes; tagged, with the text's
 * characters readable; and each size again for a print shop.
 */
import crypto from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";
import sharp from "sharp";
import { hexDigits } from "../campaign/colour.ts";
import "../render/fonts.ts";
import type { RawImage } from "../render/canvas.ts";
import type { VectorText } from "../render/line-breaking.ts";
import { pdfPaths } from "../render/outlines.ts";
import { ASCENT, DESCENT } from "./glyphless-font.ts";
import { pdfFile, pdfObject, ref, streamObject } from "./pdf-file.ts";
import { fillColour, number, textString } from "./pdf-syntax.ts";
import { type Item, type Layout, PAPER, type Paper, type PosterInput, type Tag } from "./poster-layout.ts";
import { BLEED, bleedOperators, cropMarks, REGISTRATION, SLUG } from "./poster-print.ts";
import { PRODUCER, structure, xmp } from "./poster-tags.ts";
import { darkRuns, QUIET_ZONE } from "./qr.ts";
import { TextLayer } from "./text-layer.ts";

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
function deflatePaths(text: string | Buffer): Buffer {
  return zlib.deflateSync(text, { level: 3 });
}

/**
 * Straight RGBA pixels as a PDF image with a soft mask, split by libvips and compressed by Node's
 * zlib (a PNG decoded and re-encoded in JavaScript, as PDF libraries do, is several times slower
 * for 300 dpi text). Text of one colour needs no colour pixels: its image is that colour everywhere (an
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
 * The printable PDF: one page of exactly the paper's size, the layout scaled onto it; for a print
 * shop (`print`), the same page with bleed and crop marks on a larger sheet (poster-print.ts). The
 * page's content is written as PDF operators in layout pixels, y downwards, after one
 * transformation onto the paper: colour areas and the QR code's modules as filled rectangles (the
 * code in module units, one rectangle a run of dark modules), each text as a form of its glyphs'
 * outlines filled with its colour and its invisible characters over them (text-layer.ts), the
 * images placed. That content, the images, the forms, the font and the metadata are the same in
 * every PDF of the layout: serialised once (sharedObjects), each PDF adds its page, its scale, its
 * structure and its catalog. The page is tagged for PDF/UA-1 (poster-tags.ts): what a reader
 * needs is marked content of the structure tree, the rest artifacts.
 */
export async function writePosterPdf(
  input: PosterInput,
  poster: Layout,
  images: Array<PdfImage | undefined>,
  paper: Paper,
  print = false,
): Promise<Buffer> {
  const shared = sharedObjects(input, poster, images);
  const objects: Array<[number, string | Buffer]> = [];
  let next = shared.objects.length + 1;
  const allocate = () => next++;
  const [catalog, pages, page, info] = [allocate(), allocate(), allocate(), allocate()];

  const { width: trimWidth, height: trimHeight } = PAPER[paper];
  const slug = print ? SLUG : 0;
  const across = trimWidth / poster.width;
  const down = trimHeight / poster.height;
  const scale = (value: number) => String(Math.round(value * 1e6) / 1e6);
  // Layout pixels, y downwards, onto the finished page (which a print copy's sheet surrounds).
  const onPaper = `q ${scale(across)} 0 0 ${scale(-down)} ${number(slug)} ${number(slug + trimHeight)} cm\n`;
  const stream = (operators: string) => {
    const number = allocate();
    objects.push([number, streamObject(number, "", Buffer.from(operators, "latin1"))]);
    return number;
  };
  const contents = [
    stream(print ? `${onPaper}${bleedOperators(poster, BLEED / across)}\n` : onPaper),
    shared.content,
    ...(print ? [stream(cropMarks(trimWidth, trimHeight))] : []),
  ];

  // Boxes in points on the page, y upwards: (left, bottom, right, top).
  const rect = (x: number, y: number, width: number, height: number): [number, number, number, number] => [
    round(slug + x * across),
    round(slug + trimHeight - (y + height) * down),
    round(slug + (x + width) * across),
    round(slug + trimHeight - y * down),
  ];
  const tags = structure(
    shared.marked.map((index) => {
      const item = poster.items[index] as TaggedItem;
      const { width, height } = itemSize(item);
      return { tag: item.tag, rect: rect(item.x, item.y, width, height) };
    }),
    page,
    allocate,
  );
  objects.push(...tags.objects);

  const box = (left: number, bottom: number, right: number, top: number) =>
    `[${[left, bottom, right, top].map(number).join(" ")}]`;
  const sheet = box(0, 0, trimWidth + 2 * slug, trimHeight + 2 * slug);
  const boxes = print
    ? ` /TrimBox ${box(slug, slug, slug + trimWidth, slug + trimHeight)} /BleedBox ${box(slug - BLEED, slug - BLEED, slug + trimWidth + BLEED, slug + trimHeight + BLEED)}`
    : "";
  const font = shared.font ? ` /Font << /${TEXT_FONT} ${ref(shared.font)} >>` : "";
  const colours = print ? ` /ColorSpace << /${REGISTRATION.name} ${REGISTRATION.space} >>` : "";
  const annotations = tags.annotations.length > 0 ? ` /Annots [${tags.annotations.map(ref).join(" ")}]` : "";
  objects.push(
    [
      page,
      `<< /Type /Page /Parent ${ref(pages)} /MediaBox ${sheet}${boxes} /Resources << /XObject << ${shared.xObjects} >>${font}${colours} >> /Contents [${contents.map(ref).join(" ")}] /StructParents 0 /Tabs /S${annotations} >>`,
    ],
    [pages, `<< /Type /Pages /Kids [${ref(page)}] /Count 1 >>`],
    [
      catalog,
      `<< /Type /Catalog /Pages ${ref(pages)} /Lang ${textString(input.lang)} /MarkInfo << /Marked true >> /StructTreeRoot ${ref(tags.root)} /Metadata ${ref(shared.metadata)} /ViewerPreferences << /DisplayDocTitle true >> >>`,
    ],
    [info, `<< /Title ${textString(input.title)} /Producer ${textString(PRODUCER)} >>`],
  );
  objects.sort(([a], [b]) => a - b);
  // The cross-reference table counts on objects numbered one after another.
  if (objects.some(([number], index) => number !== shared.objects.length + 1 + index))
    throw new Error("the poster PDF's objects are not numbered one after another");
  const own = objects.map(([number, body]) => (typeof body === "string" ? pdfObject(number, body) : body));
  // The same words, paper and copy give the same file identifier.
  const id = crypto
    .createHash("sha256")
    .update(JSON.stringify([input.title, input.url, paper, print]))
    .digest("hex");
  return pdfFile(
    [...shared.objects, ...own],
    `/Root ${ref(catalog)} /Info ${ref(info)} /ID [<${id.slice(0, 32)}> <${id.slice(0, 32)}>]`,
  );
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

type TaggedItem = Extract<Item, { tag?: Tag }> & { tag: Tag };

function itemSize(item: TaggedItem): { width: number; height: number } {
  if (item.kind === "qr") return { width: item.size, height: item.size };
  if (item.kind === "image") return item.image;
  return item.text;
}

/** The text layer's font resource name. */
const TEXT_FONT = "F0";

/** The objects every PDF of a layout holds, numbered from 1 and serialised once. */
interface SharedObjects {
  objects: Buffer[];
  /** The page's XObject resources: `/I2 1 0 R /T3 3 0 R …`. */
  xObjects: string;
  /** The page content in layout pixels. */
  content: number;
  /** The layout's index of the item each marked-content identifier (0, 1, …) marks. */
  marked: number[];
  /** The text layer's Type 0 font, when the page has text. */
  font?: number;
  metadata: number;
}

const made = new WeakMap<Layout, SharedObjects>();

function sharedObjects(
  input: PosterInput,
  poster: Layout,
  images: Array<PdfImage | undefined>,
): SharedObjects {
  let shared = made.get(poster);
  if (shared) return shared;
  const objects: Buffer[] = [];
  const add = (object: (number: number) => Buffer) => {
    const number = objects.length + 1;
    objects.push(object(number));
    return number;
  };
  const resources: string[] = [];
  for (const [index, item] of poster.items.entries()) {
    if (item.kind === "image") {
      // The page's content names every image of the layout.
      const image = images[index];
      if (!image) throw new Error(`the poster's image ${index} was not prepared for the PDF`);
      resources.push(`/I${index} ${ref(imageObjects(image, add))}`);
    }
    if (item.kind === "text" && item.text.lines.length > 0) {
      // The form's box leaves a font size of room around the text, where accents and tails may reach.
      const room = item.text.size;
      const bbox = [-room, -room, item.text.width + room, item.text.height + room].map(number).join(" ");
      const form = add((number) =>
        streamObject(
          number,
          `/Type /XObject /Subtype /Form /BBox [${bbox}] /Filter /FlateDecode`,
          compressedOutlines(item.text),
        ),
      );
      resources.push(`/T${index} ${ref(form)}`);
    }
  }
  const page = pageContent(poster);
  const content = add((number) => streamObject(number, "/Filter /FlateDecode", page.operators));
  const font = page.font ? textFont(page.font, add) : undefined;
  const metadata = add((number) =>
    streamObject(number, "/Type /Metadata /Subtype /XML", Buffer.from(xmp(input), "utf8")),
  );
  shared = { objects, xObjects: resources.join(" "), content, marked: page.marked, font, metadata };
  made.set(poster, shared);
  return shared;
}

/** The page's content in layout pixels, the same for every paper and copy, compressed. */
interface PageContent {
  operators: Buffer;
  marked: number[];
  /** The text layer's font: its widths, ToUnicode map and program. */
  font?: { widths: number[]; toUnicode: string; program: Buffer };
}

/**
 * The page's operators in layout pixels (y downwards), for every paper size: in the layout's
 * order, which is the reading order, each item's marked content: artifacts for colour areas, the
 * emblem and the drawn text (outlines or pictures), then the text's invisible characters as the
 * element of the structure tree the text is; the QR code and the logos as figures.
 */
function pageContent(poster: Layout): PageContent {
  const operators: string[] = [];
  const marked: number[] = [];
  const layer = new TextLayer();
  const artifact = (...drawn: string[]) => operators.push("/Artifact BMC", ...drawn, "EMC");
  const tagged = (index: number, tag: Tag, ...drawn: string[]) => {
    const role = tag.role === "Figure" ? "Figure" : tag.link ? "Link" : tag.role;
    operators.push(`/${role} <</MCID ${marked.length}>> BDC`, ...drawn, "EMC");
    marked.push(index);
  };
  const readable = (index: number, tag: Tag | undefined, x: number, y: number) => {
    if (tag && tag.role !== "Figure")
      tagged(index, tag, layer.operators(tag.lines, tag.size, x, y, TEXT_FONT));
  };
  for (const [index, item] of poster.items.entries()) {
    if (item.kind === "fill") {
      artifact(
        `${fillColour(item.colour)} ${[item.x, item.y, item.width, item.height].map(number).join(" ")} re f`,
      );
    } else if (item.kind === "image") {
      // The image's unit square, its first row at the top.
      const { width, height } = item.image;
      const drawn = `q ${width} 0 0 ${-height} ${number(item.x)} ${number(item.y + height)} cm /I${index} Do Q`;
      if (item.tag?.role === "Figure") tagged(index, item.tag, drawn);
      else artifact(drawn);
      readable(index, item.tag, item.x, item.y);
    } else if (item.kind === "text" && item.text.lines.length > 0) {
      artifact(`q ${fillColour(item.colour)} 1 0 0 1 ${number(item.x)} ${number(item.y)} cm /T${index} Do Q`);
      readable(index, item.tag, item.x, item.y);
    } else if (item.kind === "qr") {
      const modules = item.matrix.size + 2 * QUIET_ZONE;
      const module = number(item.size / modules);
      tagged(
        index,
        item.tag,
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
  const font = layer.empty
    ? undefined
    : { widths: layer.widths, toUnicode: layer.toUnicode(), program: layer.fontProgram() };
  return { operators: deflatePaths(operators.join("\n")), marked, font };
}

/**
 * The text layer's Type 0 font (Identity-H) over a TrueType CIDFont whose glyph n is character
 * identifier n (an empty glyph of that character's width), with its ToUnicode map.
 */
function textFont(
  font: NonNullable<PageContent["font"]>,
  add: (object: (number: number) => Buffer) => number,
) {
  const name = "PosterText";
  const program = add((number) =>
    streamObject(number, `/Length1 ${font.program.length} /Filter /FlateDecode`, deflatePaths(font.program)),
  );
  const descriptor = add((number) =>
    pdfObject(
      number,
      `<< /Type /FontDescriptor /FontName /${name} /Flags 4 /FontBBox [0 ${DESCENT} 1000 ${ASCENT}] /ItalicAngle 0 /Ascent ${ASCENT} /Descent ${DESCENT} /CapHeight 700 /StemV 80 /FontFile2 ${ref(program)} >>`,
    ),
  );
  const descendant = add((number) =>
    pdfObject(
      number,
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${ref(descriptor)} /DW 0 /W [1 [${font.widths.join(" ")}]] /CIDToGIDMap /Identity >>`,
    ),
  );
  const toUnicode = add((number) =>
    streamObject(number, "/Filter /FlateDecode", deflatePaths(font.toUnicode)),
  );
  return add((number) =>
    pdfObject(
      number,
      `<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /Identity-H /DescendantFonts [${ref(descendant)}] /ToUnicode ${ref(toUnicode)} >>`,
    ),
  );
}

const compressed = new WeakMap<VectorText, Buffer>();

/** A text's outlines as a filled path, compressed once for every PDF by Node's zlib. */
function compressedOutlines(text: VectorText): Buffer {
  let made = compressed.get(text);
  if (!made) {
    made = deflatePaths(`${pdfPaths(text)}\nf`);
    compressed.set(text, made);
  }
  return made;
}

/** An image and its soft mask, the image's object number returned. */
function imageObjects(image: PdfImage, add: (object: (number: number) => Buffer) => number): number {
  const entries = `/Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /Filter /FlateDecode`;
  const mask = add((number) =>
    streamObject(number, `${entries} /ColorSpace /DeviceGray /BitsPerComponent 8`, image.alpha),
  );
  const colours = image.colour
    ? `/ColorSpace [/Indexed /DeviceRGB 0 <${image.colour}>] /BitsPerComponent 1`
    : "/ColorSpace /DeviceRGB /BitsPerComponent 8";
  return add((number) => streamObject(number, `${entries} ${colours} /SMask ${ref(mask)}`, image.colours));
}
