/**
 * Laid-out text drawn as the glyphs' own curves: PDF path operators for the posters (sharp at
 * any size) and one SVG path for their preview, each glyph's outline made once per process.
 */
import type { Face } from "./faces.ts";
import type { VectorText } from "./line-breaking.ts";

/**
 * A glyph's outline in its font's units, y upwards: as PDF path operators, and as its segments
 * (one letter each, M L C or Z) with their points, for drawing at any place and scale.
 */
interface GlyphOutline {
  pdf: string;
  segments: string;
  points: number[];
}

const glyphOutlines = new WeakMap<Face, Map<number, GlyphOutline>>();

/** One decimal of a font unit (a thousandth of an em at most): far below what prints. */
function unit(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * A glyph's outline, made once per process: every poster in every language draws its letters
 * from the same few hundred outlines. Quadratic curves (TrueType) are raised to cubic ones, the
 * only curves PDF has.
 */
function glyphOutline(face: Face, glyph: number): GlyphOutline {
  let fontOutlines = glyphOutlines.get(face);
  if (!fontOutlines) {
    fontOutlines = new Map();
    glyphOutlines.set(face, fontOutlines);
  }
  let made = fontOutlines.get(glyph);
  if (made) return made;
  const pdf: string[] = [];
  let segments = "";
  const points: number[] = [];
  const add = (op: "M" | "L" | "C", values: number[]) => {
    pdf.push(`${values.map(unit).join(" ")} ${{ M: "m", L: "l", C: "c" }[op]}`);
    segments += op;
    points.push(...values);
  };
  let current = [0, 0];
  let first = [0, 0];
  for (const { type, values } of face.font.glyphToJson(glyph)) {
    if (type === "M") {
      current = first = [values[0], values[1]];
      add("M", current);
    } else if (type === "L") {
      current = [values[0], values[1]];
      add("L", current);
    } else if (type === "Q") {
      const [cx, cy, x, y] = values;
      const third = (fx: number, fy: number) => [fx + ((cx - fx) * 2) / 3, fy + ((cy - fy) * 2) / 3];
      add("C", [...third(current[0], current[1]), ...third(x, y), x, y]);
      current = [x, y];
    } else if (type === "C") {
      add("C", values);
      current = [values[4], values[5]];
    } else if (type === "Z") {
      pdf.push("h");
      segments += "Z";
      current = first;
    }
  }
  made = { pdf: pdf.join("\n"), segments, points };
  fontOutlines.set(glyph, made);
  return made;
}

/** A number for a transformation: six decimals for scales, which multiply font units. */
function factor(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

/**
 * The text as PDF operators: each glyph filled in place (`q s 0 0 -s x y cm … f Q`), in pixels
 * from the text's top-left corner, y downwards.
 */
export function pdfPaths(text: VectorText): string {
  const pdf: string[] = [];
  for (const line of text.lines) {
    for (const { face, glyph, scale, x, y } of line) {
      const outline = glyphOutline(face, glyph);
      if (!outline.pdf) continue;
      pdf.push(`q ${factor(scale)} 0 0 ${factor(-scale)} ${factor(x)} ${factor(y)} cm\n${outline.pdf}\nf Q`);
    }
  }
  return pdf.join("\n");
}

/**
 * One SVG path's data, in hundredths of the drawing's pixels (whole numbers, quick to write and
 * read: draw it scaled by 0.01), and the box its points lie in (so its curves too), in pixels.
 */
export interface PlacedPath {
  d: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The text as the data of one SVG path, its top-left corner at (left, top) and `scale` pixels a
 * layout pixel: every glyph's points placed in the drawing's own pixels, so librsvg fills the
 * whole text at once.
 */
export function svgPath(text: VectorText, scale: number, left: number, top: number): PlacedPath {
  let d = "";
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const line of text.lines) {
    for (const { face, glyph, scale: size, x, y } of line) {
      const { segments, points } = glyphOutline(face, glyph);
      const s = size * scale * 100;
      const ox = (left + x * scale) * 100;
      const oy = (top + y * scale) * 100;
      let point = 0;
      for (const op of segments) {
        d += op;
        if (op === "Z") continue;
        for (let i = op === "C" ? 3 : 1; i > 0; i--, point += 2) {
          const px = Math.round(ox + points[point] * s);
          const py = Math.round(oy - points[point + 1] * s);
          d += i === 1 ? `${px} ${py}` : `${px} ${py} `;
          if (px < minX) minX = px;
          if (px > maxX) maxX = px;
          if (py < minY) minY = py;
          if (py > maxY) maxY = py;
        }
      }
    }
  }
  return { d, left: minX / 100, top: minY / 100, right: maxX / 100, bottom: maxY / 100 };
}
