/**
 * Posters: one layout, at A3 and 300 dpi, gives the A3 PDF, the A4 PDF (the same layout placed
 * smaller: A4 and A3 share the ISO aspect ratio), their print shop's copies (bleed and crop
 * marks) and the A4 preview PNG. The PDFs get vector colour areas, a vector QR code and text as
 * the glyphs' outlines (shaped by HarfBuzz, see render/shaping.ts, render/line-breaking.ts,
 * render/outlines.ts) with its characters invisible over them; the emblem, the logos and any line
 * with colour emoji are images. They are tagged PDFs (PDF/UA-1).
 */

import { codeFingerprint } from "../render/code-fingerprint.ts";
import { perImage } from "./poster-images.ts";
import { layoutPoster, type Paper, type PosterInput, PRINT_DPI } from "./poster-layout.ts";
import { pdfImage, writePosterPdf } from "./poster-pdf.ts";
import { drawPreview } from "./poster-preview.ts";

export {
  fitPosterWords,
  PAPER,
  type Paper,
  PosterFitError,
  type PosterInput,
  type PosterLogo,
  type PosterWords,
  PRINT_DPI,
} from "./poster-layout.ts";

/** Each image compressed once, for both PDFs and for every poster that places it. */
const prepare = perImage(pdfImage);

/** The poster's files, made from one layout. */
export interface PosterFiles {
  a4: Buffer;
  a3: Buffer;
  /** The same pages with bleed and crop marks, for a print shop. */
  a4Print: Buffer;
  a3Print: Buffer;
  /** The A4 preview PNG. */
  preview: Buffer;
}

/**
 * The poster laid out and drawn once, at A3 and 300 dpi: both PDFs fill the same outlines and
 * place the same images (about 424 dpi on A4), and the preview draws them at its own size. Each
 * image is compressed once for both PDFs.
 */
export async function renderPoster(input: PosterInput): Promise<PosterFiles> {
  const poster = await layoutPoster(input, "a3", PRINT_DPI, prepare);
  // The preview first: most of its work is libvips', which goes on while the PDFs are written.
  const preview = drawPreview(input, poster);
  const pdfs = Promise.all(
    poster.items.map((item) => (item.kind === "image" ? item.encoded : undefined)),
  ).then((images) =>
    Promise.all(
      [false, true].flatMap((print) =>
        (["a4", "a3"] as const).map((paper) => writePosterPdf(input, poster, images, paper, print)),
      ),
    ),
  );
  const [[a4, a3, a4Print, a3Print], png] = await Promise.all([pdfs, preview]);
  return { a4, a3, a4Print, a3Print, preview: png };
}

/** One printable PDF (`print`: the print shop's copy); `renderPoster` makes them all at once. */
export async function renderPosterPdf(input: PosterInput, paper: Paper, print = false): Promise<Buffer> {
  const files = await renderPoster(input);
  return files[print ? (`${paper}Print` as const) : paper];
}

export async function renderPosterPreview(input: PosterInput): Promise<Buffer> {
  return (await renderPoster(input)).preview;
}

/** The fingerprint of the code that makes posters (PDFs and preview) (this module and what it imports), for cache keys. */
export function posterCode(): string {
  return codeFingerprint(import.meta.url);
}
