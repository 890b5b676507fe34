/**
 * Rendered images are kept in .cache/social/ under the hash of everything that changes their
 * pixels (text, colours, design, fonts, size, logos' bytes, a hash of the drawing code, libvips version), so an
 * image is rendered once and reused until one of those changes. Files are written under a
 * temporary name and renamed, so an interrupted build never leaves a half-written image.
 *
 * The checks and writes are synchronous: each takes a fraction of a millisecond (the files are a
 * few hundred kilobytes at most), less than a trip through libuv's thread pool, and they are made
 * for every image and kit file of every language.
 */
import crypto from "node:crypto";
import fsSync from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";

export function cacheKey(parts: unknown): string {
  return crypto.createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 32);
}

export async function fileHash(file: string): Promise<string> {
  return crypto
    .createHash("sha256")
    .update(await fs.readFile(file))
    .digest("hex");
}

/** fileHash, each file hashed once however many artefacts name it (a partner's logo). */
export function fileHasher(): (file: string) => Promise<string> {
  const hashes = new Map<string, Promise<string>>();
  return (file) => {
    let hash = hashes.get(file);
    if (!hash) {
      hash = fileHash(file);
      hashes.set(file, hash);
    }
    return hash;
  };
}

export class ImageCache {
  constructor(readonly dir: string) {}

  path(key: string, extension: string): string {
    return path.join(this.dir, `${key}${extension}`);
  }

  has(key: string, extension: string): boolean {
    const stat = fsSync.statSync(this.path(key, extension), { throwIfNoEntry: false });
    return stat?.isFile() === true && stat.size > 0;
  }

  put(key: string, extension: string, data: Buffer): void {
    fsSync.mkdirSync(this.dir, { recursive: true });
    const target = this.path(key, extension);
    const temporary = `${target}.${process.pid}.tmp`;
    fsSync.writeFileSync(temporary, data);
    fsSync.renameSync(temporary, target);
  }
}
