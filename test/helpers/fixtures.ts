/** Temporary copies of fixture campaigns, edited per test, so every case starts from valid input. */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const FIXTURES = path.join(ROOT, "test/fixtures");
export const TEMPLATES = path.join(ROOT, "templates");

export interface Edit {
  /** Rewrites campaign.yaml. */
  yaml?: (text: string) => string;
  /** Files to write (string or bytes) or delete (null), relative to the campaign folder. */
  files?: Record<string, string | Uint8Array | null>;
}

/** A fresh temporary folder, removed by the returned cleanup. */
export async function tempDir(prefix = "campaign-test-"): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Copies test/fixtures/campaigns/<name> into campaigns/<slug> of a new temp folder and edits it. */
export async function fixtureCampaign(edit: Edit = {}, name = "minimal", slug = name) {
  const campaignsDir = path.join(await tempDir(), "campaigns");
  const dir = path.join(campaignsDir, slug);
  await fs.cp(path.join(FIXTURES, "campaigns", name), dir, { recursive: true });
  if (edit.yaml) {
    const file = path.join(dir, "campaign.yaml");
    await fs.writeFile(file, edit.yaml(await fs.readFile(file, "utf8")));
  }
  for (const [relative, contents] of Object.entries(edit.files ?? {})) {
    const file = path.join(dir, relative);
    if (contents === null) await fs.rm(file, { force: true });
    else {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, contents);
    }
  }
  return {
    campaignsDir,
    dir,
    cleanup: () => fs.rm(path.dirname(campaignsDir), { recursive: true, force: true }),
  };
}
