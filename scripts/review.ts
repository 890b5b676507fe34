/**
 * The review sheet: for each campaign of the built site, one HTML page (and a PNG of it) with
 * every language side by side: its page on a 360 px phone and on a 1280 px screen, its three share
 * images and its poster preview. For the team to look at everything before launch, in one place.
 * Taken with Chromium from the built site (run `npm run build` first).
 *
 *   npm run review                  every campaign of _site/
 *   npm run review -- <slug> …      some campaigns
 *
 * Writes exports/review/<slug>/index.html, its pictures, and review.png (the whole sheet).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { launchBrowser } from "../test/helpers/browser.ts";
import { serveStatic } from "../test/helpers/site.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
export const REVIEW_DIR = path.join(ROOT, "exports", "review");
let SITE = path.join(ROOT, "_site");
let OUT = REVIEW_DIR;
export const VIEWPORTS = {
  phone: { width: 360, height: 640, deviceScaleFactor: 2 },
  desktop: { width: 1280, height: 900, deviceScaleFactor: 1 },
} as const;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[char] as string,
  );

/** The campaign's languages, as published folders, from its chooser page's links. */
async function languagesOf(slug: string): Promise<Array<{ folder: string; name: string }>> {
  const chooser = await fs.readFile(path.join(SITE, slug, "index.html"), "utf8");
  const found = [...chooser.matchAll(/<a\b[^>]*\bhref="([a-z0-9-]+)\/"[^>]*>([^<]+)<\/a>/g)];
  const folders = await Promise.all(
    found.map(async ([, folder, name]) =>
      (await fs.stat(path.join(SITE, slug, folder, "index.html")).catch(() => undefined))
        ? { folder, name }
        : undefined,
    ),
  );
  return [
    ...new Map(folders.filter((entry) => entry !== undefined).map((entry) => [entry.folder, entry])).values(),
  ];
}

async function sheet(
  slug: string,
  origin: string,
  browser: NonNullable<Awaited<ReturnType<typeof launchBrowser>>>,
) {
  const dir = path.join(OUT, slug);
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  const rows: string[] = [];
  for (const { folder, name } of await languagesOf(slug)) {
    const cells: string[] = [];
    for (const [kind, viewport] of Object.entries(VIEWPORTS)) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: viewport.deviceScaleFactor });
      const page = await context.newPage();
      await page.goto(`${origin}/${slug}/${folder}/`);
      await page.evaluate(() => document.fonts.ready);
      const file = `${folder}-${kind}.png`;
      await sharp(await page.screenshot({ fullPage: true }))
        .resize({ width: viewport.width })
        .png({ palette: true, colours: 96, compressionLevel: 9 })
        .toFile(path.join(dir, file));
      await context.close();
      cells.push(
        `<figure class="${kind}"><img src="${file}" alt="${escapeHtml(`${name}: the page at ${viewport.width} px`)}"><figcaption>${viewport.width} px</figcaption></figure>`,
      );
    }
    const share = path.join(SITE, slug, folder, "share");
    for (const image of (await fs.readdir(share).catch(() => [] as string[]))
      .filter((file) => file.endsWith(".png"))
      .sort()) {
      await fs.copyFile(path.join(share, image), path.join(dir, image));
      const format = /-(og|square|story)\.png$/.exec(image)?.[1] ?? image;
      cells.push(
        `<figure class="share"><img src="${image}" alt="${escapeHtml(`${name}: the ${format} share image`)}"><figcaption>${format}</figcaption></figure>`,
      );
    }
    const poster = path.join(SITE, slug, folder, "poster-a4.png");
    if (await fs.stat(poster).catch(() => undefined)) {
      const file = `${folder}-poster-a4.png`;
      await fs.copyFile(poster, path.join(dir, file));
      cells.push(
        `<figure class="poster"><img src="${file}" alt="${escapeHtml(`${name}: the A4 poster`)}"><figcaption>poster A4</figcaption></figure>`,
      );
    }
    rows.push(
      `<section><h2 lang="${folder}">${escapeHtml(name)}</h2><div class="row">${cells.join("")}</div></section>`,
    );
  }
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Review sheet: ${escapeHtml(slug)}</title>
<style>
  body { margin: 1rem; font: 16px/1.4 system-ui, sans-serif; background: #f3f4f6; color: #111827; }
  h1 { margin: 0 0 1rem; }
  section { margin-block-end: 2rem; }
  .row { display: flex; gap: 1rem; align-items: flex-start; overflow-x: auto; }
  figure { margin: 0; background: #fff; padding: 0.5rem; border: 1px solid #d1d5db; }
  figcaption { font-size: 0.85rem; color: #4b5563; }
  .phone img { width: 360px; }
  .desktop img { width: 640px; }
  .share img { width: 320px; }
  .poster img { width: 300px; }
</style>
</head>
<body>
<h1>Review sheet: ${escapeHtml(slug)}</h1>
<p>Every language of the campaign: its page on a 360 px phone and a 1280 px screen (shown at half size), its share images and its A4 poster.</p>
${rows.join("\n")}
</body>
</html>
`;
  await fs.writeFile(path.join(dir, "index.html"), html);
  // The whole sheet as one picture, to send around.
  const context = await browser.newContext({ viewport: { width: 2400, height: 1200 } });
  const page = await context.newPage();
  await page.goto(`file://${path.join(dir, "index.html")}`);
  await page.waitForLoadState("load");
  await sharp(await page.screenshot({ fullPage: true }))
    .png({ palette: true, colours: 128, compressionLevel: 9 })
    .toFile(path.join(dir, "review.png"));
  await context.close();
  console.log(`${path.relative(process.cwd(), path.join(dir, "index.html"))} and review.png`);
}

/** Makes the review sheets of `slugs` (default: every campaign of the site) into `out`. */
export async function reviewSheets(
  options: { slugs?: string[]; site?: string; out?: string } = {},
): Promise<void> {
  SITE = path.resolve(options.site ?? SITE);
  OUT = path.resolve(options.out ?? OUT);
  const slugs =
    options.slugs && options.slugs.length > 0
      ? options.slugs
      : (await fs.readdir(SITE, { withFileTypes: true }))
          .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
          .map((entry) => entry.name)
          .sort();
  // The machine's default fonts (test/helpers/browser.ts), as a visitor's screen has them.
  const browser = await launchBrowser("system");
  if (!browser) throw new Error("the review sheet needs Chromium");
  const server = await serveStatic(SITE);
  try {
    for (const slug of slugs) await sheet(slug, server.origin, browser);
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { site: { type: "string" }, out: { type: "string" } },
  });
  await reviewSheets({ slugs: positionals, site: values.site, out: values.out });
}
