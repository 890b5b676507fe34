/**
 * One share card: the template's emblem, the title and tagline of one language, the main hotline
 * and, on the larger formats, the partners' logos, in the campaign's colours. Layout follows the
 * text direction: everything starts on the right in Arabic or Persian.
 */
import sharp from "sharp";
import type { Direction } from "../i18n/languages.ts";
import { Canvas, type RawImage, toRaw } from "./canvas.ts";
import type { FormatSpec } from "./design.ts";
import { type FitRequest, fitText, type TextImage } from "./text.ts";

export interface CardInput {
  format: FormatSpec;
  emblem: string;
  lang: string;
  dir: Direction;
  /** Card colour and the colour drawn on it (contrast checked when the campaign loaded). */
  background: string;
  foreground: string;
  title: string;
  tagline: string;
  hotlineLabel: string;
  hotlineNumber: string;
  /** Short hours drawn after the label ("24/7"), when the line has hours. */
  hotlineHours?: string;
  /** Partner logo files, drawn in a light band at the bottom when the format has one. */
  logos: string[];
}

/** Which text failed to fit, for an error that names the content field. */
export class CardFitError extends Error {
  override name = "CardFitError";
  constructor(
    readonly field: "title" | "tagline",
    message: string,
  ) {
    super(message);
  }
}

export async function renderCard(card: CardInput): Promise<Buffer> {
  const { format } = card;
  const inner = format.width - 2 * format.padding;
  const canvas = new Canvas(format.width, format.height, card.background);
  /** x of a block of `width` pixels placed at the start side. */
  const start = (width: number) =>
    card.dir === "rtl" ? format.width - format.padding - width : format.padding;

  let y = format.padding;
  if (format.emblem > 0) {
    const emblem = await drawing(
      card.emblem.replaceAll("currentColor", card.foreground),
      format.emblem,
      format.emblem,
    );
    canvas.draw(emblem, start(format.emblem), y);
    y += format.emblem + format.gap;
  }

  const text = { lang: card.lang, colour: card.foreground, width: inner };
  const logosBand = format.logos > 0 && card.logos.length > 0 ? format.logos + format.gap : 0;
  const line = (content: string, weight: FitRequest["weight"], size: number) =>
    fitText({ ...text, text: content, weight, height: size * 1.5, max: size, min: size / 2 });
  const [number, label] = await Promise.all([
    line(`\u2066${card.hotlineNumber}\u2069`, "bold", format.hotlineNumber),
    line(
      card.hotlineHours ? `${card.hotlineLabel} · ${card.hotlineHours}` : card.hotlineLabel,
      "regular",
      format.hotlineLabel,
    ),
  ]);
  const numberTop = format.height - format.padding - logosBand - number.height;
  const labelTop = numberTop - label.height - Math.round(format.gap / 4);

  const title = await fitField("title", {
    ...text,
    text: card.title,
    weight: "bold",
    ...format.title,
    height: Math.min(format.title.height, labelTop - y - format.gap),
  });
  draw(title, y);
  y += title.height + format.gap;

  const tagline = await fitField("tagline", {
    ...text,
    text: card.tagline,
    weight: "regular",
    ...format.tagline,
    height: Math.min(format.tagline.height, labelTop - y - format.gap),
  });
  draw(tagline, y);
  draw(label, labelTop);
  draw(number, numberTop);

  if (logosBand > 0) await drawLogoBand(canvas, card, format);
  return canvas.png();

  function draw(image: TextImage, top: number) {
    canvas.draw(image, start(image.width), top);
  }
}

async function fitField(field: "title" | "tagline", request: FitRequest): Promise<TextImage> {
  if (request.height < request.min)
    throw new CardFitError(field, `no room left for the ${field}: shorten the title`);
  try {
    return await fitText(request);
  } catch (error) {
    throw new CardFitError(field, (error as Error).message);
  }
}

/** SVG drawings (emblem, logo band) are the same for every card of a design: drawn once. */
const drawings = new Map<string, Promise<RawImage>>();

function drawing(svg: string, width: number, height: number): Promise<RawImage> {
  const key = `${width}x${height}:${svg}`;
  let image = drawings.get(key);
  if (!image) {
    image = toRaw(sharp(Buffer.from(svg)).resize(width, height));
    drawings.set(key, image);
  }
  return image;
}

/** A light band with the logos in a row, scaled down together if they do not fit the width. */
async function drawLogoBand(canvas: Canvas, card: CardInput, format: FormatSpec): Promise<void> {
  const inner = format.width - 2 * format.padding;
  const pad = Math.round(format.logos * 0.15);
  const gap = pad * 2;
  const room = inner - 2 * pad;
  const sized = (height: number) =>
    Promise.all(
      card.logos.map((file) =>
        toRaw(sharp(file, { density: 300 }).resize({ height, width: room, fit: "inside" })),
      ),
    );
  let logos = await sized(format.logos - 2 * pad);
  const total = (list: RawImage[]) =>
    list.reduce((sum, logo) => sum + logo.width, 0) + gap * (list.length - 1);
  if (total(logos) > room) {
    const scale = (room - gap * (logos.length - 1)) / (total(logos) - gap * (logos.length - 1));
    logos = await sized(Math.max(8, Math.floor((format.logos - 2 * pad) * scale)));
  }
  const top = format.height - format.padding - format.logos;
  const band = `<svg xmlns="http://www.w3.org/2000/svg" width="${inner}" height="${format.logos}"><rect width="100%" height="100%" rx="${pad}" fill="#ffffff"/></svg>`;
  canvas.draw(await drawing(band, inner, format.logos), format.padding, top);
  let x = format.padding + Math.round((inner - total(logos)) / 2);
  for (const logo of card.dir === "rtl" ? [...logos].reverse() : logos) {
    canvas.draw(logo, x, top + Math.round((format.logos - logo.height) / 2));
    x += logo.width + gap;
  }
}
