/**
 * One run of Eleventy over the page routes with data already made (site/data.ts): the pages of
 * some campaigns, or the site-wide files, written into a folder that may already hold others.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CODE_DIR, ROUTES_DIR } from "../project/paths.ts";
import type { SiteData } from "../site/data.ts";

/** Writes the pages of `data` into `outDir`, with the logos, images and kit files they name. */
export async function renderPages(outDir: string, data: SiteData): Promise<void> {
  const { Eleventy } = await import("@11ty/eleventy");
  const eleventy = new Eleventy(ROUTES_DIR, outDir, {
    configPath: eleventyConfigPath(),
    quietMode: true,
    config: (eleventyConfig) => {
      eleventyConfig.addGlobalData("site", data);
    },
  });
  // Eleventy's "Wrote N files" would be one line per batch: the build prints its own summary.
  eleventy.disableLogger();
  await eleventy.write();
}

/**
 * Writes again and again with one Eleventy (the preview, on every save): its configuration,
 * plugins and compiled templates are made once, and each write renders only the data given.
 */
export class PageWriter {
  readonly #outDir: string;
  #eleventy: import("@11ty/eleventy").Eleventy | undefined;
  #data: SiteData | undefined;

  constructor(outDir: string) {
    this.#outDir = outDir;
  }

  async write(data: SiteData): Promise<void> {
    this.#data = data;
    if (this.#eleventy) {
      await this.#eleventy.restart();
      await this.#eleventy.init();
      // No "Benchmark … Nunjucks Filter" lines on a busy machine: the preview prints its own.
      this.#eleventy.setIsVerbose?.(false);
    } else {
      const { Eleventy } = await import("@11ty/eleventy");
      this.#eleventy = new Eleventy(ROUTES_DIR, this.#outDir, {
        configPath: eleventyConfigPath(),
        quietMode: true,
        config: (eleventyConfig) => {
          eleventyConfig.addGlobalData("site", () => this.#data);
        },
      });
      this.#eleventy.disableLogger();
      await this.#eleventy.init();
    }
    await this.#eleventy.write();
  }

  /** The templates changed: the next write starts a new Eleventy, which compiles them again. */
  forgetTemplates(): void {
    this.#eleventy = undefined;
  }
}

/** The Eleventy configuration beside this module: src/site/eleventy-config.ts, or the .js in dist/. */
export function eleventyConfigPath(): string {
  const here = fileURLToPath(import.meta.url);
  return path.join(CODE_DIR, "site", `eleventy-config${path.extname(here)}`);
}
