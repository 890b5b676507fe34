/**
 * A partner's logo as campaign.yaml names it: a path inside the campaign (or assets/) folder, not
 * through a link to elsewhere, of a kind a logo may be. Proving that the file decodes is left to
 * the check the caller gives (images/check.ts), which needs the drawing tools.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { unsafeSvgParts } from "./svg-safety.ts";

export const LOGO_EXTENSIONS = new Set([".svg", ".png", ".jpg", ".jpeg", ".webp"]);

/** Proves the file at `file` (named `logo` in campaign.yaml) is a readable image: a problem, or undefined. */
export type ImageCheck = (file: string, logo: string) => Promise<string | undefined>;

/** Returns the logo's absolute path, or a problem message. */
export async function checkLogo(
  folder: string,
  logo: string,
  checkImage?: ImageCheck,
): Promise<string | { message: string }> {
  if (path.isAbsolute(logo) || /^[a-z]+:/i.test(logo)) {
    return { message: `"${logo}" must be a path inside the campaign folder, such as logos/name.svg` };
  }
  const resolved = path.resolve(folder, logo);
  if (path.relative(folder, resolved).startsWith("..")) {
    return {
      message: `"${logo}" leaves the campaign folder; put the file in logos/ and refer to it as logos/name.svg`,
    };
  }
  let real: string;
  try {
    real = await fs.realpath(resolved);
  } catch {
    return { message: `file "${logo}" not found in the campaign folder; check the spelling or add the file` };
  }
  if (path.relative(await fs.realpath(folder), real).startsWith("..")) {
    return {
      message: `"${logo}" is a link to a file outside the campaign folder; copy the file into logos/ instead`,
    };
  }
  const extension = path.extname(real).toLowerCase();
  if (!LOGO_EXTENSIONS.has(extension)) {
    return { message: `"${logo}" is not a supported logo type; expected SVG, PNG, JPEG or WebP` };
  }
  if (!checkImage) return real;
  const problem = await checkImage(real, logo);
  return problem ? { message: problem } : real;
}

/** The unsafe parts of an SVG logo (see svg-safety.ts); none for other images. */
export async function unsafeLogoParts(file: string): Promise<string[]> {
  if (path.extname(file).toLowerCase() !== ".svg") return [];
  return unsafeSvgParts(await fs.readFile(file, "utf8"));
}
