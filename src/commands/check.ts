/**
 * `check`: validates campaigns without building and lists every problem at once; with
 * `--translations`, a table of each campaign's languages instead.
 */
import { validatedCampaigns } from "../build/build.ts";
import { otherYearWarnings } from "../new-campaign/next-edition.ts";
import { projectPaths } from "../project/paths.ts";
import { type CommandContext, campaignsDirOf, guarded, parseOptions, printWarnings } from "./shared.ts";

export async function run(argv: string[], context: CommandContext): Promise<number> {
  return guarded(argv, async () => {
    const { values } = parseOptions(argv, {
      campaign: { type: "string", multiple: true },
      translations: { type: "boolean" },
    });
    const campaignsDir = campaignsDirOf(context.root, values.campaigns);
    return values.translations
      ? checkTranslations(context.root, campaignsDir, values.campaign)
      : check(context.root, campaignsDir, values.campaign);
  });
}

async function check(root: string, campaignsDir: string, only?: string[]): Promise<number> {
  const { campaigns } = await validatedCampaigns({ root, campaignsDir, only });
  printWarnings(campaigns.flatMap((campaign) => campaign.warnings));
  for (const campaign of campaigns) printWarnings(await otherYearWarnings(campaign));
  for (const campaign of campaigns) {
    console.log(
      `✓ ${campaign.slug}: ${campaign.languages.length} languages (${campaign.languages.join(", ")}), ${campaign.hotlines.length} hotline(s), ${campaign.partners.length} partner(s)`,
    );
  }
  console.log(`${campaigns.length} campaign(s) valid.`);
  return 0;
}

async function checkTranslations(root: string, campaignsDir: string, only?: string[]): Promise<number> {
  const { coverageIsComplete, formatCoverage, translationCoverage } = await import("./report/coverage.ts");
  const coverage = await translationCoverage(campaignsDir, { ...projectPaths(root), only });
  console.log(formatCoverage(coverage));
  if (coverageIsComplete(coverage)) {
    console.log(
      "Every language has its content, complete UI strings, and share images and posters that fit.",
    );
    return 0;
  }
  console.error("Something required is missing (✗ above).");
  return 1;
}
