/**
 * The preview's Eleventy settings when the editor runs: the same folders as eleventy.config.ts;
 * the campaign-site plugin and the CMS middleware are added by src/cms/editor.ts, which knows
 * which folder of campaigns is being edited.
 */
import { config as siteConfig } from "../site/eleventy-config.ts";

export default function () {}

export const config = siteConfig;
