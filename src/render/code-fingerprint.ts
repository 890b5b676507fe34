/**
 * Caches keyed on the code that makes their artefacts. A producer's fingerprint is the hash of
 * its own module and of every module of the generator it imports, directly or not (static and
 * dynamic relative imports, read from the files as they run: src/ through tsx, dist/ once
 * compiled). A change to how posters are laid out makes posters again, and only what imports
 * that code; nobody has to remember to bump a version number.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g;

/** Every module of the generator that `file` needs, itself included, sorted. */
export function moduleClosure(file: string): string[] {
  const seen = new Set<string>();
  const visit = (current: string) => {
    if (seen.has(current)) return;
    seen.add(current);
    const text = fs.readFileSync(current, "utf8");
    for (const match of text.matchAll(IMPORT)) {
      const target = path.resolve(path.dirname(current), match[1]);
      if (fs.existsSync(target)) visit(target);
    }
  };
  visit(path.resolve(file));
  return [...seen].sort();
}

/** The hash of `file` and of every module it needs, read now. */
export function hashModules(file: string): string {
  const root = path.dirname(file);
  const hash = crypto.createHash("sha256");
  for (const each of moduleClosure(file)) {
    hash.update(path.relative(root, each)).update("\0").update(fs.readFileSync(each)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

const known = new Map<string, string>();

/** The fingerprint of the code of the module at `moduleUrl` (pass `import.meta.url`), once per process. */
export function codeFingerprint(moduleUrl: string): string {
  const file = moduleUrl.startsWith("file:") ? fileURLToPath(moduleUrl) : moduleUrl;
  let digest = known.get(file);
  if (!digest) {
    digest = hashModules(file);
    known.set(file, digest);
  }
  return digest;
}
