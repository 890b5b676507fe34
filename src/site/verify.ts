/**
 * Whole-site checks, run on the staging folder before it replaces the published one: every
 * internal link, image, stylesheet and script exists; every hreflang alternate is reciprocal;
 * every page carries the tags the site promises. A failure names the page and the reference.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { type HTMLElement, parse } from "node-html-parser";
import { CampaignError, type Problem } from "../campaign/index.ts";
import { languagePath } from "./urls.ts";

/** Tags every campaign page (not the team's index) must have. */
const REQUIRED = [
  "title",
  'meta[name="description"]',
  'link[rel="canonical"]',
  'meta[property="og:title"]',
  'meta[property="og:description"]',
  'meta[property="og:url"]',
  'meta[property="og:image"]',
  'meta[property="og:image:alt"]',
  'meta[name="twitter:card"]',
];

export interface SiteCampaign {
  slug: string;
  url: string;
  languages: string[];
}

export interface VerifyOptions {
  /** Check only the pages of these campaign folders and the site-wide pages (others are reused
   * unchanged from a build that was checked). Default: every page. */
  folders?: string[];
}

export async function verifySite(
  outDir: string,
  campaigns: SiteCampaign[],
  options: VerifyOptions = {},
): Promise<void> {
  const files = (await fs.readdir(outDir, { recursive: true })).map((file) => file.split(path.sep).join("/"));
  const existing = new Set(files);
  // Folders of reused campaigns are linked in after this check (and were checked when built);
  // links into them (the index's pages and thumbnails) count as existing.
  const reused = campaigns
    .filter((campaign) => options.folders && !options.folders.includes(campaign.slug))
    .map((campaign) => `${campaign.slug}/`);
  const exists = (target: string) =>
    existing.has(target) || reused.some((folder) => target.startsWith(folder));
  const inScope = (file: string) =>
    !options.folders || !file.includes("/") || options.folders.includes(file.split("/")[0]);
  const pages = files.filter((file) => file.endsWith(".html") && inScope(file)).sort();
  const problems: Problem[] = [];
  const alternates = new Map<string, Map<string, string>>(); // page URL → hreflang → URL

  /** A URL under a campaign's address, as a file of the output; undefined for other sites. */
  const localFile = (url: string): string | undefined => {
    const campaign = campaigns.find((c) => url.startsWith(c.url));
    if (!campaign) return undefined;
    const rest = url.slice(campaign.url.length).split(/[?#]/)[0];
    return `${campaign.slug}/${rest === "" || rest.endsWith("/") ? `${rest}index.html` : rest}`;
  };

  for (const page of pages) {
    const root = parse(await fs.readFile(path.join(outDir, page), "utf8"));
    const report = (message: string) => problems.push({ file: path.join(outDir, page), message });
    for (const ref of references(root)) {
      if (/^(?:[a-z]+:|#)/i.test(ref) || ref.startsWith("//")) continue;
      let target = path.posix.normalize(path.posix.join(path.posix.dirname(page), ref.split(/[?#]/)[0]));
      if (ref.endsWith("/") || ref === "." || ref === "./") target = path.posix.join(target, "index.html");
      if (!exists(target)) report(`links to ${ref}, which does not exist in the site`);
    }
    // The team's index and the "page not found" pages are not shared, so carry no share tags.
    if (page === "index.html" || path.posix.basename(page) === "404.html") continue;
    for (const selector of REQUIRED) {
      const element = root.querySelector(selector);
      const value =
        selector === "title"
          ? element?.text
          : (element?.getAttribute("content") ?? element?.getAttribute("href"));
      if (!value?.trim()) report(`has no ${selector}`);
    }
    for (const selector of ['meta[property="og:image"]', 'link[rel="canonical"]']) {
      const url =
        root.querySelector(selector)?.getAttribute(selector.startsWith("meta") ? "content" : "href") ?? "";
      const file = localFile(url);
      if (url && (!file || !existing.has(file))) report(`${selector} ${url} is not a file of this site`);
    }
    const canonical = root.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? page;
    const links = new Map<string, string>();
    for (const link of root.querySelectorAll('link[rel="alternate"][hreflang]')) {
      const url = link.getAttribute("href") ?? "";
      const file = localFile(url);
      if (!file || !existing.has(file))
        report(`hreflang ${link.getAttribute("hreflang")} alternate ${url} is not a page of this site`);
      links.set(link.getAttribute("hreflang") ?? "", url);
    }
    alternates.set(canonical, links);
  }

  // Reciprocity: if A names B as an alternate, B names A.
  for (const [page, links] of alternates) {
    for (const [hreflang, url] of links) {
      if (hreflang === "x-default" || url === page) continue;
      const back = alternates.get(url);
      if (back && ![...back.values()].includes(page)) {
        problems.push({
          file: path.join(outDir, localFile(url) ?? url),
          message: `does not link back to ${page}, which names it as its "${hreflang}" alternate`,
        });
      }
    }
  }
  // Every language of every campaign built here has its page (a build that found no page routes
  // would otherwise pass with nothing to check).
  for (const campaign of campaigns) {
    if (options.folders && !options.folders.includes(campaign.slug)) continue;
    for (const lang of campaign.languages) {
      const page = `${campaign.slug}/${languagePath(lang)}/index.html`;
      if (!existing.has(page))
        problems.push({ file: path.join(outDir, page), message: "the build wrote no page here" });
    }
  }
  if (problems.length > 0) throw new CampaignError(problems);
}

function references(root: HTMLElement): string[] {
  return [
    ...root.querySelectorAll("a[href], link[href]").map((el) => el.getAttribute("href") ?? ""),
    ...root.querySelectorAll("img[src], script[src], source[src]").map((el) => el.getAttribute("src") ?? ""),
    ...root
      .querySelectorAll("img[srcset], source[srcset]")
      .flatMap((el) =>
        (el.getAttribute("srcset") ?? "").split(",").map((candidate) => candidate.trim().split(/\s+/)[0]),
      ),
  ].filter(Boolean);
}
