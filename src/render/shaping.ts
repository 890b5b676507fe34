/**
 * Text shaped once, ready to be laid out at any size: each character takes the first shipped font
 * that has it, runs are ordered by the Unicode bidirectional algorithm (bidi-js) and shaped by
 * HarfBuzz, and the text is cut where a line may break (after spaces, and between words of
 * scripts written without them, never before closing or after opening punctuation).
 */
import bidiModule from "bidi-js";
import * as hb from "harfbuzzjs";
import { type Face, facesOf } from "./faces.ts";
import type { Weight } from "./fonts.ts";

/** A glyph as shaped: its index in the font and the characters it stands for. */
export interface ShapedGlyph {
  id: number;
  codePoints: number[];
}

/**
 * Characters HarfBuzz shaped together (a letter and its marks, a ligature's letters) and the
 * stretch of the run their glyphs advance over, in ems from the run's start.
 */
export interface Cluster {
  text: string;
  x: number;
  width: number;
}

/** A stretch of text of one embedding level and one font, shaped on its own. */
export interface Piece {
  face: Face;
  level: number;
  glyphs: ShapedGlyph[];
  /** The run's clusters in logical order, for a text layer over the glyphs. */
  clusters: Cluster[];
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

/** Spaces a line may break after: not the no-break ones (a date, a time range, "Partenaires :"). */
const BREAKING_SPACE = /^[^\S\u00a0\u2007\u202f]+$/u;

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
    const space = BREAKING_SPACE.test(segment.segment);
    const lastSpace = last !== undefined && BREAKING_SPACE.test(last.segment);
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
  // Each cluster's stretch: from the pen before its first glyph to the pen after its last.
  const spans = new Map<number, { left: number; right: number }>();
  const positions = buffer.getGlyphPositions().map((position, index) => {
    const placed = {
      x: pen + position.xOffset / em,
      y: position.yOffset / em,
      advance: position.xAdvance / em,
    };
    const cluster = infos[index].cluster;
    const span = spans.get(cluster);
    const right = pen + placed.advance;
    if (span) spans.set(cluster, { left: Math.min(span.left, pen), right: Math.max(span.right, right) });
    else spans.set(cluster, { left: pen, right });
    pen += placed.advance;
    return placed;
  });
  // Each glyph stands for the characters from its cluster to the next cluster of the run.
  const starts = [...spans.keys()].sort((a, b) => a - b);
  const end = (cluster: number) => starts.find((start) => start > cluster) ?? run.length;
  const glyphs = infos.map(
    (info): ShapedGlyph => ({
      id: info.codepoint,
      codePoints: [...run.slice(info.cluster, end(info.cluster))].map((char) => char.codePointAt(0) ?? 0),
    }),
  );
  const clusters = starts.map((start): Cluster => {
    const { left, right } = spans.get(start) as { left: number; right: number };
    return { text: run.slice(start, end(start)), x: left, width: right - left };
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
    clusters,
    positions,
    width: pen,
    space: /^\s+$/u.test(run),
    top,
    bottom,
  };
}
