/**
 * Reads which Unicode code points a TrueType/OpenType font maps to a glyph, from its cmap table
 * (formats 4 and 12, the ones Noto fonts use), so missing scripts are found before rendering.
 */

export function codePoints(font: Buffer): Set<number> {
  const numTables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    if (font.toString("latin1", record, record + 4) === "cmap") cmap = font.readUInt32BE(record + 8);
  }
  if (cmap < 0) throw new Error("font has no cmap table");

  const subtables = new Map<string, number>();
  const count = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + i * 8;
    subtables.set(
      `${font.readUInt16BE(record)},${font.readUInt16BE(record + 2)}`,
      cmap + font.readUInt32BE(record + 4),
    );
  }
  const full = subtables.get("3,10") ?? subtables.get("0,4") ?? subtables.get("0,6");
  if (full !== undefined && font.readUInt16BE(full) === 12) return format12(font, full);
  const bmp = subtables.get("3,1") ?? subtables.get("0,3");
  if (bmp !== undefined && font.readUInt16BE(bmp) === 4) return format4(font, bmp);
  throw new Error("font has no Unicode cmap subtable of format 4 or 12");
}

function format12(font: Buffer, offset: number): Set<number> {
  const result = new Set<number>();
  const groups = font.readUInt32BE(offset + 12);
  for (let i = 0; i < groups; i++) {
    const group = offset + 16 + i * 12;
    const start = font.readUInt32BE(group);
    const end = font.readUInt32BE(group + 4);
    const glyph = font.readUInt32BE(group + 8);
    for (let code = start; code <= end; code++) if (glyph + (code - start) !== 0) result.add(code);
  }
  return result;
}

function format4(font: Buffer, offset: number): Set<number> {
  const result = new Set<number>();
  const segments = font.readUInt16BE(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const start = font.readUInt16BE(starts + s * 2);
    const end = font.readUInt16BE(ends + s * 2);
    const delta = font.readInt16BE(deltas + s * 2);
    const rangeOffset = font.readUInt16BE(rangeOffsets + s * 2);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
      else {
        const address = rangeOffsets + s * 2 + rangeOffset + (code - start) * 2;
        glyph = font.readUInt16BE(address);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) result.add(code);
    }
  }
  return result;
}
