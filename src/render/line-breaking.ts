/**
 * Shaped text laid out in a box: broken into lines greedily at its break opportunities (a word
 * wider than the line cut into grapheme clusters), ordered visually (rule L2 of the bidirectional
 * algorithm), placed in pixels, and fitted by shrinking from the largest size as the share
 * images' text engine does. Shaping does not depend on the size, so each size tried costs only
 * additions.
 */
import { type Face, facesOf } from "./faces.ts";
import type { Weight } from "./fonts.ts";
import { type Piece, shapeText, type Unit } from "./shaping.ts";
import { smallerSize } from "./text-fit.ts";

export interface VectorRequest {
  text: string;
  lang: string;
  weight: Weight;
  dir: "ltr" | "rtl";
  /** The box, in pixels; `max` and `min` are font sizes in pixels. */
  width: number;
  height: number;
  max: number;
  min: number;
}

/** Laid-out text: its size in pixels and its outlines. */
export interface VectorText {
  width: number;
  height: number;
  /** The font size used, in pixels. */
  size: number;
  /** Each line's glyphs, in visual order, with their pen positions in pixels. */
  lines: PlacedGlyph[][];
  /** Each line's characters in logical order, over the glyphs that draw them. */
  text: LineText[];
}

/**
 * A line's characters in reading (logical) order, each with the stretch of the line its glyphs
 * take: a character of a cluster drawn by several glyphs, or of a ligature, gets an even share
 * of the cluster, from the right in right-to-left runs. Pixels from the text's top-left corner.
 */
export interface LineText {
  baseline: number;
  /** How far the line's ink reaches above and below its baseline. */
  top: number;
  bottom: number;
  chars: Array<{ char: string; x: number; width: number }>;
}

export interface PlacedGlyph {
  face: Face;
  /** The glyph's index in its font. */
  glyph: number;
  /** Font units to pixels. */
  scale: number;
  x: number;
  y: number;
}

/** Greedy lines at `size`: as many units as fit the width, a unit too wide cut into graphemes. */
function breakLines(units: Unit[], size: number, width: number): Unit[][] {
  const lines: Unit[][] = [];
  let line: Unit[] = [];
  let used = 0;
  const queue = [...units];
  while (queue.length > 0) {
    const unit = queue.shift() as Unit;
    if (line.length > 0 && (used + unit.ink) * size > width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    if (line.length === 0 && unit.ink * size > width) {
      const pieces = unit.graphemes();
      if (pieces.length > 1) {
        queue.unshift(...pieces);
        continue;
      }
    }
    line.push(unit);
    used += unit.width;
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/**
 * The lines at `size`, laid out: glyph positions in pixels, start-aligned. Lines are one line
 * height of the first shipped font apart; the extent runs from the first line's highest ink to
 * the last line's lowest, as the share images' text engine crops its pictures.
 */
export function layoutText(
  units: Unit[],
  size: number,
  width: number,
  dir: "ltr" | "rtl",
  weight: Weight,
): VectorText {
  const primary = facesOf(weight)[0];
  const pitch = (primary.ascent + primary.descent) * size;
  const lines = breakLines(units, size, width).map((line) => {
    const pieces = line.flatMap((unit) => unit.pieces);
    // The space a line breaks at is not drawn, but it stays in the text: readers join lines with it.
    const breaks: Piece[] = [];
    while (pieces.length > 0 && pieces[pieces.length - 1].space) breaks.unshift(pieces.pop() as Piece);
    const ordered = visualOrder(pieces);
    return {
      pieces,
      breaks,
      ordered,
      width: ordered.reduce((sum, piece) => sum + piece.width, 0) * size,
      top: Math.max(0, ...pieces.map((piece) => piece.top)) * size,
      bottom: Math.max(0, ...pieces.map((piece) => piece.bottom)) * size,
    };
  });
  if (lines.length === 0) return { width: 0, height: 0, size, lines: [], text: [] };
  const blockWidth = Math.ceil(Math.max(...lines.map((line) => line.width)));
  const first = lines[0].top;
  const text: LineText[] = [];
  const placedLines = lines.map((line, number) => {
    const baseline = first + number * pitch;
    let pen = dir === "rtl" ? blockWidth - line.width : 0;
    const placed: PlacedGlyph[] = [];
    const starts = new Map<Piece, number>();
    for (const piece of line.ordered) {
      starts.set(piece, pen);
      const scale = size / piece.face.unitsPerEm;
      for (const [index, glyph] of piece.glyphs.entries()) {
        const position = piece.positions[index];
        placed.push({
          face: piece.face,
          glyph: glyph.id,
          scale,
          x: pen + position.x * size,
          y: baseline - position.y * size,
        });
      }
      pen += piece.width * size;
    }
    const chars = line.pieces.flatMap((piece) => pieceChars(piece, starts.get(piece) ?? 0, size));
    // The breaking space just past the line's end: after it left to right, before it right to left.
    let end = dir === "rtl" ? blockWidth - line.width : line.width;
    for (const piece of line.breaks) {
      if (dir === "rtl") end -= piece.width * size;
      chars.push(...pieceChars(piece, end, size));
      if (dir !== "rtl") end += piece.width * size;
    }
    text.push({ baseline, top: line.top, bottom: line.bottom, chars });
    return placed;
  });
  const height = first + (lines.length - 1) * pitch + lines[lines.length - 1].bottom;
  return { width: blockWidth, height: Math.ceil(height), size, lines: placedLines, text };
}

/** A piece's characters in logical order, placed from the piece's start at `left` pixels. */
function pieceChars(piece: Piece, left: number, size: number): LineText["chars"] {
  const rtl = piece.level % 2 === 1;
  return piece.clusters.flatMap((cluster) => {
    const chars = [...cluster.text];
    const share = (cluster.width * size) / chars.length;
    const start = left + cluster.x * size;
    return chars.map((char, index) => ({
      char,
      x: rtl ? start + (chars.length - 1 - index) * share : start + index * share,
      width: share,
    }));
  });
}

/** Rule L2 of the bidirectional algorithm: from the highest level down, reverse each run at or above it. */
function visualOrder(pieces: Piece[]): Piece[] {
  const order = [...pieces];
  const highest = Math.max(0, ...order.map((piece) => piece.level));
  const lowestOdd = Math.min(...order.map((piece) => piece.level | 1));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < order.length; ) {
      if (order[i].level < level) {
        i++;
        continue;
      }
      let end = i;
      while (end < order.length && order[end].level >= level) end++;
      order.splice(i, end - i, ...order.slice(i, end).reverse());
      i = end;
    }
  }
  return order;
}

/**
 * The largest size at which the text fits its box, trying the maximum first and shrinking by
 * the root of the overflow, as the share images' text engine does; below `min`, TextFitError.
 */
export function fitVectorText(request: VectorRequest): VectorText {
  const units = shapeText(request.text, request.lang, request.weight, request.dir);
  let size = request.max;
  for (;;) {
    const text = layoutText(units, size, request.width, request.dir, request.weight);
    if (text.width <= request.width && text.height <= request.height) {
      return layoutText(units, size, balancedWidth(units, size, request.width), request.dir, request.weight);
    }
    size = smallerSize(size, text, request);
  }
}

/** A last line shorter than this share of the widest is worth rewrapping. */
const SHORT_LAST_LINE = 0.5;

/**
 * The width to break lines at so that the last is not left short (a word alone): the narrowest
 * that keeps the number of lines, found by halving; `width` when the lines are even already.
 * Never narrower than the widest word, which would then be cut (breakLines cuts a word wider
 * than the line into its letters): "Menschenhan / del" kept the number of lines too.
 */
export function balancedWidth(units: Unit[], size: number, width: number): number {
  const widths = (at: number) => breakLines(units, size, at).map((line) => lineInk(line) * size);
  const lines = widths(width);
  if (lines.length < 2 || lines[lines.length - 1] >= Math.max(...lines) * SHORT_LAST_LINE) return width;
  const widestWord = Math.min(width, Math.max(...units.map((unit) => unit.ink * size)));
  let low = Math.max(widestWord, lines.reduce((sum, each) => sum + each, 0) / lines.length);
  let high = width;
  while (high - low > 1) {
    const middle = (low + high) / 2;
    if (widths(middle).length === lines.length) high = middle;
    else low = middle;
  }
  return high;
}

/** A line's width in ems without the space it ends with. */
function lineInk(line: Unit[]): number {
  return line.reduce((sum, unit, index) => sum + (index === line.length - 1 ? unit.ink : unit.width), 0);
}
