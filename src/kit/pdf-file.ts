/**
 * A PDF file written as bytes: numbered objects (PDF syntax, or a dictionary and its stream),
 * the cross-reference table and the trailer. The posters are written with it rather than with a
 * PDF library: the four PDFs of a poster share their images, forms, font and page content, which
 * are serialised once and concatenated into each file (pdf-lib copied every stream byte by byte
 * in JavaScript, for every file).
 */

/** An object with its number, as it stands in the file: `n 0 obj … endobj`. */
export function pdfObject(number: number, body: string): Buffer {
  return Buffer.from(`${number} 0 obj\n${body}\nendobj\n`, "latin1");
}

/** A stream object: `entries` of its dictionary (its /Length is added) and its bytes. */
export function streamObject(number: number, entries: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`${number} 0 obj\n<< ${entries} /Length ${data.length} >>\nstream\n`, "latin1"),
    data,
    Buffer.from("\nendstream\nendobj\n", "latin1"),
  ]);
}

/** A reference to object `number`. */
export function ref(number: number): string {
  return `${number} 0 R`;
}

/** The header: the version and a comment of bytes above 127, which marks the file as binary. */
const HEADER = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1");

/**
 * The file of `objects`, which are objects 1, 2, … in that order, and the trailer's other
 * entries (/Root, /Info, /ID).
 */
export function pdfFile(objects: Buffer[], trailer: string): Buffer {
  const offsets: number[] = [];
  let offset = HEADER.length;
  for (const object of objects) {
    offsets.push(offset);
    offset += object.length;
  }
  // Every entry is 20 bytes: a ten-digit offset, a five-digit generation, n or f, and two bytes.
  const entries = offsets.map((at) => `${String(at).padStart(10, "0")} 00000 n \n`).join("");
  const size = objects.length + 1;
  const end = `xref\n0 ${size}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${size} ${trailer} >>\nstartxref\n${offset}\n%%EOF\n`;
  return Buffer.concat([HEADER, ...objects, Buffer.from(end, "latin1")]);
}
