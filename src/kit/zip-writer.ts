/**
 * Zip files for the launch-day kits and `pack`, written by fflate's `zipSync`: every local header
 * carries its entry's CRC-32 and sizes, with no data descriptors, so streaming readers (which
 * refuse a stored entry followed by a descriptor) open them as well as those that read the
 * central directory. Already-compressed files (PNG, PDF) are stored; text is deflated.
 *
 * Entries are written in the order given with a fixed timestamp and Unix mode 0644, so the same
 * entries always give the same bytes, on any machine (fflate is JavaScript throughout).
 *
 * fflate writes no zip64 records: more than 65,535 entries, or 4 GiB, are refused with a message
 * rather than written wrong. A campaign's kit is a few megabytes.
 */
import { type ZipOptions, zipSync } from "fflate";

/** 1 January 2000, local time: a fixed, valid DOS timestamp. */
export const FIXED_TIME = new Date(2000, 0, 1, 0, 0, 0);

/** A regular file, rw-r--r--, in the high half of the external attributes (Unix, "made by" 3). */
const UNIX_FILE = 0o100644 << 16;

const MAX_ENTRIES = 0xffff;
const MAX_BYTES = 0xffffffff;

export interface ZipFileEntry {
  /** Path inside the zip, with "/". */
  name: string;
  data: Uint8Array;
  /** Deflate the data (text); false stores it as it is (PNG, PDF: already compressed). */
  compress: boolean;
}

/**
 * The zip of `entries`, in their order: `level` is the deflate level for compressed ones, `time`
 * every entry's modification time.
 */
export function zipEntries(
  entries: ZipFileEntry[],
  { level = 6, time = FIXED_TIME }: { level?: ZipOptions["level"]; time?: Date } = {},
): Buffer {
  const bytes = entries.reduce((sum, entry) => sum + entry.data.length, 0);
  if (entries.length > MAX_ENTRIES || bytes >= MAX_BYTES) {
    throw new Error(
      `a zip of ${entries.length} files and ${bytes} bytes is beyond what this zip writer makes (${MAX_ENTRIES} files, 4 GiB)`,
    );
  }
  const tree: Record<string, [Uint8Array, ZipOptions]> = {};
  for (const entry of entries) {
    tree[entry.name] = [
      entry.data,
      { level: entry.compress ? level : 0, mtime: time, os: 3, attrs: UNIX_FILE },
    ];
  }
  const zip = zipSync(tree);
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
}
