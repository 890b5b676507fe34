/**
 * One share card: the template's emblem, the day's date, the title and tagline of one language,
 * the main hotline, the site's address and, on the larger formats, the partners' logos, in the
 * campaign's colours. The format's `stack` (card.json) orders the blocks from top to bottom and
 * says where empty room goes. Layout follows the text direction: everything starts on the right
 * in Arabic or Persian; the phone number and the address stay left-to-right.
 */
import type { Direction } from "../i18n/languages.ts";
import { Canvas, drawnSvg } from "../render/canvas.ts";
import { codeFingerprint } from "../render/code-fingerprint.ts";
import { keptRecent } from "../render/memo.ts";
import {
  alignLines,
  type FitRequest,
  fitText,
  inkColumns,
  TextFitError,
  type TextImage,
} from "../render/text-fit.ts";
import type { Block, FormatSpec } from "./design.ts";
import { logoBand } from "./logo-band.ts";

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
  /** The day, written in the language ("30 juillet 2023"). */
  date: string;
  /** The site's address without protocol ("www.example.be/2023"), drawn left-to-right. */
  address: string;
  hotlineLabel: string;
  hotlineNumber: string;
  /** Short hours drawn after the label ("24/7"), when the line has hours. */
  hotlineHours?: string;
  /** Partner logo files, drawn in a light band when the format has one. */
  logos: string[];
}

/** Which text failed to fit, for an error that names the field it comes from. */
export class CardFitError extends Error {
  override name = "CardFitError";
  constructor(
    readonly field: "title" | "tagline" | "url",
    message: string,
  ) {
    super(message);
  }
}

/** Line spacing of the one-line texts, should one wrap, as a multiple of the font size. */
const LINE_HEIGHT = 1.25;

/** A block measured and ready to draw at a given top. */
interface Placed {
  height: number;
  draw(top: number): void;
}

export async function renderCard(card: CardInput): Promise<Buffer> {
  const { format } = card;
  const inner = format.width - 2 * format.padding;
  const canvas = new Canvas(format.width, format.height, card.background);
  /** x of a block of `width` pixels placed at the start side. */
  const start = (width: number) =>
    card.dir === "rtl" ? format.width - format.padding - width : format.padding;
  const text = { lang: card.lang, colour: card.foreground, width: inner, wholeWords: true };
  /** A short text of `lines` lines (one by default), shrunk to `smallest` of its size if need be. */
  const line = (content: string, weight: FitRequest["weight"], size: number, lines = 1, smallest = 0.5) =>
    fitLine({
      ...text,
      text: content,
      weight,
      height: size * (1.5 + (lines - 1) * LINE_HEIGHT),
      lineHeight: LINE_HEIGHT,
      max: size,
      min: size * smallest,
    });
  // Text is placed by its ink, not by its box: every block starts at the same edge, whatever
  // the side bearing of its first letter at its size.
  const placedText = (image: TextImage): Placed => {
    const { left, right } = inkColumns(image);
    const x =
      card.dir === "rtl"
        ? format.width - format.padding - (right + 1)
        : format.padding - Math.min(left, image.width);
    return { height: image.height, draw: (top) => canvas.draw(image, x, top) };
  };

  // Every block but the title and tagline has its size from the design: measure those first.
  const [emblem, date, hotline, address, logos] = await Promise.all([
    format.emblem > 0 ? emblemBlock() : undefined,
    line(card.date, "regular", format.date).then(placedText),
    hotlineBlock(),
    addressBlock(),
    format.logos > 0 && card.logos.length > 0
      ? logoBand(card.logos, format, inner, card.dir === "rtl").then(
          (band): Placed => ({ height: band.height, draw: (top) => band.draw(canvas, format.padding, top) }),
        )
      : undefined,
  ]);
  const blocks: Partial<Record<Block, Placed>> = { emblem, date, hotline, address, logos };
  const present = (item: string) => item === "title" || item === "tagline" || blocks[item as Block];
  const items = format.stack.filter((item) => item === "fill" || present(item));
  const shown = items.filter((item) => item !== "fill").length;
  const fixed = Object.values(blocks).reduce((sum, block) => sum + (block?.height ?? 0), 0);
  let room = format.height - 2 * format.padding - fixed - format.gap * (shown - 1);

  // The title takes what it needs first, keeping a line of the tagline at its smallest size; the
  // tagline takes what is left.
  const taglineLine = Math.ceil(format.tagline.min * format.tagline.lineHeight);
  blocks.title = placedText(
    await fitField("title", card.dir, {
      ...text,
      text: card.title,
      weight: "bold",
      balance: true,
      ...format.title,
      height: Math.min(format.title.height, room - taglineLine),
    }),
  );
  room -= blocks.title.height;
  blocks.tagline = placedText(
    await fitField("tagline", card.dir, {
      ...text,
      text: card.tagline,
      weight: "regular",
      balance: true,
      ...format.tagline,
      height: Math.min(format.tagline.height, room),
    }),
  );
  room -= blocks.tagline.height;

  // What is left is shared by the fills (or stays at the bottom when the stack has none).
  const fills = items.filter((item) => item === "fill").length;
  let y = format.padding;
  let fillsSeen = 0;
  let previous: "block" | "fill" | undefined;
  for (const item of items) {
    if (item === "fill") {
      fillsSeen++;
      // Whole pixels, the remainder in the last fill, so the bottom block ends on the padding.
      y += fillsSeen < fills ? Math.floor(room / fills) : room - Math.floor(room / fills) * (fills - 1);
      previous = "fill";
      continue;
    }
    const block = blocks[item] as Placed;
    if (previous) y += format.gap;
    block.draw(y);
    y += block.height;
    previous = "block";
  }
  return canvas.png();

  async function emblemBlock(): Promise<Placed> {
    const image = await drawnSvg(
      card.emblem.replaceAll("currentColor", card.foreground),
      format.emblem,
      format.emblem,
    );
    return { height: format.emblem, draw: (top) => canvas.draw(image, start(format.emblem), top) };
  }

  async function hotlineBlock(): Promise<Placed> {
    const [number, label] = await Promise.all([
      line(`\u2066${card.hotlineNumber}\u2069`, "bold", format.hotlineNumber),
      hotlineLabel(),
    ]);
    const between = Math.round(format.gap / 4);
    return {
      height: label.height + between + number.height,
      draw(top) {
        canvas.draw(label, start(label.width), top);
        canvas.draw(number, start(number.width), top + label.height + between);
      },
    };
  }

  /** The label and the line's hours on one line, or on two rather than in small type. */
  async function hotlineLabel(): Promise<TextImage> {
    const { hotlineLabel: label, hotlineHours: hours } = card;
    if (!hours) return line(label, "regular", format.hotlineLabel);
    try {
      return await line(`${label} · ${hours}`, "regular", format.hotlineLabel, 1, 0.8);
    } catch (error) {
      if (!(error instanceof TextFitError)) throw error;
      return line(`${label}\n${hours}`, "regular", format.hotlineLabel, 2);
    }
  }

  async function addressBlock(): Promise<Placed> {
    try {
      return placedText(await line(`\u2066${card.address}\u2069`, "regular", format.address));
    } catch (error) {
      throw new CardFitError("url", (error as Error).message);
    }
  }
}

async function fitField(
  field: "title" | "tagline",
  dir: "ltr" | "rtl",
  request: FitRequest,
): Promise<TextImage> {
  if (request.height < request.min)
    throw new CardFitError(field, `no room left for the ${field}: shorten the title`);
  try {
    return alignLines(await fitText(request), dir);
  } catch (error) {
    throw new CardFitError(field, (error as Error).message);
  }
}

/** One-line texts (date, hotline, address) recur on the cards of every language and format of a campaign. */
const lines = keptRecent<TextImage>(64);

function fitLine(request: FitRequest): Promise<TextImage> {
  return lines(JSON.stringify(request), () => fitText(request));
}

/** The fingerprint of the code that makes share images (this module and what it imports), for cache keys. */
export function cardCode(): string {
  return codeFingerprint(import.meta.url);
}
