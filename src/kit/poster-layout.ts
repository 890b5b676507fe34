/**
 * The poster's layout: every line, image, colour area and the QR code placed in pixels on the
 * page at print resolution. Title and tagline shrink to fit their boxes; below the template's
 * smallest size they stop the build with the field named. Right-to-left languages start on the
 * right; phone numbers and the address stay left-to-right.
 */
import type { Direction } from "../i18n/languages.ts";
import type { RawImage } from "../render/canvas.ts";
import type { LineText, VectorText } from "../render/line-breaking.ts";
import { logoImage } from "../render/logo-images.ts";
import { TextFitError } from "../render/text-fit.ts";
import type { PosterDesign } from "./design.ts";
import { emblemImage } from "./poster-images.ts";
import type { PdfImage } from "./poster-pdf.ts";
import { fitPosterText, oneColour, type PosterText } from "./poster-text.ts";
import { type QrMatrix, qrMatrix } from "./qr.ts";

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
  /** The QR code's alternative text, in the poster's language: the address it opens. */
  qrAlt: string;
  /**
   * The partners' logos: the file, the partner's name as the poster's language writes it (the
   * logo's alternative text) and, when that name is in another language, its tag.
   */
  logos: PosterLogo[];
}

export interface PosterLogo {
  file: string;
  name: string;
  lang?: string;
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

/**
 * What an item is to a reader who does not see it, for the PDFs' structure: a heading or a
 * paragraph (its characters in reading order, for the invisible text over it; the address also a
 * link), or a figure with its alternative text (and the language of that text where it is not the
 * poster's). Items without one are decoration: the PDFs mark them as artifacts.
 */
export type Tag =
  | { role: "H1" | "P"; lines: LineText[]; size: number; link?: string }
  | { role: "Figure"; alt: string; lang?: string };

export type Item =
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
      tag?: Tag;
    }
  /** Text of one colour as outlines, in pixels from (x, y). */
  | { kind: "text"; x: number; y: number; text: VectorText; colour: string; tag: Tag }
  | { kind: "qr"; x: number; y: number; size: number; matrix: QrMatrix; tag: Tag };

export interface Layout {
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
export type PosterWords = Pick<PosterInput, "design" | "lang" | "dir" | "title" | "tagline" | "dateText"> & {
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
  const onBand = { lang: input.lang, dir: input.dir, colour: input.theme.background, width: inner };
  const fitBox = (field: "title" | "tagline", weight: "bold" | "regular") => {
    const box = design[field];
    const fit = (height: number) =>
      fitField(field, box.min, () =>
        fitPosterText({
          ...onBand,
          text: input[field],
          weight,
          height,
          max: unit(box.max),
          min: unit(box.min),
        }),
      );
    const largest = fit(unit(box.height));
    largest.catch(() => undefined); // awaited below unless the room left is smaller
    return (room: number) => (room >= unit(box.height) ? largest : fit(room));
  };
  const titleBox = fitBox("title", "bold");
  const taglineBox = fitBox("tagline", "regular");
  const size = unit(design.date);
  const date = await fitPosterText({
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
 * once: none of the others depends on the room another leaves. `prepare` starts on each image
 * as soon as it is placed (compressing it for the PDFs) while the rest is laid out.
 */
export async function layoutPoster(
  input: PosterInput,
  paper: Paper,
  dpi: number,
  prepare: (image: RawImage, colour?: string) => Promise<PdfImage>,
): Promise<Layout> {
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
    fitPosterText({
      lang: input.lang,
      dir: input.dir,
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
    emblemSize > 0 ? emblemImage(design.emblemSvg.replaceAll("currentColor", light), emblemSize) : undefined,
    line(labelText, unit(design.hotlineLabel), "regular"),
    line(`\u2066${main.number}\u2069`, unit(design.hotlineNumber), "bold"),
    Promise.all(otherTexts.map((text) => line(text, unit(design.otherHotline), "bold"))),
    line(addressText, unit(design.address), "regular"),
    logos > 0
      ? logoRow(
          input.logos.map((logo) => logo.file),
          logos,
          inner,
          gap,
        )
      : [],
  ]);
  const { date, dateTop, title, titleTop, tagline, taglineTop } = await words;

  const items: Item[] = [{ kind: "fill", x: 0, y: 0, width, height, colour: light }];
  const picture = (x: number, y: number, image: RawImage, colour?: string, tag?: Tag) => {
    const encoded = prepare(image, colour);
    encoded.catch(() => undefined); // awaited by the PDFs; a text that does not fit stops first
    items.push({ kind: "image", x, y, image, colour, encoded, tag });
  };
  items.push({ kind: "fill", x: 0, y: 0, width, height: band, colour: input.theme.primary });
  const text = (
    line: PosterText,
    x: number,
    y: number,
    words: string,
    colour: string,
    role: "H1" | "P" = "P",
    link?: string,
  ) => {
    const tag: Tag = { role, lines: line.lines, size: line.size, link };
    if (line.kind === "vector") items.push({ kind: "text", x, y, text: line.text, colour, tag });
    else picture(x, y, line.image, oneColour(words) ? colour : undefined, tag);
  };

  // The emblem is decoration: the title says what the poster is about.
  if (emblem) picture(start(emblemSize), margin, emblem);
  text(title, start(title.width), titleTop, input.title, light, "H1");
  text(tagline, start(tagline.width), taglineTop, input.tagline, light);
  text(date, start(date.width), dateTop, input.dateText, light);

  // Below the band: hotlines and the address on the start side, the QR code on the end side.
  const place = (image: PosterText, top: number, words: string, link?: string) =>
    text(image, start(image.width, columnLeft, column), top, words, ink, "P", link);
  let y = band + margin;
  // Heights are ink boxes: a space of a third of the smaller line's size keeps a descender of
  // the label (Arabic م, ص) off the number below it.
  const leading = (size: number) => Math.round(size / 3);
  place(label, y, labelText);
  y += label.height + leading(unit(design.hotlineLabel));
  place(number, y, main.number);
  y += number.height + Math.round(gap / 2);
  for (const [index, image] of otherLines.entries()) {
    place(image, y, otherTexts[index]);
    y += image.height + leading(unit(design.otherHotline));
  }
  const qrTop = band + margin;
  place(address, Math.max(y + gap, qrTop + qrSize - address.height), addressText, input.url);
  items.push({
    kind: "qr",
    x: input.dir === "rtl" ? margin : margin + inner - qrSize,
    y: qrTop,
    size: qrSize,
    matrix: qrMatrix(input.url),
    tag: { role: "Figure", alt: input.qrAlt },
  });

  if (logos > 0) {
    const top = height - margin - logos;
    const total = logoImages.reduce((sum, logo) => sum + logo.width, 0) + gap * (logoImages.length - 1);
    const left = margin + Math.round((inner - total) / 2);
    // From the start side, in reading order: right to left in right-to-left languages.
    let edge = input.dir === "rtl" ? left + total : left;
    for (const [index, image] of logoImages.entries()) {
      const x = input.dir === "rtl" ? edge - image.width : edge;
      const { name, lang } = input.logos[index];
      picture(x, top + Math.round((logos - image.height) / 2), image, undefined, {
        role: "Figure",
        alt: name,
        lang,
      });
      edge += (input.dir === "rtl" ? -1 : 1) * (image.width + gap);
    }
  }
  return { width, height, items };
}

/** The partners' logos at the row's height, smaller together when they would not fit its width. */
async function logoRow(files: string[], height: number, width: number, gap: number): Promise<RawImage[]> {
  const draw = (size: number) => Promise.all(files.map((file) => logoImage(file, size, width)));
  const images = await draw(height);
  const gaps = gap * (images.length - 1);
  const total = images.reduce((sum, logo) => sum + logo.width, 0) + gaps;
  if (total <= width) return images;
  return draw(Math.max(8, Math.floor((height * (width - gaps)) / (total - gaps))));
}

/**
 * Fits a title or tagline; when it does not fit, the error says the smallest size in points on
 * the printed page, which a person can picture (pixels at print resolution say nothing).
 */
async function fitField(
  field: "title" | "tagline",
  smallest: number,
  fit: () => Promise<PosterText>,
): Promise<PosterText> {
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
