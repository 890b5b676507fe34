/**
 * Partner logos drawn for share cards and posters: each file drawn at 300 dpi once per size and
 * version, and its aspect ratio read once.
 */
import fsSync from "node:fs";
import sharp from "sharp";
import { type RawImage, toRaw } from "./canvas.ts";
import "./fonts.ts";
import { keptRecent } from "./memo.ts";

/**
 * Logos are the same on every card and poster of a campaign: each is measured and drawn once per
 * size. The key holds the file's size and time, so a logo replaced while the preview runs is drawn
 * again.
 */
const remember = keptRecent<unknown>(128) as <T>(key: string, make: () => Promise<T>) => Promise<T>;

/**
 * A logo file drawn at 300 dpi, at most `height` high and `width` wide, once per size and version
 * of the file: share cards and posters place the same logos in every language.
 */
export async function logoImage(file: string, height: number, width: number): Promise<RawImage> {
  return drawn(version(file), height, width);
}

function drawn(version: string, height: number, width: number): Promise<RawImage> {
  return remember(`${version}\0${height}\0${width}`, () =>
    toRaw(sharp(version.split("\0")[0], { density: 300 }).resize({ height, width, fit: "inside" })),
  );
}

/** A synchronous stat: a few microseconds, against a trip through libuv's thread pool for each logo of each image. */
function version(file: string): string {
  const stat = fsSync.statSync(file);
  return `${file}\0${stat.size}\0${stat.mtimeMs}`;
}

async function aspectRatio(version: string): Promise<number> {
  const { width = 1, height = 1 } = await sharp(version.split("\0")[0], { density: 300 }).metadata();
  return width / height;
}

/** A logo file's width over its height, read once per version of the file. */
export function logoRatio(file: string): Promise<number> {
  const current = version(file);
  return remember(`${current}\0ratio`, () => aspectRatio(current));
}
