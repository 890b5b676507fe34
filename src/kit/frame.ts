/**
 * The profile-picture frame: a square in the campaign's primary colour with a round window,
 * transparent, where the photo shows; the tagline in a band at the bottom and the emblem at the
 * top. Right-to-left text is shaped and aligned by Pango like the share cards.
 */
import sharp, { type OverlayOptions } from "sharp";
import { fitText } from "../social/text.ts";
import type { FrameDesign } from "./design.ts";

export interface FrameInput {
  design: FrameDesign;
  lang: string;
  theme: { primary: string; background: string };
  tagline: string;
}

export async function renderFrame(input: FrameInput): Promise<Buffer> {
  const { size, ring, band, emblem } = input.design;
  const centre = size / 2;
  const radius = size / 2 - ring;
  // Even-odd: the square minus the circle.
  const shape = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><path fill-rule="evenodd" fill="${input.theme.primary}" d="M0 0H${size}V${size}H0Z M${centre - radius} ${centre}a${radius} ${radius} 0 1 0 ${2 * radius} 0a${radius} ${radius} 0 1 0 ${-2 * radius} 0Z"/>${band > 0 ? `<rect x="0" y="${size - band}" width="${size}" height="${band}" fill="${input.theme.primary}"/>` : ""}</svg>`;
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
    });
    layers.push({
      input: text.data,
      raw: { width: text.width, height: text.height, channels: 4 },
      left: Math.round((size - text.width) / 2),
      top: Math.round(size - band + (band - text.height) / 2),
    });
  }
  if (emblem > 0) {
    const svg = input.design.emblemSvg.replaceAll("currentColor", input.theme.background);
    const badge = `<svg xmlns="http://www.w3.org/2000/svg" width="${emblem}" height="${emblem}"><circle cx="${emblem / 2}" cy="${emblem / 2}" r="${emblem / 2}" fill="${input.theme.primary}"/></svg>`;
    const inner = Math.round(emblem * 0.6);
    layers.push(
      { input: Buffer.from(badge), left: Math.round(centre - emblem / 2), top: 0 },
      {
        input: await sharp(Buffer.from(svg)).resize(inner, inner).png().toBuffer(),
        left: Math.round(centre - inner / 2),
        top: Math.round((emblem - inner) / 2),
      },
    );
  }
  return sharp(Buffer.from(shape))
    .composite(layers)
    .png({ compressionLevel: 6, adaptiveFiltering: false }) // level 9 takes ten times as long for a quarter fewer bytes
    .toBuffer();
}
