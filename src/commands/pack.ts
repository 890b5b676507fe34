/**
 * `pack <slug>`: writes exports/<slug>.zip of a built campaign's folder in _site/, ready to upload.
 * The archive is reproducible: entries sorted by path, every timestamp and permission fixed, so
 * the same site gives the same bytes.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { zipEntries } from "../kit/zip-writer.ts";
import { commandLine, projectPaths } from "../project/paths.ts";
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
    const { files, bytes } = await packFolder(folder, zipFile);
    console.log(
      `Wrote ${path.relative(process.cwd(), zipFile) || zipFile}: ${files} files, ${formatSize(bytes)}. Upload its contents as the site at the campaign's url.`,
    );
    return 0;
  });
}

/** Zips every file under `folder` (paths relative to it, sorted) into `zipFile`, atomically. */
export async function packFolder(folder: string, zipFile: string): Promise<{ files: number; bytes: number }> {
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
  // One file at a time: a large site would run out of file handles read all at once.
  const files = [];
  for (const name of names) {
    // Already-compressed images are stored; text is deflated.
    const compress = !/\.(png|jpe?g|webp|avif|gif|woff2?|zip)$/i.test(name);
    files.push({ name, data: await fs.readFile(path.join(folder, name)), compress });
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
