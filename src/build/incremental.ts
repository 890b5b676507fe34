/**
 * Never build twice: a campaign whose files, templates, UI strings and generator code are the
 * same as at the last build keeps its output, hard-linked into the new site instead of being
 * rendered again. What was built, with which inputs, is recorded in .cache/builds/.
 */
import crypto from "node:crypto";
import fsSync from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { CODE_DIR, GENERATOR_ROOT, GENERATOR_TEMPLATES } from "../project/paths.ts";

export interface CampaignRecord {
  fingerprint: string;
  /** Every output file of the campaign (relative to its folder) and its size. */
  files: Record<string, number>;
}

export interface Manifest {
  /** Fingerprint of what the site-wide files (index, sitemap, robots) were made from. */
  site: string;
  campaigns: Record<string, CampaignRecord>;
}

// The checks below read many small files and stat many outputs, all on the warm path where a
// build with nothing changed should cost next to nothing: synchronous calls in a loop are several
// times faster there than one promise per file through libuv's thread pool.
function hashTree(hash: crypto.Hash, dir: string, base = dir): void {
  let entries: fsSync.Dirent[];
  try {
    entries = fsSync.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, full, base);
    else if (entry.isFile() || entry.isSymbolicLink()) {
      hash.update(path.relative(base, full)).update("\0");
      hash.update(readOrMark(full)).update("\0");
    }
  }
}

function readOrMark(file: string): Buffer {
  try {
    return fsSync.readFileSync(file);
  } catch {
    return Buffer.from("unreadable");
  }
}

/**
 * Everything that shapes every page: the generator's code as it runs (src/ through tsx, or dist/
 * with its page routes and UI strings once compiled), its templates and version, and the
 * project's own templates/, assets/ (shared partners and their logos, which any campaign may
 * name) and locked dependencies.
 */
export async function generatorFingerprint(root: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  for (const [label, dir] of [
    ["code", CODE_DIR],
    ["generator templates", GENERATOR_TEMPLATES],
  ]) {
    hash.update(label).update("\0");
    hashTree(hash, dir);
  }
  hash.update(readOrMark(path.join(GENERATOR_ROOT, "package.json")));
  for (const part of ["templates", "assets", "package-lock.json"]) {
    const full = path.join(root, part);
    const stat = await fs.stat(full).catch(() => undefined);
    hash.update(part).update("\0");
    if (stat?.isDirectory()) hashTree(hash, full);
    else if (stat) hash.update(await fs.readFile(full));
  }
  return hash.digest("hex");
}

export async function campaignFingerprint(dir: string, generator: string): Promise<string> {
  const hash = crypto.createHash("sha256").update(generator);
  hashTree(hash, dir);
  return hash.digest("hex");
}

export function siteFingerprint(generator: string, campaigns: Record<string, string>): string {
  const entries = Object.entries(campaigns).sort(([a], [b]) => a.localeCompare(b));
  return crypto.createHash("sha256").update(generator).update(JSON.stringify(entries)).digest("hex");
}

function manifestFile(cacheDir: string, outDir: string): string {
  const key = crypto.createHash("sha256").update(path.resolve(outDir)).digest("hex").slice(0, 16);
  return path.join(cacheDir, "builds", `${key}.json`);
}

export async function readManifest(cacheDir: string, outDir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await fs.readFile(manifestFile(cacheDir, outDir), "utf8")) as Manifest;
  } catch {
    return undefined;
  }
}

export async function writeManifest(cacheDir: string, outDir: string, manifest: Manifest): Promise<void> {
  const file = manifestFile(cacheDir, outDir);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(`${file}.${process.pid}.tmp`, JSON.stringify(manifest));
  await fs.rename(`${file}.${process.pid}.tmp`, file);
}

/** The files of a folder and their sizes, to record and later to check. */
export async function listOutput(dir: string): Promise<Record<string, number>> {
  const files: Record<string, number> = {};
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, full).split(path.sep).join("/")] = (await fs.stat(full)).size;
  }
  return files;
}

/** Whether a previous output folder still holds exactly what was recorded. */
export async function outputIntact(dir: string, files: Record<string, number>): Promise<boolean> {
  const entries = Object.entries(files);
  return (
    entries.length > 0 &&
    entries.every(
      ([file, size]) => fsSync.statSync(path.join(dir, file), { throwIfNoEntry: false })?.size === size,
    )
  );
}

/** Hard-links a folder's files into a new place (copies where links are not possible). */
export async function linkTree(from: string, to: string): Promise<void> {
  await fs.mkdir(to, { recursive: true });
  for (const entry of await fs.readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      await linkTree(source, target);
    } else if (entry.isFile()) {
      await fs.link(source, target).catch(() => fs.copyFile(source, target));
    }
  }
}
