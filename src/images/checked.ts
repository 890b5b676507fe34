/**
 * Decoding every pixel of a logo proves it is readable, but costs time on every build. The
 * content hashes of images that passed are remembered in .cache/checked-images.txt, so an
 * unchanged logo is checked once.
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

const known = new Map<string, Promise<Set<string>>>();

function fileFor(cacheDir: string): string {
  return path.join(cacheDir, "checked-images.txt");
}

function load(cacheDir: string): Promise<Set<string>> {
  let set = known.get(cacheDir);
  if (!set) {
    set = fs
      .readFile(fileFor(cacheDir), "utf8")
      .then((text) => new Set(text.split("\n").filter(Boolean)))
      .catch(() => new Set<string>());
    known.set(cacheDir, set);
  }
  return set;
}

export function imageDigest(bytes: Buffer): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

export async function wasChecked(cacheDir: string | undefined, digest: string): Promise<boolean> {
  return cacheDir ? (await load(cacheDir)).has(digest) : false;
}

export async function rememberChecked(cacheDir: string | undefined, digest: string): Promise<void> {
  if (!cacheDir) return;
  const set = await load(cacheDir);
  if (set.has(digest)) return;
  set.add(digest);
  await fs.mkdir(cacheDir, { recursive: true });
  await fs.appendFile(fileFor(cacheDir), `${digest}\n`);
}
