/**
 * The preview's Eleventy settings: the same folders and settings as the site's
 * (site/eleventy-config.ts); the site plugin is added by watch.ts, which knows the project being
 * previewed.
 */

import { generatorSettings, config as siteConfig } from "../site/eleventy-config.ts";
import type { EleventyConfigLike } from "../site/plugin.ts";

export default function (eleventyConfig: EleventyConfigLike) {
  generatorSettings(eleventyConfig);
}

export const config = siteConfig;
