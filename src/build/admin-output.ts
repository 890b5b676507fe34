/**
 * The CMS in a built site: `<slug>/admin/`, present only when the build that made the output was
 * asked for it (build --with-admin). A build writes it into the staged output before the swap and
 * never carries one over from the output it replaces. Light on purpose: the build reads it.
 */
import fs from "node:fs/promises";
import path from "node:path";

/** The folder of a campaign's output the CMS is published in. */
export const ADMIN_FOLDER = "admin";

/** The campaign folders of an output folder that hold an admin. */
async function adminFolders(outDir: string): Promise<string[]> {
  const entries = await fs.readdir(outDir, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(outDir, entry.name, ADMIN_FOLDER);
    if (
      await fs.stat(dir).then(
        (stat) => stat.isDirectory(),
        () => false,
      )
    )
      found.push(dir);
  }
  return found;
}

/** Whether any campaign of the output has an admin. */
export async function hasAdmin(outDir: string): Promise<boolean> {
  return (await adminFolders(outDir)).length > 0;
}

/** Removes every campaign's admin from an output folder. */
export async function removeAdmins(outDir: string): Promise<void> {
  for (const dir of await adminFolders(outDir)) await fs.rm(dir, { recursive: true, force: true });
}

/** A campaign's recorded output files without its admin: the admin is never reused. */
export function withoutAdmin(files: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(files).filter(([file]) => !file.startsWith(`${ADMIN_FOLDER}/`)));
}
