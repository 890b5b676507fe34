/**
 * `build`: validates every campaign (or those named with --campaign), then builds them into
 * _site/ (or --out). `--base-url <url>` publishes under another address without editing
 * campaign.yaml; `--timings` prints the time of each phase and the share of the processor used.
 * `--shard k/n` builds one share of the campaigns for another machine to merge with
 * `--merge <dirs…>`.
 */
import path from "node:path";
import { parseShard } from "../build/shard.ts";
import { formatTimings } from "../build/timings.ts";
import {
  type CommandContext,
  campaignsDirOf,
  guarded,
  parseOptions,
  printWarnings,
  UsageError,
} from "./shared.ts";

export async function run(argv: string[], context: CommandContext): Promise<number> {
  return guarded(argv, async () => {
    const { values, positionals } = parseOptions(argv, {
      campaign: { type: "string", multiple: true },
      out: { type: "string" },
      "base-url": { type: "string" },
      timings: { type: "boolean" },
      pseudo: { type: "boolean" },
      "with-admin": { type: "boolean" },
      "admin-repo": { type: "string" },
      shard: { type: "string" },
      merge: { type: "boolean" },
    });
    if (values.merge) return merge(context, values, positionals);
    if (positionals.length > 0) throw new UsageError(`Unexpected "${positionals[0]}".\nUsage: ${USAGE}`);
    const shard = values.shard === undefined ? undefined : parseShardOption(values.shard);
    if (shard && values.campaign)
      throw new UsageError("--shard builds a share of every campaign: it cannot be given with --campaign");
    const baseUrl = values["base-url"] === undefined ? undefined : parseBaseUrl(values["base-url"]);
    const admin = values["with-admin"] ? await import("../cms/publish.ts") : undefined;
    const backend = admin?.parseBackend(values["admin-repo"] ?? "github:OWNER/REPOSITORY");
    const campaignsDir = campaignsDirOf(context.root, values.campaigns);
    const { inShard } = await import("../build/shard.ts");
    const adminSlugs = admin
      ? (
          values.campaign ?? (await (await import("../campaign/index.ts")).listCampaigns(campaignsDir))
        ).filter((slug) => !shard || inShard(slug, shard))
      : [];
    const adminDirs: string[] = [];
    const { build } = await import("../build/build.ts");
    const result = await build({
      baseUrl,
      pseudo: values.pseudo,
      root: context.root,
      campaignsDir,
      only: values.campaign,
      shard,
      outDir: values.out ? path.resolve(values.out) : undefined,
      // The admin goes into the staged output, so it is swapped in with the pages or not at all.
      addOns:
        admin && backend
          ? async (staging) => {
              for (const slug of adminSlugs) {
                const dir = await admin.writeAdmin({
                  outDir: staging,
                  slug,
                  campaignsDir,
                  repoRoot: path.dirname(campaignsDir),
                  backend,
                });
                adminDirs.push(path.relative(staging, dir));
              }
            }
          : undefined,
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
    console.log(`Launch-day kit: ${result.kit.rendered} files made, ${result.kit.reused} reused`);
    if (baseUrl) console.log(`Published under ${baseUrl} (each campaign at ${baseUrl}<slug>/)`);
    if (shard) {
      console.log(
        `Shard ${shard.index} of ${shard.count}: ${result.campaigns.length} campaign(s); put the shards together with build --merge`,
      );
    }
    if (values.timings) {
      console.log(formatTimings(result.timings));
      console.log(formatProcessor(result.seconds, result.cpu));
    }
    for (const dir of adminDirs) {
      console.log(
        `Admin: ${path.relative(process.cwd(), path.join(result.outDir, dir))}/ (${backend?.name}: ${backend?.repo})`,
      );
    }
    return 0;
  });
}

const USAGE =
  "campaign build [--campaign <slug>…] [--out <dir>] [--base-url <url>] [--timings] [--shard k/n] | build --merge <dirs…> [--out <dir>]";

function parseShardOption(text: string) {
  const spec = parseShard(text);
  if (!spec)
    throw new UsageError(
      `--shard: expected k/n with 1 ≤ k ≤ n, such as 2/4 (the second of four), got "${text}"; give each of n machines its own k from 1 to n`,
    );
  return spec;
}

/** `build --merge <dirs…>`: the shards' outputs put together into one site. */
async function merge(
  context: CommandContext,
  values: { out?: string; campaign?: string[]; shard?: string; "base-url"?: string; timings?: boolean },
  dirs: string[],
): Promise<number> {
  if (dirs.length === 0) throw new UsageError(`--merge: name the shards' output folders.\nUsage: ${USAGE}`);
  if (values.campaign || values.shard || values["base-url"])
    throw new UsageError(
      "--merge takes the shards as they were built: give --campaign, --shard and --base-url to the shards",
    );
  const { mergeShards } = await import("../build/merge.ts");
  const result = await mergeShards({
    root: context.root,
    dirs,
    outDir: values.out ? path.resolve(values.out) : undefined,
  });
  printWarnings(result.warnings);
  const where = `${path.relative(process.cwd(), result.outDir) || "."}/`;
  console.log(
    `Merged ${result.shards} shard(s), ${result.campaigns} campaign(s), into ${where} in ${result.seconds.toFixed(1)} s`,
  );
  return 0;
}

/** "Processor: 1.86 cores busy on average (186 % of one core; 2 cores, 2 lanes)". */
export function formatProcessor(
  seconds: number,
  cpu: { seconds: number; cores: number; lanes: number },
): string {
  const share = seconds > 0 ? cpu.seconds / seconds : 0;
  return `Processor: ${share.toFixed(2)} cores busy on average (${(100 * share).toFixed(0)} % of one core over ${seconds.toFixed(1)} s; ${cpu.cores} core${cpu.cores === 1 ? "" : "s"}, ${cpu.lanes} lane${cpu.lanes === 1 ? "" : "s"})`;
}

/** The address the output folder will be served at: absolute http(s), ending in "/". */
export function parseBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(
      `--base-url: "${text}" is not an absolute address; expected something like https://staging.example.org/`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new UsageError(`--base-url: "${text}" must start with https:// or http://`);
  }
  if (url.search || url.hash) {
    throw new UsageError(
      `--base-url: "${text}" must not have a query (?) or fragment (#); give the folder's address`,
    );
  }
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}
