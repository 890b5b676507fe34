/**
 * Eleventy configuration: the page routes live in src/site/routes/ (copied into dist/ when
 * compiled), the looks in templates/. Campaign data, filters and logos come from the
 * campaign-site plugin. Compiled into dist/ with the rest, so a build never needs a TypeScript
 * loader.
 */
import campaignSite, { type EleventyConfigLike } from "./plugin.ts";

export default function (eleventyConfig: EleventyConfigLike) {
  generatorSettings(eleventyConfig);
  // Campaign pages, share kits and their data
  eleventyConfig.addPlugin(campaignSite);
}

/**
 * What holds wherever the command runs: the page routes are the generator's own files, never
 * hidden by the working folder's .gitignore (which lists dist/) nor by Eleventy's ignoring of
 * node_modules (where they are when the generator is a project's dependency), and the
 * generator's modules are not watched (the working folder's package.json need not say how to
 * read them).
 */
export function generatorSettings(eleventyConfig: EleventyConfigLike): void {
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.ignores.delete("**/node_modules/**");
  eleventyConfig.setWatchJavaScriptDependencies(false);
}

/**
 * No input folder here: every build passes the absolute path of the page routes, so the command
 * works from any folder (a relative one here would be read from the working directory). The
 * includes folder is relative to the input.
 */
export const config = {
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
  dir: {
    includes: "../../../templates",
  },
};
