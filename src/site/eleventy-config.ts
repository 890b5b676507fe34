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

/**
 * No input folder here: every build passes the absolute path of src/site/pages/, so the command
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
