/**
 * The print shop's copies of the posters: the same page with 3 mm of bleed on every side (the
 * page's colour areas run on into it, so trimming a hair off never leaves a white edge) and crop
 * marks at the corners, outside the bleed, on a larger sheet. The page's boxes say it all to
 * prepress software: TrimBox the finished page, BleedBox 3 mm beyond it, MediaBox the sheet.
 */

import { fillColour, number } from "./pdf-syntax.ts";
import type { Layout } from "./poster-layout.ts";

const MM = 72 / 25.4;
/** Bleed on every side, in points. */
export const BLEED = 3 * MM;
/** Crop marks start this far from the finished page (1 mm beyond the bleed) and are this long. */
const MARK_OFFSET = 4 * MM;
const MARK_LENGTH = 6 * MM;
/** The sheet reaches this far beyond the finished page on every side: the marks and no more. */
export const SLUG = MARK_OFFSET + MARK_LENGTH;
/** Hairlines: a quarter of a point. */
const MARK_WIDTH = 0.25;

/**
 * The layout's colour areas that touch the page's edges, run on past them by `bleed` layout
 * pixels, as operators in layout pixels: only the parts outside the page (strips along its edges,
 * the top and bottom ones across the corners, in the layout's order), so no edge inside the page
 * is drawn twice.
 * Nothing else reaches the edge: text, images and the QR code stay inside the margins.
 */
export function bleedOperators(poster: Layout, bleed: number): string {
  const { width, height } = poster;
  const operators: string[] = [];
  for (const item of poster.items) {
    if (item.kind !== "fill") continue;
    // The area run on, and the part of it on the page.
    const left = item.x <= 0 ? -bleed : item.x;
    const top = item.y <= 0 ? -bleed : item.y;
    const right = item.x + item.width >= width ? width + bleed : item.x + item.width;
    const bottom = item.y + item.height >= height ? height + bleed : item.y + item.height;
    const [innerTop, innerBottom] = [Math.max(top, 0), Math.min(bottom, height)];
    const pieces = [
      top < 0 ? [left, top, right, 0] : undefined,
      bottom > height ? [left, height, right, bottom] : undefined,
      left < 0 ? [left, innerTop, 0, innerBottom] : undefined,
      right > width ? [width, innerTop, right, innerBottom] : undefined,
    ].filter((piece) => piece !== undefined);
    if (pieces.length === 0) continue;
    operators.push(
      fillColour(item.colour),
      ...pieces.map(([x0, y0, x1, y1]) => `${[x0, y0, x1 - x0, y1 - y0].map(number).join(" ")} re`),
      "f",
    );
  }
  return operators.length > 0 ? `/Artifact BMC\n${operators.join("\n")}\nEMC` : "";
}

/** The registration colour: a separation named All, which prints on every plate. */
export const REGISTRATION = {
  name: "Registration",
  space:
    "[/Separation /All /DeviceCMYK << /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 1 1 1] /N 1 >>]",
};

/**
 * Crop marks around a finished page of `width` × `height` points whose lower left corner is at
 * (SLUG, SLUG): at each corner a horizontal and a vertical hairline on the lines of the page's
 * edges, from MARK_OFFSET to SLUG away from it, in the registration colour (every separation),
 * marked as a page artifact (a production aid, not the poster's content).
 */
export function cropMarks(width: number, height: number): string {
  const lines: string[] = [];
  for (const x of [SLUG, SLUG + width]) {
    for (const y of [SLUG, SLUG + height]) {
      const outX = x === SLUG ? -1 : 1;
      const outY = y === SLUG ? -1 : 1;
      lines.push(
        `${number(x + outX * MARK_OFFSET)} ${number(y)} m ${number(x + outX * SLUG)} ${number(y)} l`,
        `${number(x)} ${number(y + outY * MARK_OFFSET)} m ${number(x)} ${number(y + outY * SLUG)} l`,
      );
    }
  }
  return [
    "/Artifact << /Type /Page >> BDC",
    `q ${MARK_WIDTH} w 0 J /${REGISTRATION.name} CS 1 SCN`,
    ...lines,
    "S Q",
    "EMC",
  ].join("\n");
}
