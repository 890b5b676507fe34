/**
 * For `npx @11ty/eleventy` run by hand from this folder: the configuration the command line uses,
 * with the input folder it passes itself.
 */
import { config as siteConfig } from "./src/site/eleventy-config.ts";

export { default } from "./src/site/eleventy-config.ts";

export const config = { ...siteConfig, dir: { ...siteConfig.dir, input: "src/site/routes" } };
