/**
 * The command line: check · build · new · serve. Problems in campaign files are printed one per
 * line and exit with code 1; stack traces appear only with --debug.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "./build.ts";
import { CampaignError, formatProblem, loadCampaigns, type Problem } from "./campaign/index.ts";
import { coverageIsComplete, formatCoverage, translationCoverage } from "./i18n/coverage.ts";
import { ScaffoldError, scaffold } from "./scaffold.ts";
import { serve } from "./serve.ts";
import { projectPaths } from "./site/plugin.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const USAGE = `Usage: campaign <command> [options]

Commands:
  check [--campaign <slug>] [--translations]
                                  validate campaigns without building; with
                                  --translations, a table of each language's status
  build [--campaign <slug>] [--out <dir>] [--pseudo]
                                  build the sites into _site/ (or --out); --pseudo
                                  adds the layout-test languages en-XA and ar-XB
  new <slug> [--from <slug>]      create a campaign from the starter or an existing one
  serve [--port <n>]              preview on localhost with live reload
  translations export|export-ui|import
                                  XLIFF 2.0 for translators (see: translations --help)

Options:
  --campaigns <dir>               the folder of campaigns (default: campaigns/)
  --debug                         show stack traces
  --help                          show this help`;

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === "translations")
    return (await import("./commands/translations.ts")).run(argv.slice(1), { root: ROOT });
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  const [command, ...rest] = positionals;
  const campaignsDir = path.resolve(values.campaigns ?? projectPaths(ROOT).campaignsDir);
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  try {
    switch (command) {
      case "check":
        return values.translations
          ? await checkTranslations(campaignsDir, values.campaign)
          : await check(campaignsDir, values.campaign);
      case "build":
        return await runBuild(campaignsDir, values.campaign, values.out, values.pseudo);
      case "new":
        return await runNew(campaignsDir, rest[0], values.from);
      case "serve":
        await serve({ root: ROOT, port: values.port ? Number(values.port) : 8080 });
        return 0;
      default:
        console.error(`Unknown command "${command}".\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    return report(error, values.debug ?? false);
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      campaign: { type: "string", multiple: true },
      campaigns: { type: "string" },
      translations: { type: "boolean" },
      pseudo: { type: "boolean" },
      out: { type: "string" },
      from: { type: "string" },
      port: { type: "string" },
      debug: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}

async function check(campaignsDir: string, only?: string[]): Promise<number> {
  const { templatesDir, cacheDir } = projectPaths(ROOT);
  const campaigns = await loadCampaigns(campaignsDir, { templatesDir, cacheDir, only });
  printWarnings(campaigns.flatMap((campaign) => campaign.warnings));
  for (const campaign of campaigns) {
    console.log(
      `✓ ${campaign.slug}: ${campaign.languages.length} languages (${campaign.languages.join(", ")}), ${campaign.hotlines.length} hotline(s), ${campaign.partners.length} partner(s)`,
    );
  }
  console.log(`${campaigns.length} campaign(s) valid.`);
  return 0;
}

async function checkTranslations(campaignsDir: string, only?: string[]): Promise<number> {
  const paths = projectPaths(ROOT);
  const coverage = await translationCoverage(campaignsDir, { ...paths, only });
  console.log(formatCoverage(coverage));
  if (coverageIsComplete(coverage)) {
    console.log("Every language has its content, complete UI strings and share images that fit.");
    return 0;
  }
  console.error("Something required is missing (✗ above).");
  return 1;
}

async function runBuild(
  campaignsDir: string,
  only?: string[],
  out?: string,
  pseudo?: boolean,
): Promise<number> {
  const result = await build({
    root: ROOT,
    pseudo,
    campaignsDir,
    only,
    outDir: out ? path.resolve(out) : undefined,
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
}

async function runNew(campaignsDir: string, slug: string | undefined, from?: string): Promise<number> {
  if (!slug)
    throw new ScaffoldError("Expected the new campaign's name: npm run new -- <slug> [--from <slug>]");
  const created = await scaffold({ root: ROOT, campaignsDir, slug, from });
  const relative = path.relative(process.cwd(), created);
  console.log(`Created ${relative}/${from ? ` from campaigns/${from}` : ""}.

Next steps:
  1. Edit ${relative}/campaign.yaml: date, url, languages, theme, hotlines, partners.
  2. Write one file per language in ${relative}/content/ (title, tagline, description, body).
  3. Put partner logos in ${relative}/logos/.
  4. Run: npm run check -- --campaign ${slug}
  5. Preview: npm start    Build: npm run build -- --campaign ${slug}`);
  return 0;
}

function printWarnings(warnings: Problem[]): void {
  for (const warning of warnings) console.warn(`warning: ${formatProblem(warning)}`);
}

function report(error: unknown, debug: boolean): number {
  if (error instanceof CampaignError) {
    for (const problem of error.problems) console.error(formatProblem(problem));
    const count = error.problems.length;
    console.error(`\n${count} problem${count === 1 ? "" : "s"} found; nothing was built.`);
  } else if (error instanceof ScaffoldError) {
    console.error(error.message);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Build failed: ${message}`);
    if (!debug) console.error("Run again with --debug for details.");
  }
  if (debug && error instanceof Error) console.error(error.stack);
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
