/**
 * The profile-picture frame: a square in the campaign's primary colour with a round window,
 * transparent, where the photo shows; the tagline in a band at the bottom and the emblem at the
 * top. The square, window and emblem are the same in every language of a campaign, so they are
 * drawn once and each language's tagline is laid on them as the PNG is encoded. Right-to-left
 * text is shaped and aligned by Pango like the share cards.
 */
import sharp, { type OverlayOptions } from "sharp";
import { drawnSvg, type RawImage, toRaw } from "../render/canvas.ts";
import { codeFingerprint } from "../render/code-fingerprint.ts";
import { keptRecent } from "../render/memo.ts";
import { fitText } from "../render/text-fit.ts";
import type { FrameDesign } from "./design.ts";

export interface FrameInput {
  design: FrameDesign;
  lang: string;
  theme: { primary: string; background: string };
  tagline: string;
}

export async function renderFrame(input: FrameInput): Promise<Buffer> {
  const { size, ring, band } = input.design;
  const base = await frameBase(input.design, input.theme);
  const layers: OverlayOptions[] = [];
  if (band > 0) {
    const text = await fitText({
      text: input.tagline,
      lang: input.lang,
      weight: "bold",
      colour: input.theme.background,
      width: size - 2 * ring,
      height: band - ring / 2,
      max: input.design.text.max,
      min: input.design.text.min,
      // The same distance between lines in every script (Arabic's own is half as tall again).
      lineHeight: input.design.text.lineHeight,
    });
    layers.push({
      input: text.data,
      raw: { width: text.width, height: text.height, channels: 4 },
      left: Math.round((size - text.width) / 2),
      top: Math.round(size - band + (band - text.height) / 2),
    });
  }
  // libvips lays the words on the shared drawing as it encodes: no copy of the whole picture.
  return sharp(base.data, { raw: { width: size, height: size, channels: 4 } })
    .composite(layers)
    .png({ compressionLevel: 4, adaptiveFiltering: false }) // as the poster preview (canvas.ts)
    .toBuffer();
}

const bases = keptRecent<RawImage>(8);

/** The frame without its words: one drawing for every language of a design and theme. */
function frameBase(design: FrameDesign, theme: FrameInput["theme"]): Promise<RawImage> {
  const key = `${design.fingerprint}:${theme.primary}:${theme.background}`;
  return bases(key, async () => {
    const { size, ring, band, emblem } = design;
    const centre = size / 2;
    const radius = size / 2 - ring;
    // Even-odd: the square minus the circle; the emblem's round badge at the top.
    const shape = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><path fill-rule="evenodd" fill="${theme.primary}" d="M0 0H${size}V${size}H0Z M${centre - radius} ${centre}a${radius} ${radius} 0 1 0 ${2 * radius} 0a${radius} ${radius} 0 1 0 ${-2 * radius} 0Z"/>${band > 0 ? `<rect x="0" y="${size - band}" width="${size}" height="${band}" fill="${theme.primary}"/>` : ""}${emblem > 0 ? `<circle cx="${centre}" cy="${emblem / 2}" r="${emblem / 2}" fill="${theme.primary}"/>` : ""}</svg>`;
    const picture = sharp(Buffer.from(shape));
    if (emblem > 0) {
      const inner = Math.round(emblem * 0.6);
      const svg = design.emblemSvg.replaceAll("currentColor", theme.background);
      const mark = await drawnSvg(svg, inner, inner);
      picture.composite([
        {
          input: mark.data,
          raw: { width: inner, height: inner, channels: 4 },
          left: Math.round(centre - inner / 2),
          top: Math.round((emblem - inner) / 2),
        },
      ]);
    }
    return toRaw(picture);
  });
}

/** The fingerprint of the code that makes the frame (this module and what it imports), for cache keys. */
export function frameCode(): string {
  return codeFingerprint(import.meta.url);
}
