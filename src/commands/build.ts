/**
 * `build`: validates every campaign (or those named with --campaign), then builds them into
 * _site/ (or --out). `--base-url <url>` publishes under another address without editing
 * campaign.yaml; `--timings` prints the time of each phase.
 */
import path from "node:path";
import { type CommandContext, campaignsDirOf, guarded, parseOptions, printWarnings } from "./shared.ts";

export async function run(argv: string[], context: CommandContext): Promise<number> {
  return guarded(argv, async () => {
    const { values } = parseOptions(argv, {
      campaign: { type: "string", multiple: true },
      out: { type: "string" },
    });
    const { build } = await import("../build.ts");
    const result = await build({
      root: context.root,
      campaignsDir: campaignsDirOf(context.root, values.campaigns),
      only: values.campaign,
      outDir: values.out ? path.resolve(values.out) : undefined,
      onCampaign: (campaign) =>
        console.log(`✓ ${campaign.slug}: ${campaign.languages} languages, ${campaign.pages} pages`),
    });
    printWarnings(result.warnings);
    const where = `${path.relative(process.cwd(), result.outDir) || "."}/`;
    console.log(
      result.upToDate
        ? `Nothing changed since the last build: ${where} is up to date (${result.pages} pages), checked in ${result.seconds.toFixed(1)} s`
        : `Built ${result.pages} pages and ${result.images} images in ${result.seconds.toFixed(1)} s into ${where}`,
    );
    if (result.reusedCampaigns > 0) {
      console.log(`Unchanged since the last build, kept as they were: ${result.reusedCampaigns} campaign(s)`);
    }
    console.log(`Share images: ${result.shareImages.rendered} rendered, ${result.shareImages.reused} reused`);
    return 0;
  });
}
