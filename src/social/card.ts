/**
 * One share card: the template's emblem, the title and tagline of one language, the main hotline
 * and, on the larger formats, the partners' logos, in the campaign's colours. Layout follows the
 * text direction: everything starts on the right in Arabic or Persian.
 */
import sharp, { type OverlayOptions } from "sharp";
import type { Direction } from "../i18n/languages.ts";
import type { FormatSpec } from "./design.ts";
import { fitText, type TextImage } from "./text.ts";

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
  const layers: OverlayOptions[] = [];
  /** x of a block of `width` pixels placed at the start side. */
  const start = (width: number) =>
    card.dir === "rtl" ? format.width - format.padding - width : format.padding;

  let y = format.padding;
  if (format.emblem > 0) {
    const svg = card.emblem.replaceAll("currentColor", card.foreground);
    const emblem = await sharp(Buffer.from(svg)).resize(format.emblem, format.emblem).png().toBuffer();
    layers.push({ input: emblem, left: start(format.emblem), top: y });
    y += format.emblem + format.gap;
  }

  const text = { lang: card.lang, colour: card.foreground, width: inner };
  const logosBand = format.logos > 0 && card.logos.length > 0 ? format.logos + format.gap : 0;
  const number = await fitText({
    ...text,
    text: `\u2066${card.hotlineNumber}\u2069`,
    weight: "bold",
    height: format.hotlineNumber * 1.5,
    max: format.hotlineNumber,
    min: format.hotlineNumber / 2,
  });
  const label = await fitText({
    ...text,
    text: card.hotlineLabel,
    weight: "regular",
    height: format.hotlineLabel * 1.5,
    max: format.hotlineLabel,
    min: format.hotlineLabel / 2,
  });
  const numberTop = format.height - format.padding - logosBand - number.height;
  const labelTop = numberTop - label.height - Math.round(format.gap / 4);

  const title = await fitField("title", {
    ...text,
    text: card.title,
    weight: "bold",
    ...format.title,
    height: Math.min(format.title.height, labelTop - y - format.gap),
  });
  layers.push(place(title, y));
  y += title.height + format.gap;

  const tagline = await fitField("tagline", {
    ...text,
    text: card.tagline,
    weight: "regular",
    ...format.tagline,
    height: Math.min(format.tagline.height, labelTop - y - format.gap),
  });
  layers.push(place(tagline, y), place(label, labelTop), place(number, numberTop));

  if (logosBand > 0) layers.push(...(await logoBand(card, format)));

  return sharp({
    create: { width: format.width, height: format.height, channels: 3, background: card.background },
  })
    .composite(layers)
    .png({ palette: true, colours: 64, compressionLevel: 9, effort: 7, dither: 0 })
    .toBuffer();

  function place(image: TextImage, top: number): OverlayOptions {
    return { input: image.data, left: start(image.width), top: Math.round(top) };
  }
}

async function fitField(
  field: "title" | "tagline",
  request: Parameters<typeof fitText>[0],
): Promise<TextImage> {
  if (request.height < request.min)
    throw new CardFitError(field, `no room left for the ${field}: shorten the title`);
  try {
    return await fitText(request);
  } catch (error) {
    throw new CardFitError(field, (error as Error).message);
  }
}

/** A light band with the logos in a row, scaled down together if they do not fit the width. */
async function logoBand(card: CardInput, format: FormatSpec): Promise<OverlayOptions[]> {
  const inner = format.width - 2 * format.padding;
  const pad = Math.round(format.logos * 0.15);
  const gap = pad * 2;
  let height = format.logos - 2 * pad;
  const sized = async (h: number) =>
    Promise.all(
      card.logos.map((file) =>
        sharp(file, { density: 300 })
          .resize({ height: h, width: inner - 2 * pad, fit: "inside" })
          .png()
          .toBuffer({ resolveWithObject: true }),
      ),
    );
  let logos = await sized(height);
  const total = (list: typeof logos) =>
    list.reduce((sum, logo) => sum + logo.info.width, 0) + gap * (list.length - 1);
  if (total(logos) > inner - 2 * pad) {
    height = Math.floor(
      (height * (inner - 2 * pad - gap * (logos.length - 1))) / (total(logos) - gap * (logos.length - 1)),
    );
    logos = await sized(Math.max(8, height));
  }
  const top = format.height - format.padding - format.logos;
  const band = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${inner}" height="${format.logos}"><rect width="100%" height="100%" rx="${pad}" fill="#ffffff"/></svg>`,
  );
  const layers: OverlayOptions[] = [{ input: band, left: format.padding, top }];
  let x = format.padding + Math.round((inner - total(logos)) / 2);
  const ordered = card.dir === "rtl" ? [...logos].reverse() : logos;
  for (const logo of ordered) {
    layers.push({ input: logo.data, left: x, top: top + Math.round((format.logos - logo.info.height) / 2) });
    x += logo.info.width + gap;
  }
  return layers;
}
