/**
 * The partners' logos on a share card: a light band with the logos in rows. Logos keep the
 * format's row height and wrap onto up to `logoRows` rows, in balanced rows (3 + 2 rather than
 * 4 + 1); only when they still do not fit the width are they all made smaller together.
 */
import { type Canvas, drawnSvg } from "../render/canvas.ts";
import { logoImage, logoRatio } from "../render/logo-images.ts";
import type { FormatSpec } from "./design.ts";

export interface LogoBand {
  height: number;
  /** Draws the band with its top-left corner at (left, top). */
  draw(canvas: Canvas, left: number, top: number): void;
}

/** Plans and draws the logos of `files` for a band `width` pixels wide; row order follows `dir`. */
export async function logoBand(
  files: string[],
  format: FormatSpec,
  width: number,
  rtl: boolean,
): Promise<LogoBand> {
  const pad = Math.round(format.logos * 0.15);
  const gap = pad * 2;
  const room = width - 2 * pad;
  const full = format.logos - 2 * pad;
  const ratios = await Promise.all(files.map(logoRatio));
  const { rows, height } = arrange(ratios, full, room, gap, format.logoRows);
  const logos = await Promise.all(files.map((file) => logoImage(file, height, room)));
  const bandHeight = rows.length * height + (rows.length - 1) * pad + 2 * pad;
  const band = await drawnSvg(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${bandHeight}"><rect width="100%" height="100%" rx="${pad}" fill="#ffffff"/></svg>`,
    width,
    bandHeight,
  );
  return {
    height: bandHeight,
    draw(canvas, left, top) {
      canvas.draw(band, left, top);
      let y = top + pad;
      for (const row of rows) {
        const placed = row.map((index) => logos[index]);
        const total = placed.reduce((sum, logo) => sum + logo.width, 0) + gap * (placed.length - 1);
        let x = left + Math.round((width - total) / 2);
        for (const logo of rtl ? placed.reverse() : placed) {
          canvas.draw(logo, x, y + Math.round((height - logo.height) / 2));
          x += logo.width + gap;
        }
        y += height + pad;
      }
    },
  };
}

/**
 * The fewest rows (up to `maxRows`) in which the logos fit at full height, split so the widest
 * row is as narrow as it can be, fuller rows first; if none fits, the split and height that keep
 * the logos largest.
 */
export function arrange(
  ratios: number[],
  full: number,
  room: number,
  gap: number,
  maxRows: number,
): { rows: number[][]; height: number } {
  const rowsAllowed = Math.max(1, Math.min(maxRows, ratios.length));
  let best: { rows: number[][]; height: number; widest: number } | undefined;
  for (let count = 1; count <= rowsAllowed; count++) {
    for (const rows of partitions(ratios.length, count)) {
      // The height at which the widest row just fits: width = height × Σratio + gaps.
      const fits = Math.min(
        ...rows.map((row) => (room - gap * (row.length - 1)) / row.reduce((sum, i) => sum + ratios[i], 0)),
      );
      const height = Math.max(8, Math.floor(Math.min(full, fits)));
      const widest = Math.max(
        ...rows.map((row) => row.reduce((sum, i) => sum + ratios[i] * height, 0) + gap * (row.length - 1)),
      );
      if (!best || height > best.height || (height === best.height && widest <= best.widest))
        best = { rows, height, widest };
    }
    if (best && best.height >= full) break;
  }
  return best ? { rows: best.rows, height: best.height } : { rows: [], height: full };
}

/** Every way to cut 0…n−1 into `count` non-empty runs, in order. */
function* partitions(n: number, count: number, start = 0): Generator<number[][]> {
  if (count === 1) {
    if (start < n) yield [range(start, n)];
    return;
  }
  for (let end = start + 1; end <= n - count + 1; end++) {
    for (const rest of partitions(n, count - 1, end)) yield [range(start, end), ...rest];
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
