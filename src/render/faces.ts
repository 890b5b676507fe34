/**
 * The shipped fonts as HarfBuzz faces (harfbuzzjs: the engine Pango uses for the share images,
 * compiled to WebAssembly; it reads a font's tables lazily in native code, where a JavaScript
 * shaper took some 100 ms per process to decode them). Each is read when a character first asks
 * for it, in the share images' fallback order (fonts.ts).
 */
import fs from "node:fs";
import * as hb from "harfbuzzjs";
import { FONT_PACKAGES, fontFile, type Weight } from "./fonts.ts";

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

const faces = new Map<Weight, Face[]>();

/** The shipped fonts of a weight, in fallback order, each read once when first needed. */
export function facesOf(weight: Weight): Face[] {
  let list = faces.get(weight);
  if (!list) {
    list = FONT_PACKAGES.map((pkg) => new Face(fontFile(pkg, weight)));
    faces.set(weight, list);
  }
  return list;
}
