/** For `npx @11ty/eleventy` run by hand: the same configuration the command line uses. */
export { config, default } from "./src/site/eleventy-config.js";
//# sourceMappingURL=eleventy.config.js.map
