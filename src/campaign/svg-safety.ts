/**
 * What in an SVG could run code, load something from elsewhere or blow up when parsed, if it were
 * published or drawn as it is. The build publishes such a logo only as a raster image drawn from
 * it (and says so); the editor refuses to save it.
 */
const CHECKS: Array<[RegExp, string]> = [
  [/<script\b/i, "<script>"],
  [/\son[a-z]+\s*=/i, "on* event attributes"],
  [/javascript:/i, "javascript: links"],
  [/<foreignObject\b/i, "<foreignObject>"],
  [/(?:xlink:)?href\s*=\s*["']\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i, "references to other sites"],
  [/<!ENTITY\b/i, "entity declarations (<!ENTITY>)"],
  [/<!DOCTYPE\b[^>]*\[/i, "an internal document type subset"],
];

/** The unsafe parts found in an SVG's text, named for a person; empty when there are none. */
export function unsafeSvgParts(svg: string): string[] {
  return CHECKS.filter(([pattern]) => pattern.test(svg)).map(([, name]) => name);
}
