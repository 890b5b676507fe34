/**
 * Eleventy in watch mode for the preview: campaigns are loaded by the site plugin on every
 * rebuild, so an invalid edit prints its problems and the last good pages stay in the output.
 * The preview is written to .cache/preview, never to _site.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Eleventy } from "@11ty/eleventy";
import { ROUTES_DIR } from "../project/paths.ts";
import campaignSite from "../site/plugin.ts";

export interface WatchOptions {
  /** The folder holding campaigns/, templates/ and .cache/. */
  contentRoot: string;
  /** Called after each build that wrote the output. */
  onWritten: () => void;
}

/** The preview's Eleventy settings file beside this one (.ts under tsx, .js once compiled). */
function configPath(): string {
  const here = fileURLToPath(import.meta.url);
  return path.join(path.dirname(here), `eleventy-config${path.extname(here)}`);
}

/** Builds the preview once, then again on every change; returns where it writes and how to stop. */
export async function watchPreview({ contentRoot, onWritten }: WatchOptions) {
  const outputDir = path.join(contentRoot, ".cache/preview");
  const eleventy = new Eleventy(ROUTES_DIR, outputDir, {
    configPath: configPath(),
    runMode: "watch",
    quietMode: true,
    config(eleventyConfig) {
      eleventyConfig.addPlugin(campaignSite, { root: contentRoot, onWritten });
    },
  });
  await eleventy.init();
  await eleventy.watch();
  return {
    outputDir,
    stop: () => (eleventy as unknown as { stopWatch(): Promise<void> }).stopWatch(),
  };
}
