/**
 * The Eleventy plugin that turns campaigns into pages. It provides the `site` global data
 * (unless the command line already loaded the campaigns and passed them in), the filters the
 * templates use, and copies processed logos into the output when the build ends.
 */
import {
  type Campaign,
  CampaignError,
  formatProblem,
  listCampaigns,
  loadCampaigns,
} from "../campaign/index.ts";
import { typeset } from "../i18n/typography.ts";
import { imageChecker } from "../images/check.ts";
import { copyIntoSite } from "../images/logos.ts";
import { forgetDesigns } from "../layers/remembered.ts";
import { projectPaths } from "../project/paths.ts";
import { type SiteData, siteData } from "./data.ts";
import { type LayeredEnvironment, layeredEnvironment } from "./layered-loader.ts";
import { absoluteUrl, relativeUrl } from "./urls.ts";
import { publishSiteFonts } from "./web-fonts.ts";

export interface CampaignSiteOptions {
  /** Project root holding campaigns/, templates/ and .cache/. */
  root?: string;
}

export interface EleventyConfigLike {
  globalData: Record<string, unknown>;
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addWatchTarget(target: string): void;
  setLibrary(name: string, library: unknown): void;
  on(event: string, callback: (...args: never[]) => unknown): void;
  addPlugin(plugin: (config: never, options?: never) => unknown, options?: unknown): void;
  setUseGitIgnore(use: boolean): void;
  ignores: Set<string>;
  setWatchJavaScriptDependencies(watch: boolean): void;
}

export { projectPaths };

/**
 * The campaigns when Eleventy runs on its own (its dev server): each validated on its own, so that
 * a campaign being edited into shape (a language added before its words) does not stop it: its
 * problems are printed, its last good pages stay, and the other campaigns are rebuilt. (`start`
 * and `edit` do the same in preview/site.ts.)
 */
async function standaloneCampaigns(paths: ReturnType<typeof projectPaths>): Promise<Campaign[]> {
  const checkImage = imageChecker(paths.cacheDir);
  const slugs = await listCampaigns(paths.campaignsDir);
  const loaded = await Promise.all(
    slugs.map((slug) =>
      loadCampaigns(paths.campaignsDir, { ...paths, checkImage, only: [slug] }).then(
        (campaigns) => campaigns,
        (error: unknown) => {
          if (!(error instanceof CampaignError)) throw error;
          for (const problem of error.problems) console.error(formatProblem(problem));
          console.error(`${slug}: not rebuilt until this is fixed; the preview keeps its last good pages.`);
          return [];
        },
      ),
    ),
  );
  const campaigns = loaded.flat();
  // The archive lists the newest day first, as a build does.
  return campaigns.sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));
}

export default function campaignSite(eleventyConfig: EleventyConfigLike, options: CampaignSiteOptions = {}) {
  const paths = projectPaths(options.root ?? process.cwd());
  const given = eleventyConfig.globalData.site as SiteData | (() => SiteData) | undefined;
  let current = typeof given === "function" ? undefined : given;

  // Given as a function (the preview, which writes again and again with one Eleventy): asked for
  // on every run.
  if (typeof given === "function") {
    eleventyConfig.addGlobalData("site", () => {
      current = given();
      return current;
    });
  }
  // Global data: loaded here only when Eleventy runs on its own (npx @11ty/eleventy, dev server).
  else if (!current) {
    eleventyConfig.addGlobalData("site", async () => {
      current = await siteData(await standaloneCampaigns(paths), paths);
      return current;
    });
  }

  // Nunjucks: files found by template layers (layered-loader.ts); a changed template file
  // clears the compiled ones, since one file may stand in for several templates.
  // The folder is the project's templates/ (or the generator's), known once the data is.
  const templatesDir = () => current?.templatesDir ?? paths.templatesDir;
  // Runs given the same folder and key share their compiled templates (see SiteData.templatesKey).
  const nunjucksEnvironment =
    current?.templatesKey === undefined
      ? layeredEnvironment(templatesDir)
      : sharedEnvironment(templatesDir(), current.templatesKey);
  eleventyConfig.setLibrary("njk", nunjucksEnvironment);
  // Designs (card.json, poster.json, frame.json) are read once per build, and again after an edit.
  eleventyConfig.on("eleventy.beforeWatch", () => {
    nunjucksEnvironment.invalidateCache();
    forgetDesigns();
  });

  // Filters: addresses are computed here, never in templates.
  eleventyConfig.addFilter("relative", (target: string, from: string) => relativeUrl(target, from));
  eleventyConfig.addFilter("relativeSrcset", (srcset: string, from: string) =>
    srcset
      .split(", ")
      .map((candidate) => {
        const [url, descriptor] = candidate.split(" ");
        return `${relativeUrl(url, from)} ${descriptor}`;
      })
      .join(", "),
  );
  eleventyConfig.addFilter("absolute", (sitePath: string, campaign: { url: string; slug: string }) =>
    absoluteUrl(campaign.url, campaign.slug, sitePath),
  );
  /** Phone numbers never break across lines. */
  eleventyConfig.addFilter("nbsp", (text: string) => text.replace(/ /g, "\u00a0"));
  /** A file size in the page's language: "312 kB", "1,2 MB". */
  eleventyConfig.addFilter("fileSize", (bytes: number, tag: string) => {
    const [value, unit] =
      bytes >= 1e6 ? [bytes / 1e6, "megabyte"] : [Math.max(1, Math.round(bytes / 1e3)), "kilobyte"];
    return new Intl.NumberFormat(tag, { style: "unit", unit, maximumFractionDigits: 1 }).format(value);
  });
  /** A label before what it names, with the colon its language writes: "Partenaires :" in French. */
  eleventyConfig.addFilter("label", (text: string, lang: string) => typeset(`${text}:`, lang));
  /** Keeps numbers left-to-right inside right-to-left text (Unicode isolate). */
  eleventyConfig.addFilter("isolate", (text: string) => `\u2066${text}\u2069`);

  // Watch: campaign files and templates rebuild the dev server's pages.
  eleventyConfig.addWatchTarget(`${paths.campaignsDir}/**`);
  eleventyConfig.addWatchTarget(`${paths.templatesDir}/**`);

  // Events: logos and share images, made in the cache, are copied in once the pages are written,
  // and the web fonts are cut to the characters the written pages show (web-fonts.ts).
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    if (!current) return;
    await copyIntoSite(current.files, directories.output);
    if (current.fonts === false) return;
    // The campaigns whose pages this run wrote (all of them, or a save's language), and the
    // archive's when it wrote the site-wide files.
    const slugs = new Set([
      ...current.campaigns.map((campaign) => campaign.slug),
      ...current.pages.map((page) => page.campaign.slug),
    ]);
    await publishSiteFonts(directories.output, [...slugs], paths.cacheDir, current.siteWide.length > 0);
  });
}

/** Compiled templates kept for the last few folders and keys. */
const environments = new Map<string, LayeredEnvironment>();

function sharedEnvironment(templatesDir: string, key: string): LayeredEnvironment {
  const id = `${templatesDir}\0${key}`;
  let environment = environments.get(id);
  if (!environment) {
    environment = layeredEnvironment(() => templatesDir);
    environments.set(id, environment);
    while (environments.size > 4) environments.delete(environments.keys().next().value as string);
  }
  return environment;
}
