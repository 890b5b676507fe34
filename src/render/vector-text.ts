/**
 * Poster text as outlines: shaped by HarfBuzz (harfbuzzjs: the engine Pango uses for the share
 * images, compiled to WebAssembly; it reads a font's tables lazily in native code, where a
 * JavaScript shaper took some 100 ms per process to decode them), ordered by the Unicode
 * bidirectional algorithm (bidi-js), broken into lines at word boundaries (Intl.Segmenter,
 * grapheme clusters as a last resort) and drawn as the
 * glyphs' own curves, so the PDFs carry paths that are sharp at any size. Each character takes
 * the first shipped font that has it, in the share images' fallback order (src/social/fonts.ts).
 *
 * Shaping does not depend on the size: a text is shaped once and then laid out at each size the
 * fit loop tries, which costs only additions.
 */
import fs from "node:fs";
import bidiModule from "bidi-js";
import * as hb from "harfbuzzjs";
import { FONT_PACKAGES, fontFile, type Weight } from "./fonts.ts";
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

/**
 * A shipped font of one weight, read when a character first asks for it: text in Latin script
 * never reads the Chinese font (10 MB, 6 ms). HarfBuzz reads its tables lazily, in native code.
 */
export class Face {
  #font?: hb.Font;
  #extents?: { ascent: number; descent: number };

  constructor(private readonly file: string) {}

  get font(): hb.Font {
    this.#font ??= new hb.Font(new hb.Face(new hb.Blob(fs.readFileSync(this.file))));
    return this.#font;
  }

  get unitsPerEm(): number {
    return this.font.face.upem;
  }

  /** Whether the font maps this character to a glyph of its own. */
  has(point: number): boolean {
    return (this.font.nominalGlyph(point) ?? 0) !== 0;
  }

  /** Ascent and descent in ems, from the font's horizontal metrics. */
  get ascent(): number {
    return this.metrics().ascent;
  }

  get descent(): number {
    return this.metrics().descent;
  }

  private metrics() {
    if (!this.#extents) {
      const { ascender, descender } = this.font.hExtents();
      this.#extents = { ascent: ascender / this.unitsPerEm, descent: -descender / this.unitsPerEm };
    }
    return this.#extents;
  }
}

/** A glyph as shaped: its index in the font and the characters it stands for. */
export interface ShapedGlyph {
  id: number;
  codePoints: number[];
}

/** A stretch of text of one embedding level and one font, shaped on its own. */
export interface Piece {
  face: Face;
  level: number;
  glyphs: ShapedGlyph[];
  /** Pen offsets and advances in ems. */
  positions: Array<{ x: number; y: number; advance: number }>;
  width: number;
  space: boolean;
  /** How far the glyphs' ink reaches above and below the baseline, in ems. */
  top: number;
  bottom: number;
}

/** Where a line may break: the pieces from one break opportunity to the next. */
export interface Unit {
  pieces: Piece[];
  /** Ems with and without the whitespace the unit ends with. */
  width: number;
  ink: number;
  /** The same text cut into grapheme clusters, for a word wider than the line. */
  graphemes: () => Unit[];
}

const faces = new Map<Weight, Face[]>();

/** The shipped fonts of a weight, in fallback order, each read once when first needed. */
function facesOf(weight: Weight): Face[] {
  let list = faces.get(weight);
  if (!list) {
    list = FONT_PACKAGES.map((pkg) => new Face(fontFile(pkg, weight)));
    faces.set(weight, list);
  }
  return list;
}

/** bidi-js is CommonJS with ES module types: its default export is the factory itself at run time. */
const bidiFactory = ((bidiModule as unknown as { default?: unknown }).default ??
  bidiModule) as unknown as typeof bidiModule.default;
const bidi = bidiFactory();

/** Direction controls and marks: they set levels and are not drawn. */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Without a script of their own: they stay in the font of the text around them. */
const COMMON = /[^\p{L}\p{N}]|\p{Nd}/u;
/** Scripts written without spaces: a line may break between any two of their words. */
const NO_SPACES =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

const CLOSING = /^[\p{Pe}\p{Pf}\p{Po}]/u;
const OPENING = /[\p{Ps}\p{Pi}]$/u;

/** The text shaped once, ready to be laid out at any size. */
export function shapeText(text: string, lang: string, weight: Weight, dir: "ltr" | "rtl"): Unit[] {
  const list = facesOf(weight);
  const { levels } = bidi.getEmbeddingLevels(text, dir);
  // Each UTF-16 index: its character and its font. Brackets and quotes in right-to-left runs are
  // not mirrored here: HarfBuzz mirrors them itself when it shapes a run right to left.
  const chars: string[] = [];
  const fontOf: number[] = [];
  let previous = 0;
  for (let i = 0; i < text.length; ) {
    const point = text.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(point);
    let face = list.findIndex((face) => face.has(point));
    if (face < 0 || (COMMON.test(char) && list[previous].has(point))) face = previous;
    if (/\p{M}|\u200C|\u200D/u.test(char)) face = previous;
    previous = face;
    chars[i] = char;
    fontOf[i] = face;
    i += char.length;
  }

  const shapeRange = (start: number, end: number): Piece[] => {
    const pieces: Piece[] = [];
    let run = "";
    let runFace = -1;
    let runLevel = -1;
    let runSpace = false;
    const flush = () => {
      if (run) pieces.push(shape(run, list[runFace], runLevel, lang));
      run = "";
    };
    for (let i = start; i < end; i++) {
      const char = chars[i];
      if (char === undefined || BIDI_CONTROL.test(char)) continue;
      const space = /\s/u.test(char);
      if (fontOf[i] !== runFace || levels[i] !== runLevel || space !== runSpace) {
        flush();
        runFace = fontOf[i];
        runLevel = levels[i];
        runSpace = space;
      }
      run += char;
    }
    flush();
    return pieces;
  };

  const unit = (start: number, end: number, breakable: boolean): Unit => {
    const pieces = shapeRange(start, end);
    const width = pieces.reduce((sum, piece) => sum + piece.width, 0);
    let ink = width;
    for (let i = pieces.length - 1; i >= 0 && pieces[i].space; i--) ink -= pieces[i].width;
    return {
      pieces,
      width,
      ink,
      graphemes: () => {
        if (!breakable) return [];
        const clusters = new Intl.Segmenter(lang, { granularity: "grapheme" }).segment(
          text.slice(start, end),
        );
        return [...clusters].map((cluster) =>
          unit(start + cluster.index, start + cluster.index + cluster.segment.length, false),
        );
      },
    };
  };

  // Break opportunities: after whitespace, and between words of scripts written without spaces.
  const units: Unit[] = [];
  let start = 0;
  let last: Intl.SegmentData | undefined;
  for (const segment of new Intl.Segmenter(lang, { granularity: "word" }).segment(text)) {
    const space = /^\s+$/u.test(segment.segment);
    const lastSpace = last !== undefined && /^\s+$/u.test(last.segment);
    // Between words without spaces, never before closing punctuation (，。」) nor after opening (「).
    const between =
      last !== undefined &&
      !space &&
      (lastSpace ||
        ((NO_SPACES.test(last.segment) || NO_SPACES.test(segment.segment)) &&
          !CLOSING.test(segment.segment) &&
          !OPENING.test(last.segment)));
    if (between && segment.index > start) {
      units.push(unit(start, segment.index, true));
      start = segment.index;
    }
    last = segment;
  }
  if (start < text.length) units.push(unit(start, text.length, true));
  return units;
}

/** One buffer for every run: shaping is synchronous, and the buffer is reset before each. */
const buffer = new hb.Buffer();

/**
 * One run through HarfBuzz: glyphs in visual order, positions in ems. The script is guessed from
 * the text; the language picks the font's language-specific forms (Persian, Tigrinya, Chinese).
 */
function shape(run: string, face: Face, level: number, lang: string): Piece {
  buffer.reset();
  buffer.addText(run);
  buffer.setDirection(level % 2 === 1 ? hb.Direction.RTL : hb.Direction.LTR);
  buffer.setLanguage(lang);
  buffer.guessSegmentProperties();
  hb.shape(face.font, buffer);
  const infos = buffer.getGlyphInfos();
  const em = face.unitsPerEm;
  let pen = 0;
  const positions = buffer.getGlyphPositions().map((position) => {
    const placed = {
      x: pen + position.xOffset / em,
      y: position.yOffset / em,
      advance: position.xAdvance / em,
    };
    pen += placed.advance;
    return placed;
  });
  // Each glyph stands for the characters from its cluster to the next cluster of the run.
  const starts = [...new Set(infos.map((info) => info.cluster))].sort((a, b) => a - b);
  const glyphs = infos.map((info): ShapedGlyph => {
    const end = starts.find((start) => start > info.cluster) ?? run.length;
    return {
      id: info.codepoint,
      codePoints: [...run.slice(info.cluster, end)].map((char) => char.codePointAt(0) ?? 0),
    };
  });
  let top = 0;
  let bottom = 0;
  for (const [index, glyph] of glyphs.entries()) {
    const extents = face.font.glyphExtents(glyph.id);
    if (!extents || extents.height === 0) continue;
    top = Math.max(top, extents.yBearing / em + positions[index].y);
    bottom = Math.max(bottom, -(extents.yBearing + extents.height) / em - positions[index].y);
  }
  return {
    face,
    level,
    glyphs,
    positions,
    width: pen,
    space: /^\s+$/u.test(run),
    top,
    bottom,
  };
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
    while (pieces.length > 0 && pieces[pieces.length - 1].space) pieces.pop();
    const ordered = visualOrder(pieces);
    return {
      ordered,
      width: ordered.reduce((sum, piece) => sum + piece.width, 0) * size,
      top: Math.max(0, ...pieces.map((piece) => piece.top)) * size,
      bottom: Math.max(0, ...pieces.map((piece) => piece.bottom)) * size,
    };
  });
  if (lines.length === 0) return { width: 0, height: 0, size, lines: [] };
  const blockWidth = Math.ceil(Math.max(...lines.map((line) => line.width)));
  const first = lines[0].top;
  const placedLines = lines.map((line, number) => {
    const baseline = first + number * pitch;
    let pen = dir === "rtl" ? blockWidth - line.width : 0;
    const placed: PlacedGlyph[] = [];
    for (const piece of line.ordered) {
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
    return placed;
  });
  const height = first + (lines.length - 1) * pitch + lines[lines.length - 1].bottom;
  return { width: blockWidth, height: Math.ceil(height), size, lines: placedLines };
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
    if (text.width <= request.width && text.height <= request.height) return text;
    size = smallerSize(size, text, request);
  }
}

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
