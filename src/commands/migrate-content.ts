/**
 * `migrate-content`: renames the words of campaigns written in the old layout,
 * `content/<lang>.md`, to the layout the CMS reads in every backend, `content/page.<lang>.md`.
 * Only names change; the files' text stays byte for byte.
 */
import path from "node:path";
import { migrateContent } from "../campaign/content-files.ts";
import { listCampaigns } from "../campaign/index.ts";
import { CampaignError } from "../problems/problem.ts";
import { type CommandContext, campaignsDirOf, guarded, parseOptions } from "./shared.ts";

export async function run(argv: string[], context: CommandContext): Promise<number> {
  return guarded(argv, async () => {
    const { values } = parseOptions(argv, { campaign: { type: "string", multiple: true } });
    const campaignsDir = campaignsDirOf(context.root, values.campaigns);
    const all = await listCampaigns(campaignsDir);
    const slugs = values.campaign ?? all;
    const unknown = slugs.filter((slug) => !all.includes(slug));
    if (unknown.length > 0) {
      throw new CampaignError(
        unknown.map((slug) => ({
          file: path.join(campaignsDir, slug),
          message: `no campaign "${slug}"; existing campaigns: ${all.join(", ") || "none"}`,
        })),
      );
    }
    const { renamed, conflicts } = await migrateContent(campaignsDir, slugs);
    if (conflicts.length > 0) throw new CampaignError(conflicts);
    for (const move of renamed) {
      console.log(`${path.relative(process.cwd(), move.from)} → ${path.basename(move.to)}`);
    }
    console.log(
      renamed.length === 0
        ? "Every campaign already keeps its words as content/page.<language>.md."
        : `${renamed.length} file(s) renamed. Commit the renames (git add -A campaigns) so the CMS finds them.`,
    );
    return 0;
  });
}
