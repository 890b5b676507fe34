/**
 * Addresses. Pages link to each other with relative URLs so that a campaign folder works wherever
 * it is served; canonical and Open Graph URLs are absolute under the campaign's `url`.
 */
import path from "node:path";

/** `nl-BE` is published under `nl-be/`. */
export function languagePath(tag: string): string {
  return tag.toLowerCase();
}

/** The relative URL from the page at `from` (a site path like /slug/fr/) to `target`. */
export function relativeUrl(target: string, from: string): string {
  const fromDir = from.endsWith("/") ? from : path.posix.dirname(from);
  const relative = path.posix.relative(fromDir, target);
  if (relative === "") return "./";
  return target.endsWith("/") ? `${relative}/` : relative;
}

/** A site path under /slug/ turned into the absolute published URL under the campaign url. */
export function absoluteUrl(campaignUrl: string, slug: string, sitePath: string): string {
  const prefix = `/${slug}/`;
  if (!sitePath.startsWith(prefix)) throw new Error(`${sitePath} is not inside ${prefix}`);
  return new URL(sitePath.slice(prefix.length), campaignUrl).href;
}
