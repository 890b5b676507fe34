/**
 * `_headers` (the file Netlify and Cloudflare Pages read): the security headers a `<meta>` cannot
 * give. Each page's Content-Security-Policy is taken from its own `<meta http-equiv>`, so a page
 * that needs a looser policy keeps it, and `frame-ancestors 'none'` (which browsers ignore in a
 * meta tag) is added; every response gets nosniff, no referrer and a Permissions-Policy denying
 * what the pages never use; file names carrying a content hash are cached for a year.
 */
import fs from "node:fs/promises";
import path from "node:path";

export const HEADERS_FILE = "_headers";

/** Browser features no page uses: denied to the page and anything it could embed. */
export const PERMISSIONS_POLICY = [
  "accelerometer",
  "autoplay",
  "camera",
  "display-capture",
  "encrypted-media",
  "fullscreen",
  "geolocation",
  "gyroscope",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "picture-in-picture",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

/** Headers for every response. */
export const COMMON_HEADERS: Array<[string, string]> = [
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "no-referrer"],
  ["Permissions-Policy", PERMISSIONS_POLICY],
];

/** Site paths of files named by their content (logos from eleventy-img): never change. */
export const HASHED_ASSETS = "/*/assets/logos/*";
export const LONG_CACHE = "public, max-age=31536000, immutable";

const META_CSP = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i;

/** A page's meta policy as the header: with frame-ancestors, which only a header can carry. */
export function headerPolicy(metaPolicy: string): string {
  const directives = metaPolicy
    .split(";")
    .map((directive) => directive.trim())
    .filter(Boolean);
  if (!directives.some((directive) => directive.startsWith("frame-ancestors"))) {
    directives.push("frame-ancestors 'none'");
  }
  return directives.join("; ");
}

export interface PagePolicy {
  /** The page's address in the site: /slug/fr/ for slug/fr/index.html. */
  sitePath: string;
  policy: string;
}

/** Every HTML page under `outDir` with its header policy, sorted by path. */
export async function pagePolicies(outDir: string): Promise<PagePolicy[]> {
  const files = (await fs.readdir(outDir, { recursive: true }))
    .map((file) => file.split(path.sep).join("/"))
    .filter((file) => file.endsWith(".html"))
    .sort();
  const policies: PagePolicy[] = [];
  for (const file of files) {
    const html = await fs.readFile(path.join(outDir, file), "utf8");
    const meta = META_CSP.exec(html)?.[1];
    if (!meta) continue;
    policies.push({ sitePath: `/${file}`, policy: headerPolicy(meta.replaceAll("&#39;", "'")) });
  }
  return policies;
}

/** The text of `_headers` for the pages of `outDir`. */
export function headersFile(pages: PagePolicy[]): string {
  const block = (pattern: string, headers: Array<[string, string]>) =>
    [pattern, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join("\n");
  const blocks = [
    "# Security headers for Netlify and Cloudflare Pages, written by the build (npm run build).",
    block("/*", COMMON_HEADERS),
    block(HASHED_ASSETS, [["Cache-Control", LONG_CACHE]]),
  ];
  for (const page of pages) {
    const csp: Array<[string, string]> = [["Content-Security-Policy", page.policy]];
    blocks.push(block(page.sitePath, csp));
    // A page is also served at its folder's address: /slug/fr/ for /slug/fr/index.html.
    if (page.sitePath.endsWith("/index.html")) {
      blocks.push(block(page.sitePath.slice(0, -"index.html".length), csp));
    }
  }
  return `${blocks.join("\n\n")}\n`;
}

/** Writes `_headers` at the top of `outDir`, from the pages found there. */
export async function writeHeaders(outDir: string): Promise<void> {
  await fs.writeFile(path.join(outDir, HEADERS_FILE), headersFile(await pagePolicies(outDir)));
}
