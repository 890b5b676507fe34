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

/**
 * A reference from a checked page to a file outside the folders that were checked: looked up by
 * verifyPending once the whole site is in place, and reported as `problem` when missing.
 */
export interface PendingReference {
  target: string;
  problem: Problem;
}

export async function verifySite(
  outDir: string,
  campaigns: SiteCampaign[],
  options: VerifyOptions = {},
): Promise<void> {
  const files = await listFiles(outDir);
  const existing = new Set(files);
  // Folders of reused campaigns not linked in yet (they were checked when built): links into them
  // (the index's pages and thumbnails) count as existing.
  const present = new Set(files.map((file) => file.split("/")[0]));
  const reused = campaigns
    .filter((campaign) => options.folders && !options.folders.includes(campaign.slug))
    .filter((campaign) => !present.has(campaign.slug))
    .map((campaign) => `${campaign.slug}/`);
  const inScope = (file: string) =>
    !options.folders || !file.includes("/") || options.folders.includes(file.split("/")[0]);
  const problems = await checkPages(outDir, campaigns, {
    pages: files.filter((file) => file.endsWith(".html") && inScope(file)).sort(),
    folders: options.folders,
    exists: (target) => existing.has(target) || reused.some((folder) => target.startsWith(folder)),
  });
  if (problems.length > 0) throw new CampaignError(problems);
}

/**
 * The pages of some campaign folders checked as soon as they are written, reading only those
 * folders (a build renders campaigns in batches): what they reference elsewhere in the site comes
 * back, to be looked up with verifyPending once everything is in place.
 */
export async function verifyFolders(
  outDir: string,
  campaigns: SiteCampaign[],
  folders: string[],
): Promise<PendingReference[]> {
  const files = (
    await Promise.all(
      folders.map(async (folder) =>
        (await listFiles(path.join(outDir, folder))).map((file) => `${folder}/${file}`),
      ),
    )
  ).flat();
  const existing = new Set(files);
  const pending: PendingReference[] = [];
  const ours = (target: string) => folders.includes(target.split("/")[0]);
  const problems = await checkPages(outDir, campaigns, {
    pages: files.filter((file) => file.endsWith(".html")).sort(),
    folders,
    exists: (target, problem) => {
      if (ours(target)) return existing.has(target);
      pending.push({ target, problem });
      return true;
    },
  });
  if (problems.length > 0) throw new CampaignError(problems);
  return pending;
}

/** The references verifyFolders left, looked up in the finished site (`files`: its listing). */
export function verifyPending(pending: PendingReference[], files: ReadonlySet<string>): void {
  const problems = pending.filter(({ target }) => !files.has(target)).map(({ problem }) => problem);
  if (problems.length > 0) throw new CampaignError(problems);
}

/** Every file under `dir`, relative, with "/". */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

interface CheckScope {
  /** The pages to read, relative to the output. */
  pages: string[];
  /** The campaign folders whose every language must have its page; undefined for all. */
  folders?: string[];
  /** Whether a file of the site exists; `problem` is what to report if it turns out not to. */
  exists: (target: string, problem: Problem) => boolean;
}

async function checkPages(outDir: string, campaigns: SiteCampaign[], scope: CheckScope): Promise<Problem[]> {
  const problems: Problem[] = [];
  const alternates = new Map<string, Map<string, string>>(); // page URL → hreflang → URL

  /** A URL under a campaign's address, as a file of the output; undefined for other sites. */
  const localFile = (url: string): string | undefined => {
    const campaign = campaigns.find((c) => url.startsWith(c.url));
    if (!campaign) return undefined;
    const rest = url.slice(campaign.url.length).split(/[?#]/)[0];
    return `${campaign.slug}/${rest === "" || rest.endsWith("/") ? `${rest}index.html` : rest}`;
  };

  for (const page of scope.pages) {
    const root = parse(await fs.readFile(path.join(outDir, page), "utf8"));
    const problem = (message: string): Problem => ({ file: path.join(outDir, page), message });
    const report = (message: string) => problems.push(problem(message));
    /** Reports `message` when `target` is not a file of the site (now, or once it is complete). */
    const expect = (target: string | undefined, message: string) => {
      if (!target || !scope.exists(target, problem(message))) report(message);
    };
    for (const ref of references(root)) {
      if (/^(?:[a-z]+:|#)/i.test(ref) || ref.startsWith("//")) continue;
      let target = path.posix.normalize(path.posix.join(path.posix.dirname(page), ref.split(/[?#]/)[0]));
      if (ref.endsWith("/") || ref === "." || ref === "./") target = path.posix.join(target, "index.html");
      expect(target, `links to ${ref}, which does not exist in the site`);
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
      if (url) expect(localFile(url), `${selector} ${url} is not a file of this site`);
    }
    const canonical = root.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? page;
    const links = new Map<string, string>();
    for (const link of root.querySelectorAll('link[rel="alternate"][hreflang]')) {
      const url = link.getAttribute("href") ?? "";
      expect(
        localFile(url),
        `hreflang ${link.getAttribute("hreflang")} alternate ${url} is not a page of this site`,
      );
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
  const pages = new Set(scope.pages);
  for (const campaign of campaigns) {
    if (scope.folders && !scope.folders.includes(campaign.slug)) continue;
    for (const lang of campaign.languages) {
      const page = `${campaign.slug}/${languagePath(lang)}/index.html`;
      if (!pages.has(page))
        problems.push({ file: path.join(outDir, page), message: "the build wrote no page here" });
    }
  }
  return problems;
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
