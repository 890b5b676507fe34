/**
 * A fingerprint of the drawing code: the hash of every source file in src/social/. It is part
 * of every share image's cache key, so any change to how cards are drawn makes them again
 * without anyone having to remember to bump a version number. The template's design (card.json,
 * emblem) and the fonts are hashed separately, as inputs of each card.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SOCIAL_DIR = path.dirname(fileURLToPath(import.meta.url));

let fingerprint: string | undefined;

/** Computed once per process from the bytes of src/social/*.ts, in name order. */
export function rendererFingerprint(dir = SOCIAL_DIR): string {
  if (dir === SOCIAL_DIR && fingerprint) return fingerprint;
  const hash = crypto.createHash("sha256");
  for (const name of fs
    .readdirSync(dir)
    .filter((file) => /\.[cm]?[jt]s$/.test(file))
    .sort()) {
    hash
      .update(`${name}\0`)
      .update(fs.readFileSync(path.join(dir, name)))
      .update("\0");
  }
  const digest = hash.digest("hex").slice(0, 16);
  if (dir === SOCIAL_DIR) fingerprint = digest;
  return digest;
}
