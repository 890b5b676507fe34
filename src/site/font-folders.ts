/**
 * Where the pages' web fonts are published: names only, so that the build, the host files and a
 * check know them without loading the font cutter (web-fonts.ts, its HTML parser and HarfBuzz).
 */

/** The folder, beside a stylesheet, that its fonts are published in. */
export const FONTS_FOLDER = "fonts";

/**
 * The site's archive (index.html) has fonts of its own, in a folder at the top of the site whose
 * name no campaign can have (a campaign's folder name has no dot).
 */
export const ARCHIVE_FONTS_FOLDER = "index.fonts";
