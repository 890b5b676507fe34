/**
 * `new <slug> [--from <slug>]`: a campaign folder from the template's starter, or a copy of an
 * existing campaign (teams reuse last year's). Written to a temporary folder and renamed, so a
 * failure never leaves half a campaign behind.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { listCampaigns, SLUG } from "./campaign/index.ts";
import { projectPaths } from "./paths.ts";

export class ScaffoldError extends Error {
  override name = "ScaffoldError";
}

export interface ScaffoldOptions {
  root: string;
  /** Where campaigns live; default <root>/campaigns. */
  campaignsDir?: string;
  slug: string;
  /** Existing campaign to copy; default: templates/default/starter. */
  from?: string;
}

export async function scaffold({ root, slug, from, ...options }: ScaffoldOptions): Promise<string> {
  const { templatesDir } = projectPaths(root);
  const campaignsDir = options.campaignsDir ?? projectPaths(root).campaignsDir;
  if (!SLUG.test(slug)) {
    throw new ScaffoldError(
      `"${slug}" cannot be a campaign name: use lower-case letters, digits and hyphens, such as blue-heart-2025-be`,
    );
  }
  const target = path.join(campaignsDir, slug);
  if (
    await fs.stat(target).then(
      () => true,
      () => false,
    )
  ) {
    throw new ScaffoldError(
      `campaigns/${slug} already exists; choose another name or delete that folder first`,
    );
  }
  let source = path.join(templatesDir, "default", "starter");
  if (from) {
    const existing = await listCampaigns(campaignsDir);
    if (!existing.includes(from)) {
      throw new ScaffoldError(
        `no campaign "${from}" to copy; existing campaigns: ${existing.join(", ") || "none"}`,
      );
    }
    source = path.join(campaignsDir, from);
  }
  const temporary = path.join(campaignsDir, `.${slug}.creating-${process.pid}`);
  await fs.mkdir(campaignsDir, { recursive: true });
  try {
    await fs.cp(source, temporary, { recursive: true, errorOnExist: true, force: false });
    if (from) await renameInUrl(path.join(temporary, "campaign.yaml"), from, slug);
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { recursive: true, force: true });
    throw error;
  }
  return target;
}

/** A copy must not publish at the original's address: "/blue-heart-2024/" becomes "/blue-heart-2025/". */
async function renameInUrl(file: string, from: string, to: string): Promise<void> {
  const text = await fs.readFile(file, "utf8");
  const pattern = new RegExp(`^(url:\\s*\\S*?)\\b${escapeRegExp(from)}\\b`, "m");
  const updated = text.replace(pattern, `$1${to}`);
  if (updated !== text) await fs.writeFile(file, updated);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
