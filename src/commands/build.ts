/**
 * `build`: validates every campaign (or those named with --campaign), then builds them into
 * _site/ (or --out). `--base-url <url>` publishes under another address without editing
 * campaign.yaml; `--timings` prints the time of each phase.
 */
import path from "node:path";
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
    const { values } = parseOptions(argv, {
      campaign: { type: "string", multiple: true },
      out: { type: "string" },
      "base-url": { type: "string" },
      timings: { type: "boolean" },
      pseudo: { type: "boolean" },
      "with-admin": { type: "boolean" },
      "admin-repo": { type: "string" },
    });
    const baseUrl = values["base-url"] === undefined ? undefined : parseBaseUrl(values["base-url"]);
    const admin = values["with-admin"] ? await import("../cms/publish.ts") : undefined;
    const backend = admin?.parseBackend(values["admin-repo"] ?? "github:OWNER/REPOSITORY");
    const campaignsDir = campaignsDirOf(context.root, values.campaigns);
    const adminSlugs = admin
      ? (values.campaign ?? (await (await import("../campaign/index.ts")).listCampaigns(campaignsDir)))
      : [];
    const adminDirs: string[] = [];
    const { build } = await import("../build/build.ts");
    const result = await build({
      baseUrl,
      pseudo: values.pseudo,
      root: context.root,
      campaignsDir,
      only: values.campaign,
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
    if (values.timings) console.log(formatTimings(result.timings));
    for (const dir of adminDirs) {
      console.log(
        `Admin: ${path.relative(process.cwd(), path.join(result.outDir, dir))}/ (${backend?.name}: ${backend?.repo})`,
      );
    }
    return 0;
  });
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
