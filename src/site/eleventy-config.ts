/**
 * Eleventy configuration: the page routes live in src/site/pages/, the looks in templates/.
 * Campaign data, filters and logos come from the campaign-site plugin. Compiled into dist/ with
 * the rest, so a build never needs a TypeScript loader.
 */
import campaignSite, { type EleventyConfigLike } from "./plugin.ts";

export default function (eleventyConfig: EleventyConfigLike) {
  // Campaign pages, share kits and their data
  eleventyConfig.addPlugin(campaignSite);
}

export const config = {
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
  dir: {
    input: "src/site/pages",
    includes: "../../../templates",
  },
};
