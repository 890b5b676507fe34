/**
 * `serve`: Eleventy's dev server with live reload. Campaigns are loaded by the plugin on every
 * rebuild, so an invalid edit prints its problems and the browser keeps the last good pages.
 * The preview is written to .cache/preview, never to _site.
 */
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import { eleventyConfigPath } from "./build.ts";

export async function serve({ root, port }: { root: string; port: number }): Promise<void> {
  const eleventy = new Eleventy(path.join(root, "src/site/pages"), path.join(root, ".cache/preview"), {
    configPath: eleventyConfigPath(),
    runMode: "serve",
  });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(port);
}
