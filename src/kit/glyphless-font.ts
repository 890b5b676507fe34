/**
 * A TrueType font program without ink, for the posters' invisible text: glyph 0 (.notdef) is a
 * box that is never used; glyph n (n ≥ 1) has no outline and the advance width `advances[n - 1]`
 * in thousandths of an em. The PDFs map character n of their text layer to glyph n
 * (CIDToGIDMap /Identity), so the widths the font dictionary gives and the font program's are
 * the same, every glyph the text names is present, and no viewer has to find a font of its own
 * for it. Only the tables a PDF's TrueType CIDFont needs, a minimal cmap and post table; no dates,
 * so the same advances give the same bytes.
 */

const UNITS_PER_EM = 1000;
/** One em from descent to ascent: the text layer sets it on each line's ink (text-layer.ts). */
export const ASCENT = 800;
export const DESCENT = -200;
/** The .notdef box: left, bottom, right, top. */
const BOX = [50, 0, 450, 700] as const;

export function glyphlessFont(advances: readonly number[]): Buffer {
  const glyphs = advances.length + 1;
  const notdef = notdefGlyph();
  const tables: Record<string, Buffer> = {
    cmap: cmap(),
    glyf: notdef,
    head: head(),
    hhea: hhea(glyphs, Math.max(BOX[2] + BOX[0], ...advances)),
    hmtx: hmtx(advances),
    loca: loca(glyphs, notdef.length),
    maxp: maxp(glyphs),
    post: post(),
  };
  return sfnt(tables);
}

/** A big-endian writer over a buffer of known size. */
function writer(size: number) {
  const data = Buffer.alloc(size);
  let at = 0;
  return {
    data,
    u16(...values: number[]) {
      for (const value of values) at = data.writeUInt16BE(value, at);
      return this;
    },
    i16(...values: number[]) {
      for (const value of values) at = data.writeInt16BE(value, at);
      return this;
    },
    u32(...values: number[]) {
      for (const value of values) at = data.writeUInt32BE(value >>> 0, at);
      return this;
    },
    u8(...values: number[]) {
      for (const value of values) at = data.writeUInt8(value, at);
      return this;
    },
  };
}

/** One closed contour of four on-curve points around BOX (34 bytes, an even length for short loca). */
function notdefGlyph(): Buffer {
  const [left, bottom, right, top] = BOX;
  return writer(34)
    .i16(1, left, bottom, right, top) // one contour and the bounding box
    .u16(3, 0) // the contour's last point, no instructions
    .u8(1, 1, 1, 1) // four points on the curve, coordinates as 16-bit deltas
    .i16(left, 0, right - left, 0) // x: (left, bottom) (left, top) (right, top) (right, bottom)
    .i16(bottom, top - bottom, 0, bottom - top).data;
}

function head(): Buffer {
  const [left, bottom, right, top] = BOX;
  return writer(54)
    .u32(0x00010000, 0x00010000, 0, 0x5f0f3cf5) // version, revision, checksum adjustment, magic
    .u16(0b1011, UNITS_PER_EM) // flags: baseline at 0, left side bearing at 0, integer scaling
    .u32(0, 0, 0, 0) // created and modified: none, for the same bytes every time
    .i16(left, bottom, right, top)
    .u16(0, 8) // style, smallest readable size
    .i16(2, 0, 0).data; // direction hint, short offsets in loca, glyph data format
}

function hhea(glyphs: number, widest: number): Buffer {
  return writer(36)
    .u32(0x00010000)
    .i16(ASCENT, DESCENT, 0)
    .u16(widest)
    .i16(0, 0, BOX[2], 1, 0, 0, 0, 0, 0, 0, 0) // bearings, extent, caret, reserved, format
    .u16(glyphs).data;
}

function hmtx(advances: readonly number[]): Buffer {
  const table = writer(4 * (advances.length + 1))
    .u16(BOX[2] + BOX[0])
    .i16(BOX[0]);
  for (const advance of advances) table.u16(Math.max(0, Math.round(advance))).i16(0);
  return table.data;
}

/** Short offsets (halved): glyph 0 holds the box, every other glyph is empty. */
function loca(glyphs: number, notdefLength: number): Buffer {
  const table = writer(2 * (glyphs + 1)).u16(0);
  for (let glyph = 1; glyph <= glyphs; glyph++) table.u16(notdefLength / 2);
  return table.data;
}

function maxp(glyphs: number): Buffer {
  return writer(32).u32(0x00010000).u16(glyphs, 4, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0).data;
}

/** A Windows Unicode cmap of format 4 that maps nothing (its one, closing, segment). */
function cmap(): Buffer {
  return writer(36)
    .u16(0, 1, 3, 1)
    .u32(12)
    .u16(4, 24, 0, 2, 2, 0, 0) // format, length, language, segments × 2, search fields
    .u16(0xffff, 0, 0xffff, 1, 0).data; // end code, padding, start code, delta, range offset
}

/** Version 3: no glyph names. */
function post(): Buffer {
  return writer(32).u32(0x00030000, 0, 0, 0, 0, 0, 0, 0).data;
}

function checksum(data: Buffer): number {
  let sum = 0;
  for (let at = 0; at < data.length; at += 4) {
    const word =
      ((data[at] << 24) | ((data[at + 1] ?? 0) << 16) | ((data[at + 2] ?? 0) << 8) | (data[at + 3] ?? 0)) >>>
      0;
    sum = (sum + word) >>> 0;
  }
  return sum;
}

/** The tables behind their directory, each at a multiple of four bytes, and head's adjustment. */
function sfnt(tables: Record<string, Buffer>): Buffer {
  const tags = Object.keys(tables).sort();
  const power = 2 ** Math.floor(Math.log2(tags.length));
  const directory = writer(12 + 16 * tags.length)
    .u32(0x00010000)
    .u16(tags.length, power * 16, Math.log2(power), tags.length * 16 - power * 16);
  const padded = (data: Buffer) => Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  let offset = 12 + 16 * tags.length;
  for (const tag of tags) {
    directory.u32(
      Buffer.from(tag, "latin1").readUInt32BE(0),
      checksum(tables[tag]),
      offset,
      tables[tag].length,
    );
    offset += padded(tables[tag]).length;
  }
  const font = Buffer.concat([directory.data, ...tags.map((tag) => padded(tables[tag]))]);
  const headAt =
    12 +
    16 * tags.length +
    tags.slice(0, tags.indexOf("head")).reduce((sum, tag) => sum + padded(tables[tag]).length, 0);
  font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, headAt + 8);
  return font;
}
