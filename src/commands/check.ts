/**
 * `check`: validates campaigns without building and lists every problem at once, then whether
 * each campaign is ready to publish (campaign/readiness.ts): as warnings, or, with `--publish`,
 * as problems that fail the command. With `--translations`, a table of each campaign's languages.
 */
import { validatedCampaigns } from "../build/build.ts";
import type { Campaign } from "../campaign/index.ts";
import { formatProblem } from "../problems/problem.ts";
import { commandLine, projectPaths } from "../project/paths.ts";
import { type CommandContext, campaignsDirOf, guarded, parseOptions, printWarnings } from "./shared.ts";

export async function run(argv: string[], context: CommandContext): Promise<number> {
  return guarded(argv, async () => {
    const { values } = parseOptions(argv, {
      campaign: { type: "string", multiple: true },
      translations: { type: "boolean" },
      publish: { type: "boolean" },
    });
    const campaignsDir = campaignsDirOf(context.root, values.campaigns);
    return values.translations
      ? checkTranslations(context.root, campaignsDir, values.campaign)
      : check(context.root, campaignsDir, values.campaign, values.publish === true);
  });
}

async function check(root: string, campaignsDir: string, only: string[] | undefined, publish: boolean) {
  const { campaigns } = await validatedCampaigns({ root, campaignsDir, only });
  printWarnings(campaigns.flatMap((campaign) => campaign.warnings));
  let notReady = 0;
  for (const campaign of campaigns) {
    console.log(
      `✓ ${campaign.slug}: ${campaign.languages.length} languages (${campaign.languages.join(", ")}), ${campaign.hotlines.length} hotline(s), ${campaign.partners.length} partner(s)`,
    );
    if (!(await printReadiness(campaign, publish))) notReady++;
  }
  console.log(`${campaigns.length} campaign(s) valid.`);
  if (notReady === 0) return 0;
  const which = `${notReady} campaign(s) not ready to publish`;
  if (publish) {
    console.error(`${which}: fix what is listed, or mark what is meant under accepted: in campaign.yaml.`);
    return 1;
  }
  console.log(`${which}; ${commandLine("check", "--publish")} refuses them until they are.`);
  return 0;
}

/** Prints whether a campaign is ready to publish and what is left; true when it is. */
async function printReadiness(campaign: Campaign, publish: boolean): Promise<boolean> {
  const { readiness } = await import("../campaign/readiness.ts");
  const { items, accepted, unmatched } = await readiness(campaign);
  const say = publish ? console.error : console.log;
  if (items.length === 0 && unmatched.length === 0) {
    console.log(
      `  Ready to publish.${accepted.length > 0 ? ` (${accepted.length} item(s) marked as meant.)` : ""}`,
    );
  } else {
    say(`  Ready to publish: not yet, ${items.length + unmatched.length} thing(s) to check:`);
    for (const item of items) say(`    ${formatProblem(item)}  [${item.code}]`);
    for (const mark of unmatched) {
      say(`    ${campaign.slug}/campaign.yaml accepted: "${mark}" matches nothing any more; remove it`);
    }
  }
  if (accepted.length > 0) {
    const codes = [...new Set(accepted.map((item) => item.code))];
    console.log(
      `  Marked as meant (accepted: in campaign.yaml): ${codes.join("; ")} (${accepted.length} item(s))`,
    );
  }
  if (items.length > 0) {
    say(
      `  To mark an item as meant, list its code under accepted: in campaign.yaml, such as:\n    accepted:\n      - ${items[0].code}`,
    );
  }
  return items.length === 0 && unmatched.length === 0;
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
