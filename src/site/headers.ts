/**
 * The security headers a `<meta>` cannot give, for every host from one set of rules:
 * `_headers` (Netlify and Cloudflare Pages, written by every build), and the nginx and Apache
 * configuration (`campaign server-config nginx|apache`).
 *
 * - Every response gets nosniff, no referrer, a Permissions-Policy denying what the pages never
 *   use, and one Content-Security-Policy: the union of what the pages' own `<meta>` policies
 *   allow, plus `frame-ancestors 'none'` (which browsers ignore in a meta tag). Browsers enforce
 *   both the header and the meta, so each page stays as strict as its meta says, and one rule
 *   covers the whole site (Cloudflare Pages reads at most 100 rules).
 * - An admin built with --with-admin gets its own policy instead (Decap needs more).
 * - Logos and web fonts, named by their content, are cached for a year.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { ARCHIVE_FONTS_FOLDER, FONTS_FOLDER } from "./font-folders.ts";

export const HEADERS_FILE = "_headers";
/** Cloudflare Pages' documented limits for `_headers`. */
export const CLOUDFLARE_LIMITS = { rules: 100, lineLength: 2000, wildcardsPerRule: 1 };

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

export const LONG_CACHE = "public, max-age=31536000, immutable";

type Header = [name: string, value: string];

/** Headers for the paths under some folders at the top of the site (`/<folder>/<under>`). */
export interface Section {
  /** What the section is, for comments. */
  what: string;
  /**
   * Campaign folders, a site-wide one (the archive's fonts), or "" for the top of the site (one
   * campaign packed as a site of its own).
   */
  folders: string[];
  /** The path inside each folder, "" or ending in "/": "admin/", "assets/logos/". */
  under: string;
  headers: Header[];
}

export interface HostRules {
  /** Headers of every response. */
  common: Header[];
  /** Sections, in order; a section's header replaces the common one of the same name. */
  sections: Section[];
  /** What was left out to stay within a host's limits. */
  notes: string[];
}

const META_CSP = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i;

/** "default-src 'self'; img-src 'self' blob:" → directive → sources, in order. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Directives that fall back to default-src when a policy leaves them out. */
const FETCH_DIRECTIVES = new Set([
  "child-src",
  "connect-src",
  "font-src",
  "frame-src",
  "img-src",
  "manifest-src",
  "media-src",
  "object-src",
  "script-src",
  "style-src",
  "worker-src",
]);

/**
 * A policy that allows everything any of `policies` allows (and nothing else they all forbid):
 * sources are joined directive by directive, a fetch directive a policy leaves out counting as
 * its default-src, and a directive some policy leaves out entirely (no restriction) dropped.
 */
export function unionPolicy(policies: string[]): string {
  const parsed = policies.map(parsePolicy);
  const names = [...new Set(parsed.flatMap((policy) => [...policy.keys()]))];
  const parts: string[] = [];
  for (const name of names) {
    const lists: string[][] = [];
    let unrestricted = false;
    for (const policy of parsed) {
      const own = policy.get(name) ?? (FETCH_DIRECTIVES.has(name) ? policy.get("default-src") : undefined);
      if (own === undefined) unrestricted = true;
      else lists.push(own);
    }
    if (unrestricted) continue;
    const sources = [...new Set(lists.flat())];
    const allowed = sources.filter((source) => source !== "'none'");
    parts.push([name, ...(allowed.length > 0 ? allowed : ["'none'"])].join(" "));
  }
  return parts.join("; ");
}

/** A page's meta policy as a header: with frame-ancestors, which only a header can carry. */
export function headerPolicy(metaPolicy: string): string {
  return parsePolicy(metaPolicy).has("frame-ancestors")
    ? metaPolicy
    : `${metaPolicy}; frame-ancestors 'none'`;
}

/** Every HTML page under `outDir` with its meta policy, sorted by path. */
export async function pagePolicies(outDir: string): Promise<Array<{ file: string; policy: string }>> {
  const files = (await fs.readdir(outDir, { recursive: true }))
    .map((file) => file.split(path.sep).join("/"))
    .filter((file) => file.endsWith(".html"))
    .sort();
  const policies: Array<{ file: string; policy: string }> = [];
  for (const file of files) {
    const meta = META_CSP.exec(await fs.readFile(path.join(outDir, file), "utf8"))?.[1];
    if (meta) policies.push({ file, policy: meta.replaceAll("&#39;", "'") });
  }
  return policies;
}

/**
 * The rules for the site built in `outDir`; with `campaign`, for one campaign's folder served as a
 * site of its own (`pack`), its paths starting at the top.
 */
export async function hostRules(outDir: string, options: { campaign?: boolean } = {}): Promise<HostRules> {
  const folderOf = (file: string) => (options.campaign ? "" : file.split("/")[0]);
  const isAdmin = (file: string) => file.split("/")[options.campaign ? 0 : 1] === "admin";
  const pages = await pagePolicies(outDir);
  const site = pages.filter((page) => !isAdmin(page.file));
  const common: Header[] = [
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "no-referrer"],
    ["Permissions-Policy", PERMISSIONS_POLICY],
  ];
  if (site.length > 0) {
    common.push(["Content-Security-Policy", headerPolicy(unionPolicy(site.map((page) => page.policy)))]);
  }
  const sections: Section[] = [];
  // Admins: one section per distinct policy (they differ only by Git host).
  const admins = new Map<string, string[]>();
  for (const page of pages.filter((each) => isAdmin(each.file) && each.file.endsWith("admin/index.html"))) {
    const policy = headerPolicy(page.policy);
    admins.set(policy, [...(admins.get(policy) ?? []), folderOf(page.file)]);
  }
  for (const [policy, folders] of admins) {
    sections.push({
      what: "the editor (--with-admin)",
      folders,
      under: "admin/",
      headers: [["Content-Security-Policy", policy]],
    });
  }
  const folders = options.campaign
    ? [""]
    : (await fs.readdir(outDir, { withFileTypes: true }))
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
  const having = async (under: string) => {
    const found: string[] = [];
    for (const folder of folders)
      if (await fs.stat(path.join(outDir, folder, under)).catch(() => undefined)) found.push(folder);
    return found;
  };
  const withLogos = await having("assets/logos");
  if (withLogos.length > 0) {
    sections.push({
      what: "logos, named by their content",
      folders: withLogos,
      under: "assets/logos/",
      headers: [["Cache-Control", LONG_CACHE]],
    });
  }
  // Fonts, also named by their content: each campaign's, and the archive's at the top.
  const withFonts = await having(`assets/${FONTS_FOLDER}`);
  if (withFonts.length > 0) {
    sections.push({
      what: "web fonts, named by their content",
      folders: withFonts,
      under: `assets/${FONTS_FOLDER}/`,
      headers: [["Cache-Control", LONG_CACHE]],
    });
  }
  if (folders.includes(ARCHIVE_FONTS_FOLDER)) {
    sections.push({
      what: "the archive's web fonts, named by their content",
      folders: [ARCHIVE_FONTS_FOLDER],
      under: "",
      headers: [["Cache-Control", LONG_CACHE]],
    });
  }
  return { common, sections, notes: [] };
}

/**
 * `_headers` for Netlify and Cloudflare Pages. One rule per campaign and section, each with one
 * splat; a section's header that replaces a common one is first detached (`! Name`, which
 * Cloudflare needs and Netlify's parser skips: Netlify lets the later rule win). Sections that
 * would take the file over Cloudflare's 100 rules are left out, cache rules first, with a note.
 */
export function headersFile(rules: HostRules): { text: string; notes: string[] } {
  const notes = [...rules.notes];
  const block = (pattern: string, lines: string[]) =>
    [pattern, ...lines.map((line) => `  ${line}`)].join("\n");
  const blocks = [
    "# Security headers for Netlify and Cloudflare Pages, written by the build (campaign build).",
    block(
      "/*",
      rules.common.map(([name, value]) => `${name}: ${value}`),
    ),
  ];
  let count = 1;
  for (const section of rules.sections) {
    const commonNames = new Set(rules.common.map(([name]) => name.toLowerCase()));
    const lines = section.headers.flatMap(([name, value]) => [
      ...(commonNames.has(name.toLowerCase()) ? [`! ${name}`] : []),
      `${name}: ${value}`,
    ]);
    const room = CLOUDFLARE_LIMITS.rules - count;
    const folders = section.folders.slice(0, Math.max(0, room));
    if (folders.length < section.folders.length) {
      notes.push(
        `${HEADERS_FILE}: ${section.what} of ${section.folders.length - folders.length} campaign(s) left out to stay within Cloudflare Pages' ${CLOUDFLARE_LIMITS.rules} rules`,
      );
    }
    for (const folder of folders)
      blocks.push(block(`/${folder ? `${folder}/` : ""}${section.under}*`, lines));
    count += folders.length;
  }
  return { text: `${blocks.join("\n\n")}\n`, notes };
}

/** Regex of the start of the paths in campaign folders, for nginx and Apache. */
const folders = (names: string[]) =>
  names.includes("")
    ? "^/"
    : `^/(${names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})/`;

/** Headers of a section with the common ones it does not replace. */
function sectionHeaders(rules: HostRules, section: Section): Header[] {
  const replaced = new Set(section.headers.map(([name]) => name.toLowerCase()));
  return [...rules.common.filter(([name]) => !replaced.has(name.toLowerCase())), ...section.headers];
}

/**
 * nginx (`include` it in the site's `server` block). An `add_header` inside a `location` drops
 * the server's, so each location repeats the common headers.
 */
export function nginxConfig(rules: HostRules): string {
  const add = (headers: Header[], indent: string) =>
    headers.map(([name, value]) => `${indent}add_header ${name} "${value}" always;`).join("\n");
  const lines = [
    "# Security headers for nginx, written by `campaign server-config nginx` from the built site.",
    "# Include it inside the site's server { } block, whose root is the built _site/.",
    add(rules.common, ""),
    "error_page 404 /404.html;",
  ];
  for (const section of rules.sections) {
    lines.push(
      `# ${section.what}`,
      `location ~ ${folders(section.folders)}${section.under} {`,
      add(sectionHeaders(rules, section), "    "),
      "}",
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Apache (`.htaccess` or the site's configuration), with mod_headers. */
export function apacheConfig(rules: HostRules): string {
  const set = (headers: Header[], indent: string) =>
    headers.map(([name, value]) => `${indent}Header always set ${name} "${value}"`).join("\n");
  const lines = [
    "# Security headers for Apache (mod_headers), written by `campaign server-config apache` from the built site.",
    set(rules.common, ""),
    "ErrorDocument 404 /404.html",
  ];
  for (const section of rules.sections) {
    lines.push(
      `# ${section.what}`,
      `<If "%{REQUEST_URI} =~ m#${folders(section.folders)}${section.under}#">`,
      set(section.headers, "    "),
      "</If>",
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Writes `_headers` at the top of `outDir`, from the pages found there; returns what was left out. */
export async function writeHeaders(outDir: string): Promise<string[]> {
  const { text, notes } = headersFile(await hostRules(outDir));
  await fs.writeFile(path.join(outDir, HEADERS_FILE), text);
  return notes;
}
