/**
 * The posters' invisible text: the words the outlines draw, as characters that text extraction,
 * search, copying and screen readers use. Each text's lines are shown in text rendering mode 3
 * (neither filled nor stroked, as scanned pages recognised by OCR carry their text) over the
 * outlines, in reading (logical) order, each character placed over the glyphs that draw it: a
 * right-to-left word's characters go from right to left, its digits from left to right.
 *
 * The font is a Type 0 font of its own (Identity-H): every character the poster uses, at every
 * width it takes there (in thousandths of an em: an Arabic letter is narrower joined than alone),
 * gets a character identifier of its own, from 1, with that width, a ToUnicode entry back to the
 * character (characters beyond the Basic Multilingual Plane, such as emoji, as UTF-16 surrogate
 * pairs) and an empty glyph of that width in a font program made for it (glyphless-font.ts), so
 * nothing depends on a font the reader may lack. Each character's box is thus exactly the
 * stretch of the line its glyphs take: extraction tools that read gaps between boxes as spaces
 * find the spaces the text has and no others.
 */
import type { LineText } from "../render/line-breaking.ts";
import { ASCENT, DESCENT, glyphlessFont } from "./glyphless-font.ts";
import { hex4, number, utf16Hex } from "./pdf-syntax.ts";

/** Characters a ToUnicode map may not name (PDF/UA-1, 7.21.7): nothing is shown for them. */
const UNMAPPABLE = new Set(["\u0000", "\uFEFF", "\uFFFE"]);
/**
 * How far, in thousandths of the size, a character may be from where the previous one's width
 * leaves the pen before it is moved there: widths are whole thousandths, so the pen drifts by
 * less than one a character; moves below this would only make the text longer.
 */
const DRIFT = 5;

/** The characters the text layer shows for `lines`, in reading order. */
export function layerText(lines: LineText[]): string {
  return lines
    .flatMap((line) => line.chars.map((char) => char.char).filter((char) => !UNMAPPABLE.has(char)))
    .join("");
}

export class TextLayer {
  readonly #ids = new Map<string, number>();
  /** Advance widths in thousandths of an em, character identifier 1 first. */
  readonly widths: number[] = [];
  readonly #chars: string[] = [];

  /** The identifier of the character at a width (in ems), given on first use. */
  #id(char: string, width: number): number {
    const thousandths = Math.max(0, Math.round(width * 1000));
    const key = `${thousandths} ${char}`;
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.#ids.size + 1;
      if (id > 0xffff) throw new Error("more than 65535 different characters on one poster");
      this.#ids.set(key, id);
      this.#chars.push(char);
      this.widths.push(thousandths);
    }
    return id;
  }

  /**
   * Operators that show `lines` (pixels from (x, y), the page's y downwards) of text drawn at
   * `size` pixels, with the font resource `/font`: one text object, each line from its first
   * character, every later one moved to its place by the TJ operator's adjustments where the
   * previous one's width does not bring it there (in right-to-left runs, every one).
   *
   * The characters are as tall as the text's ink, not as its font size: the font's box (ascent
   * to descent, one em) is set on the highest and lowest ink of the text's lines, and the
   * characters are widened back to their advances by horizontal scaling. Tools that group
   * characters into lines by their boxes then see the lines the eye sees, even where a large line
   * (the hotline's number) has a small one close below it; every line of a text has the same
   * size, so they see one paragraph.
   */
  operators(lines: LineText[], size: number, x: number, y: number, font: string): string {
    const shown: string[] = [];
    const top = Math.max(0, ...lines.map((line) => line.top));
    const bottom = Math.max(0, ...lines.map((line) => line.bottom));
    const em = (ASCENT - DESCENT) / 1000;
    const tall = Math.min(2 * size, Math.max(size / 4, (top + bottom) / em));
    const scaling = `/${font} ${number(tall)} Tf ${number((size / tall) * 100)} Tz`;
    for (const line of lines) {
      const chars = line.chars.filter((char) => !UNMAPPABLE.has(char.char));
      if (chars.length === 0 || size <= 0) continue;
      const baseline = line.baseline - top + (ASCENT / 1000) * tall;
      const parts: string[] = [];
      let run = "";
      let pen = chars[0].x;
      for (const char of chars) {
        // Thousandths of the size back from the pen to the character (TJ's numbers move left).
        const back = Math.round(((pen - char.x) * 1000 * 10) / size) / 10;
        if (Math.abs(back) >= DRIFT) {
          if (run) parts.push(`<${run}>`);
          parts.push(String(back));
          run = "";
          pen -= (back * size) / 1000;
        }
        const id = this.#id(char.char, char.width / size);
        run += hex4(id);
        pen += (this.widths[id - 1] * size) / 1000;
      }
      if (run) parts.push(`<${run}>`);
      // The page's y runs downwards: the text matrix turns it back up.
      shown.push(`1 0 0 -1 ${number(x + chars[0].x)} ${number(y + baseline)} Tm [${parts.join(" ")}] TJ`);
    }
    if (shown.length === 0) return "";
    return `BT 3 Tr ${scaling}\n${shown.join("\n")}\nET`;
  }

  get empty(): boolean {
    return this.#ids.size === 0;
  }

  /** The ToUnicode CMap: each identifier to its character, a hundred to a block as CMaps allow. */
  toUnicode(): string {
    const entries = this.#chars.map((char, index) => {
      return `<${hex4(index + 1)}> <${utf16Hex(char)}>`;
    });
    const blocks: string[] = [];
    for (let at = 0; at < entries.length; at += 100) {
      const block = entries.slice(at, at + 100);
      blocks.push(`${block.length} beginbfchar\n${block.join("\n")}\nendbfchar`);
    }
    return [
      "/CIDInit /ProcSet findresource begin",
      "12 dict begin",
      "begincmap",
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
      "/CMapName /Adobe-Identity-UCS def",
      "/CMapType 2 def",
      "1 begincodespacerange",
      "<0000> <FFFF>",
      "endcodespacerange",
      ...blocks,
      "endcmap",
      "CMapName currentdict /CMap defineresource pop",
      "end",
      "end",
    ].join("\n");
  }

  /** The font program: an empty glyph of each identifier's width. */
  fontProgram(): Buffer {
    return glyphlessFont(this.widths);
  }
}
