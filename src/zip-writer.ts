/**
 * Zip files for the launch-day kits and `pack`, written by fflate's streaming `Zip`, each entry
 * handed over whole through fflate's `ZipInputFile` interface: its CRC-32 computed by Node's zlib
 * (native code, more than ten times faster than a CRC in JavaScript, which is most of what a zip
 * of already-compressed posters and images costs) and its data deflated by Node's zlib where
 * compressing pays. fflate writes the headers, data descriptors and central directory.
 *
 * Entries are written in the order given with a fixed timestamp and Unix mode 0644, so the same
 * entries always give the same bytes.
 */
import zlib from "node:zlib";
import { Zip, type ZipInputFile } from "fflate";

/** 1 January 2000, local time: a fixed, valid DOS timestamp. */
export const FIXED_TIME = new Date(2000, 0, 1, 0, 0, 0);

/** A regular file, rw-r--r--, in the high half of the external attributes (Unix, "made by" 3). */
const UNIX_FILE = 0o100644 << 16;

export interface ZipFileEntry {
  /** Path inside the zip, with "/". */
  name: string;
  data: Uint8Array;
  /** Deflate the data (text); false stores it as it is (PNG, PDF: already compressed). */
  compress: boolean;
}

/**
 * The zip of `entries`, in their order: `level` is zlib's deflate level for compressed ones,
 * `time` every entry's modification time.
 */
export function zipEntries(
  entries: ZipFileEntry[],
  { level = 6, time = FIXED_TIME }: { level?: number; time?: Date } = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk, final) => {
      if (error) {
        reject(error);
        return;
      }
      chunks.push(chunk);
      if (final) resolve(Buffer.concat(chunks));
    });
    for (const entry of entries) {
      const file: ZipInputFile = {
        filename: entry.name,
        size: entry.data.length,
        crc: zlib.crc32(entry.data),
        compression: entry.compress ? 8 : 0,
        mtime: time,
        os: 3,
        attrs: UNIX_FILE,
      };
      zip.add(file);
      // fflate's types ask for an ArrayBuffer-backed array; Node's buffers are (never shared memory).
      const data = (
        entry.compress ? zlib.deflateRawSync(entry.data, { level }) : entry.data
      ) as Uint8Array<ArrayBuffer>;
      file.ondata?.(null, data, true);
    }
    zip.end();
  });
}
