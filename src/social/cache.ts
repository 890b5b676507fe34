/**
 * Rendered images are kept in .cache/social/ under the hash of everything that changes their
 * pixels (text, colours, design, fonts, size, logos' bytes, a hash of the drawing code, libvips version), so an
 * image is rendered once and reused until one of those changes. Files are written under a
 * temporary name and renamed, so an interrupted build never leaves a half-written image.
 */
import crypto from "node:crypto";
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

export class ImageCache {
  constructor(readonly dir: string) {}

  path(key: string, extension: string): string {
    return path.join(this.dir, `${key}${extension}`);
  }

  async has(key: string, extension: string): Promise<boolean> {
    return fs.stat(this.path(key, extension)).then(
      (stat) => stat.isFile() && stat.size > 0,
      () => false,
    );
  }

  async put(key: string, extension: string, data: Buffer): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    const target = this.path(key, extension);
    const temporary = `${target}.${process.pid}.tmp`;
    await fs.writeFile(temporary, data);
    await fs.rename(temporary, target);
  }
}
