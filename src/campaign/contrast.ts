/**
 * Colour contrast as WCAG 2.2 defines it (relative luminance, ratio from 1 to 21), checked when
 * a campaign is loaded so that no page is ever built with unreadable colours.
 */
import { rgb } from "./colour.ts";
import type { Theme } from "./schema.ts";

export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (lighter + 0.05) / (darker + 0.05);
}

function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export interface ContrastPair {
  /** Key of the colour in front, e.g. "theme.text". */
  foreground: keyof Theme;
  background: keyof Theme;
  needed: number;
  /** What the pair is used for, in the words of WCAG. */
  use: string;
  fix: string;
}

/** The pairs the default templates draw; each must reach its ratio. */
export const CONTRAST_PAIRS: readonly ContrastPair[] = [
  {
    foreground: "text",
    background: "background",
    needed: 4.5,
    use: "body text (WCAG 1.4.3)",
    fix: "Try a darker text colour or a lighter background.",
  },
  {
    foreground: "primary",
    background: "background",
    needed: 4.5,
    use: "links and buttons on the page (WCAG 1.4.3)",
    fix: "Try a darker primary colour.",
  },
  {
    foreground: "background",
    background: "primary",
    needed: 4.5,
    use: "text on the primary band and buttons (WCAG 1.4.3)",
    fix: "Try a darker primary colour or a lighter background.",
  },
];

export interface ContrastFailure {
  pair: ContrastPair;
  ratio: number;
}

export function contrastFailures(theme: Theme): ContrastFailure[] {
  return CONTRAST_PAIRS.map((pair) => ({
    pair,
    ratio: contrastRatio(theme[pair.foreground], theme[pair.background]),
  })).filter(({ pair, ratio }) => ratio < pair.needed);
}

/** 2.14 → "2.1", as WCAG tools print ratios (rounded down, so 4.49 never shows as 4.5). */
export function formatRatio(ratio: number): string {
  return (Math.floor(ratio * 10) / 10).toFixed(1);
}
