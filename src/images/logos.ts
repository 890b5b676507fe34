/**
 * Partner logos through eleventy-img: raster versions in modern formats with their sizes, so
 * pages get width and height and never publish a partner's SVG as-is. Files are made once in a
 * cache folder outside the site (eleventy-img skips outputs that already exist) and copied into
 * each build.
 */
import crypto from "node:crypto";
import fsSync from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import Image from "@11ty/eleventy-img";
import type { Partner } from "../campaign/index.ts";
import { codeFingerprint } from "../render/code-fingerprint.ts";
// Before eleventy-img draws a logo: SVG text takes the shipped fonts, as on share images.
import { fontFingerprint } from "../render/fonts.ts";

/** What, besides the logo itself, changes the files made from it: the fonts its SVG text is drawn
 * in and the code that draws it. The cache's folder is named by it. */
const DRAWING_KEY = crypto
  .createHash("sha256")
  .update(fontFingerprint())
  .update(logoCode())
  .digest("hex")
  .slice(0, 12);

/** Logos are shown 48 CSS px high; these widths cover 1× and 2× screens for wide marks. */
const WIDTHS = [160, 320];
const FORMATS = ["avif", "webp", "png"] as const;
/** AVIF at effort 2 instead of sharp's 4: twelve times faster for these small marks, files ~10 % larger. */
const AVIF_OPTIONS = { effort: 2 };

export interface LogoSource {
  type: string;
  srcset: string;
}

export interface Logo {
  name: string;
  /** The name in each of the campaign's languages, for the alt text. */
  names: Record<string, string>;
  url?: string;
  /** Site paths such as /slug/assets/logos/abc-160.webp 160w. */
  sources: LogoSource[];
  fallback: { src: string; width: number; height: number };
  /** Files to copy into the site: [cache file, site path]. */
  files: Array<[string, string]>;
}

interface ImageEntry {
  url: string;
  width: number;
  height: number;
  outputPath: string;
  sourceType: string;
  srcset: string;
}

export async function processLogo(partner: Partner, slug: string, cacheDir: string): Promise<Logo> {
  const urlPath = `/${slug}/assets/logos/`;
  // sharpAvifOptions is an eleventy-img option its type declarations do not list.
  const options = {
    widths: WIDTHS,
    formats: [...FORMATS],
    // SVG text is drawn with the shipped fonts: other fonts, matching rules or drawing code, other
    // files in the cache.
    outputDir: path.join(cacheDir, "logos", DRAWING_KEY),
    filenameFormat: (id: string, _src: string, width: number, format: string) =>
      `${id}-${DRAWING_KEY.slice(0, 6)}-${width}.${format}`,
    urlPath,
    svgShortCircuit: false,
    sharpAvifOptions: AVIF_OPTIONS,
  };
  const source = crypto
    .createHash("sha256")
    .update(await fs.readFile(partner.logo))
    .digest("hex");
  const made = (await oneAtATime(source, () => Image(partner.logo, options))) as Record<string, ImageEntry[]>;
  // Published under the hash of their own bytes: a name changes exactly when the file does,
  // as files served as immutable must (not when only the code that made them moved).
  const metadata = Object.fromEntries(
    Object.entries(made).map(([format, entries]) => [
      format,
      entries.map((entry) => {
        const hash = crypto.createHash("sha256").update(fsSync.readFileSync(entry.outputPath)).digest("hex");
        const url = `${urlPath}${hash.slice(0, 16)}-${entry.width}.${format}`;
        return { ...entry, url, srcset: `${url} ${entry.width}w` };
      }),
    ]),
  );
  const sources = FORMATS.filter((format) => format !== "png").map((format) => ({
    type: metadata[format][0].sourceType,
    srcset: metadata[format].map((entry) => entry.srcset).join(", "),
  }));
  const largestPng = metadata.png[metadata.png.length - 1];
  const smallestPng = metadata.png[0];
  return {
    name: partner.name,
    names: partner.names,
    url: partner.url,
    sources,
    fallback: { src: smallestPng.url, width: largestPng.width, height: largestPng.height },
    files: FORMATS.flatMap((format) =>
      metadata[format].map((entry): [string, string] => [entry.outputPath, entry.url]),
    ),
  };
}

/**
 * The logos being made, by the hash of their bytes. eleventy-img names its files by the content
 * of the source, keeps one task per campaign (the address differs) and skips an output file that
 * exists: a logo two campaigns share, made for both at once, would be read by the second while the
 * first still writes it, and published under the hash of half a file (or of an empty one). The
 * same logo is made once at a time: the second finds the files complete.
 */
const making = new Map<string, Promise<unknown>>();

function oneAtATime<T>(source: string, make: () => Promise<T>): Promise<T> {
  const turn = (making.get(source) ?? Promise.resolve()).catch(() => {}).then(make);
  making.set(source, turn);
  const forget = () => {
    if (making.get(source) === turn) making.delete(source);
  };
  turn.then(forget, forget);
  return turn;
}

/** Copies files made outside the site (logos, share images) into the site folder. */
export async function copyIntoSite(files: Array<[string, string]>, outputDir: string): Promise<number> {
  const unique = new Map(files.map(([from, sitePath]) => [sitePath, from]));
  await Promise.all(
    [...unique].map(async ([sitePath, from]) => {
      const to = path.join(outputDir, ...sitePath.split("/"));
      await fs.mkdir(path.dirname(to), { recursive: true });
      await fs.copyFile(from, to);
    }),
  );
  return unique.size;
}

/** The fingerprint of the code that makes published logos (this module and what it imports), for cache keys. */
export function logoCode(): string {
  return codeFingerprint(import.meta.url);
}
