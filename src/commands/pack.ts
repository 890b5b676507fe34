/**
 * `pack <slug>`: writes exports/<slug>.zip of a built campaign's folder in _site/, ready to upload,
 * with a `_headers` of its own: the security headers for Netlify and Cloudflare Pages when the
 * archive is uploaded as a site of its own. The archive is reproducible: entries sorted by path, every timestamp and permission fixed, so
 * the same site gives the same bytes.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { zipEntries } from "../kit/zip-writer.ts";
import { commandLine, projectPaths } from "../project/paths.ts";
import { HEADERS_FILE, headersFile, hostRules } from "../site/headers.ts";
import { type CommandContext, guarded, parseOptions, UsageError } from "./shared.ts";

/** Every entry's modification time (zip's DOS time starts in 1980; local time, so fixed by hand). */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

export async function run(argv: string[], context: CommandContext): Promise<number> {
  return guarded(argv, async () => {
    const { values, positionals } = parseOptions(argv, {
      site: { type: "string" },
      out: { type: "string" },
    });
    const [slug] = positionals;
    if (!slug)
      throw new UsageError(`Expected the campaign's name: ${commandLine("pack", "<slug> [--out <dir>]")}`);
    const siteDir = path.resolve(values.site ?? path.join(context.root, "_site"));
    const folder = path.join(siteDir, slug);
    const stat = await fs.stat(folder).catch(() => undefined);
    if (!stat?.isDirectory()) {
      throw new UsageError(
        `${path.relative(process.cwd(), folder) || folder}: no built campaign "${slug}"; build it first with: ${commandLine("build", `--campaign ${slug}`)}`,
      );
    }
    const zipFile = path.join(
      path.resolve(values.out ?? projectPaths(context.root).exportsDir),
      `${slug}.zip`,
    );
    const { text } = headersFile(await hostRules(folder, { campaign: true }));
    const { files, bytes } = await packFolder(folder, zipFile, [
      { name: HEADERS_FILE, data: Buffer.from(text) },
    ]);
    console.log(
      [
        `Wrote ${path.relative(process.cwd(), zipFile) || zipFile}: ${files} files, ${formatSize(bytes)}. Upload its contents as the site at the campaign's url.`,
        `Its ${HEADERS_FILE} gives the security headers on Netlify and Cloudflare Pages when the archive is a site of its own; on nginx or Apache: ${commandLine("server-config", "nginx|apache")}`,
      ].join("\n"),
    );
    return 0;
  });
}

/**
 * Zips every file under `folder` (paths relative to it), and `extra` files in place of any of the
 * same name, sorted by path, into `zipFile`, atomically.
 */
export async function packFolder(
  folder: string,
  zipFile: string,
  extra: Array<{ name: string; data: Buffer }> = [],
): Promise<{ files: number; bytes: number }> {
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
  const added = new Map(extra.map((file) => [file.name, file.data]));
  const names = [
    ...new Set([
      ...entries
        .filter((entry) => entry.isFile())
        .map((entry) =>
          path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"),
        ),
      ...added.keys(),
    ]),
  ].sort();
  // One file at a time: a large site would run out of file handles read all at once.
  const files = [];
  for (const name of names) {
    // Already-compressed images are stored; text is deflated.
    const compress = !/\.(png|jpe?g|webp|avif|gif|woff2?|zip)$/i.test(name);
    const data = added.get(name) ?? (await fs.readFile(path.join(folder, name)));
    files.push({ name, data, compress });
  }
  const zip = zipEntries(files, { level: 9, time: FIXED_TIME });
  await fs.mkdir(path.dirname(zipFile), { recursive: true });
  const temporary = `${zipFile}.${process.pid}.tmp`;
  await fs.writeFile(temporary, zip);
  await fs.rename(temporary, zipFile);
  return { files: names.length, bytes: zip.byteLength };
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
