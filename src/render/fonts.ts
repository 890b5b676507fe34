/**
 * Fonts for share images come from npm (Noto, OFL) and only from there: a private fontconfig
 * file lists their folders and nothing else, so every machine draws the same pixels and a script
 * no shipped font covers is found before rendering, never drawn as empty boxes.
 *
 * Importing this module points fontconfig at that file. It must happen before libvips draws its
 * first text (sharp's text input, or SVG text in a partner logo): fontconfig reads its
 * configuration once per process, so one logo drawn earlier would put the system's fonts on every
 * later image. Every module that draws through sharp therefore imports this one
 * (test/social/fonts-first.test.ts checks), and so do the entry points.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { codePoints } from "./code-points.ts";
import {
  EMOJI_FAMILY,
  emojiCodePoints,
  emojiFontDir,
  emojiPackageVersion,
  ensureEmojiFont,
} from "./emoji.ts";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

interface FontPackage {
  family: string;
  npm: string;
  /** File name stem inside the package, e.g. NotoSans → 700Bold/NotoSans_700Bold.ttf */
  stem: string;
  covers: string;
}

/** In fallback order: Pango takes each character from the first family that has it. */
export const FONT_PACKAGES: readonly FontPackage[] = [
  {
    family: "Noto Sans",
    npm: "@expo-google-fonts/noto-sans",
    stem: "NotoSans",
    covers: "Latin, Greek, Cyrillic, Vietnamese",
  },
  {
    family: "Noto Sans Arabic",
    npm: "@expo-google-fonts/noto-sans-arabic",
    stem: "NotoSansArabic",
    covers: "Arabic, Persian",
  },
  {
    family: "Noto Sans Ethiopic",
    npm: "@expo-google-fonts/noto-sans-ethiopic",
    stem: "NotoSansEthiopic",
    covers: "Ethiopic (Tigrinya, Amharic)",
  },
  {
    family: "Noto Sans SC",
    npm: "@expo-google-fonts/noto-sans-sc",
    stem: "NotoSansSC",
    covers: "Chinese (Simplified)",
  },
];

export const WEIGHTS = { regular: "400Regular", bold: "700Bold" } as const;
export type Weight = keyof typeof WEIGHTS;

export function fontFile(font: FontPackage, weight: Weight): string {
  const folder = path.dirname(require.resolve(`${font.npm}/package.json`));
  return path.join(folder, WEIGHTS[weight], `${font.stem}_${WEIGHTS[weight]}.ttf`);
}

/** The Pango font description for a weight: every family, in fallback order. */
export function fontDescription(weight: Weight): string {
  const families = [...FONT_PACKAGES.map((font) => font.family), EMOJI_FAMILY].join(", ");
  return `${families}${weight === "bold" ? " Bold" : ""} 12`;
}

/** The size the description above names, in points: sharp's dpi scales it to pixels. */
export const BASE_POINTS = 12;

/**
 * Text that names no shipped family takes the shipped fonts in fallback order: partner logos are
 * SVGs whose text asks for "sans-serif", "Arial" or "Helvetica", and without these rules
 * fontconfig would pick any shipped font for them (it took Noto Sans Ethiopic, whose wider Latin
 * letters cut "Social Inspection" at the logo's edge). Every family asked for gets "sans-serif"
 * after it, and the generic families mean the shipped ones.
 */
const FALLBACK_RULES = `  <match target="pattern">
    <edit name="family" mode="append_last"><string>sans-serif</string></edit>
  </match>
${["sans-serif", "serif", "monospace", "system-ui", "cursive", "fantasy"]
  .map(
    (generic) => `  <alias binding="same">
    <family>${generic}</family>
    <prefer>${[...FONT_PACKAGES.map((font) => font.family), EMOJI_FAMILY].map((family) => `<family>${family}</family>`).join("")}</prefer>
  </alias>`,
  )
  .join("\n")}`;

/** Writes the private fontconfig file and points this process at it. */
const FONTCONFIG_FOLDER = path.join(ROOT, ".cache", "fontconfig");

function useShippedFonts(): string {
  const folder = FONTCONFIG_FOLDER;
  const dirs = [
    ...FONT_PACKAGES.flatMap((font) =>
      Object.keys(WEIGHTS).map((weight) => path.dirname(fontFile(font, weight as Weight))),
    ),
    emojiFontDir(folder),
  ];
  const config = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<!-- Generated: only the fonts shipped through npm, never the system's. -->
<fontconfig>
${dirs.map((dir) => `  <dir>${dir}</dir>`).join("\n")}
  <cachedir>${path.join(folder, "cache")}</cachedir>
${FALLBACK_RULES}
</fontconfig>
`;
  const file = path.join(folder, "fonts.conf");
  fs.mkdirSync(folder, { recursive: true });
  if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== config) {
    // Written aside and renamed: another process may be reading the file.
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, config);
    fs.renameSync(temporary, file);
  }
  process.env.FONTCONFIG_FILE = file;
  return file;
}

export const FONTCONFIG_FILE = useShippedFonts();
/** Before any drawing: the colour emoji font, decompressed to TrueType once. */
export const EMOJI_FONT_FILE = ensureEmojiFont(FONTCONFIG_FOLDER);

let coverage: Set<number> | undefined;

/**
 * Characters that need no glyph of their own: spaces, controls, format marks such as isolates and
 * the zero-width joiner, and the variation selectors that ask for emoji or text presentation.
 */
const INVISIBLE = /^(?:[\p{White_Space}\p{Cc}\p{Cf}]|\p{Variation_Selector})$/u;

/** The characters of `text` that no shipped font can draw, without duplicates. */
export function uncoveredCharacters(text: string): string[] {
  coverage ??= shippedCoverage();
  const missing = new Set<string>();
  for (const char of text) {
    if (!INVISIBLE.test(char) && !coverage.has(char.codePointAt(0) ?? 0)) missing.add(char);
  }
  return [...missing];
}

/**
 * Every code point the shipped fonts map. Reading the character maps of the large fonts blocks for a tenth
 * of a second, long enough to delay an interrupted build's clean-up, so the set is kept in
 * .cache/fontconfig/ under the fonts' versions.
 */
function shippedCoverage(): Set<number> {
  const key = crypto.createHash("sha256").update(fontFingerprint()).digest("hex").slice(0, 16);
  const file = path.join(FONTCONFIG_FOLDER, `coverage-${key}.json`);
  try {
    return new Set(JSON.parse(fs.readFileSync(file, "utf8")) as number[]);
  } catch {
    const points = new Set([
      ...FONT_PACKAGES.flatMap((font) => [...codePoints(fs.readFileSync(fontFile(font, "regular")))]),
      ...emojiCodePoints(FONTCONFIG_FOLDER),
    ]);
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify([...points]));
    fs.renameSync(temporary, file);
    return points;
  }
}

/** A fingerprint of the font files and of how families are matched, for the image cache keys. */
export function fontFingerprint(): string {
  const rules = crypto.createHash("sha256").update(FALLBACK_RULES).digest("hex").slice(0, 12);
  return FONT_PACKAGES.map((font) => {
    const version = (require(`${font.npm}/package.json`) as { version: string }).version;
    return `${font.npm}@${version}`;
  })
    .concat(`@fontsource/noto-color-emoji@${emojiPackageVersion()}`, `rules:${rules}`)
    .join(",");
}
