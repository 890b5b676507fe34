/**
 * `new <slug> [--from <slug>] [--date <day>] [--template <name>]`: a campaign folder from a
 * template's starter, or next year's edition of an existing campaign (see next-edition.ts).
 * Written to a temporary folder and renamed, so a failure never leaves half a campaign behind.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { listCampaigns, SLUG } from "../campaign/index.ts";
import { JSON_SCHEMA_FILE } from "../campaign/json-schema.ts";
import { isoDate } from "../campaign/schema.ts";
import { today, type YearMention } from "../campaign/year-mentions.ts";
import { knownTemplates, resolveLayers } from "../layers/lookup.ts";
import { formatProblem } from "../problems/problem.ts";
import { commandLine, GENERATOR_ROOT, projectPaths } from "../project/paths.ts";
import {
  movedSlug,
  prepareNextEdition,
  sameDayIn,
  starterFor,
  yearInPlaceOf,
  yearOf,
} from "./next-edition.ts";

export class ScaffoldError extends Error {
  override name = "ScaffoldError";
}

export interface ScaffoldOptions {
  root: string;
  /** Where campaigns live; default <root>/campaigns. */
  campaignsDir?: string;
  /** The new campaign's name; with `from`, default: the source's name with its year moved. */
  slug?: string;
  /** Existing campaign to copy as next year's edition; default: the template's starter. */
  from?: string;
  /** With `from`: the new edition's day, YYYY-MM-DD; default: the same day a year later. */
  date?: string;
  /** The template to start from (its starter) and to set in campaign.yaml. */
  template?: string;
}

export interface ScaffoldResult {
  dir: string;
  slug: string;
  /** With `from`: the new edition's date. */
  date?: string;
  /** With `from`: the old year's remaining mentions in the copied content files. */
  mentions: YearMention[];
}

export async function scaffold({
  root,
  from,
  template,
  ...options
}: ScaffoldOptions): Promise<ScaffoldResult> {
  const { templatesDir } = projectPaths(root);
  const campaignsDir = options.campaignsDir ?? projectPaths(root).campaignsDir;
  if (template) await checkTemplate(templatesDir, template);
  const edition = from ? await planEdition(campaignsDir, from, options.slug, options.date) : undefined;
  if (!from && options.date)
    throw new ScaffoldError("--date goes with --from: the date of next year's edition");
  const slug = options.slug ?? edition?.slug;
  if (!slug)
    throw new ScaffoldError(
      `Expected the new campaign's name: ${commandLine("new", "<slug> [--from <slug>]")}`,
    );
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
  const source = from ? path.join(campaignsDir, from) : await starterFor(templatesDir, template ?? "default");
  const temporary = path.join(campaignsDir, `.${slug}.creating-${process.pid}`);
  await fs.mkdir(campaignsDir, { recursive: true });
  let mentions: YearMention[] = [];
  try {
    await fs.cp(source, temporary, { recursive: true, errorOnExist: true, force: false });
    const settings = path.join(temporary, "campaign.yaml");
    if (from && edition) {
      await renameInUrl(settings, from, slug);
      mentions = await prepareNextEdition(temporary, edition.fromYear, edition.date);
    }
    if (template) await setTemplate(settings, template);
    await pointAtSchema(settings, target);
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { recursive: true, force: true });
    throw error;
  }
  // Mentions were found in the temporary folder: name the files where they now are.
  const moved = mentions.map((mention) => ({
    ...mention,
    file: path.join(target, path.relative(temporary, mention.file)),
  }));
  return { dir: target, slug, date: edition?.date, mentions: moved };
}

/** The next edition's name and date, from the source campaign's date. */
async function planEdition(campaignsDir: string, from: string, slug?: string, date?: string) {
  const existing = await listCampaigns(campaignsDir);
  if (!existing.includes(from)) {
    throw new ScaffoldError(
      `no campaign "${from}" to copy; existing campaigns: ${existing.join(", ") || "none"}`,
    );
  }
  const settings = await fs.readFile(path.join(campaignsDir, from, "campaign.yaml"), "utf8");
  const sourceDate = /^date:\s*["']?(\d{4}-\d{2}-\d{2})["']?\s*(?:#.*)?$/m.exec(settings)?.[1];
  if (!sourceDate || !isoDate.safeParse(sourceDate).success) {
    throw new ScaffoldError(
      `campaigns/${from}/campaign.yaml has no readable date (date: YYYY-MM-DD); fix it (${commandLine("check")}) or give --date`,
    );
  }
  const fromYear = yearOf(sourceDate);
  if (date !== undefined && !isoDate.safeParse(date).success) {
    throw new ScaffoldError(
      `--date ${date}: expected a real day written YYYY-MM-DD, such as ${sameDayIn(sourceDate)}`,
    );
  }
  // A name that moves the source's year (blue-heart-2025-be from blue-heart-2023-be) says which year.
  const named = slug ? yearInPlaceOf(slug, from, fromYear) : undefined;
  const nextDate = date ?? sameDayIn(sourceDate, named ?? fromYear + 1);
  const nextSlug = slug ?? movedSlug(from, fromYear, yearOf(nextDate));
  if (!nextSlug) {
    throw new ScaffoldError(
      `"${from}" has no year in its name to move; give the new campaign's name: ${commandLine("new", `<slug> --from ${from}`)}`,
    );
  }
  return { slug: nextSlug, date: nextDate, fromYear };
}

async function checkTemplate(templatesDir: string, template: string): Promise<void> {
  const known = knownTemplates(templatesDir);
  if (!known.includes(template)) {
    throw new ScaffoldError(`no template "${template}"; the templates are: ${known.join(", ")}`);
  }
  // A template whose chain of layers does not resolve names its template.json.
  const { problems } = resolveLayers(templatesDir, template);
  if (problems.length > 0) {
    throw new ScaffoldError(problems.map((problem) => formatProblem(problem)).join("\n"));
  }
}

async function setTemplate(file: string, template: string): Promise<void> {
  const text = await fs.readFile(file, "utf8");
  const line = `template: ${template}`;
  const updated = /^template:.*$/m.test(text)
    ? text.replace(/^template:.*$/m, line)
    : text.replace(/^(languages:.*)$/m, `$1\n${line}`);
  await fs.writeFile(
    file,
    updated === text && !text.includes(line) ? `${text.trimEnd()}\n${line}\n` : updated,
  );
}

/**
 * The editor hint on campaign.yaml's first line names the JSON Schema by a relative path: made
 * right for where the campaign is, in this repository or in a project that depends on the
 * generator (node_modules/…/schema/).
 */
async function pointAtSchema(file: string, campaignDir: string): Promise<void> {
  const text = await fs.readFile(file, "utf8");
  const relative = path
    .relative(campaignDir, path.join(GENERATOR_ROOT, JSON_SCHEMA_FILE))
    .split(path.sep)
    .join("/");
  const updated = text.replace(/^(# yaml-language-server: \$schema=)\S*/m, `$1${relative}`);
  if (updated !== text) await fs.writeFile(file, updated);
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

/** What `new` prints: what was made, the old year's remaining mentions, the next steps. */
export function scaffoldReport(
  result: ScaffoldResult,
  from?: string,
  cwd = process.cwd(),
  on: string = today(),
): string {
  const relative = path.relative(cwd, result.dir);
  const lines = [`Created ${relative}/${from ? ` from campaigns/${from}, dated ${result.date}` : ""}.`];
  if (from) {
    if (result.date && result.date < on) {
      lines.push(
        "",
        `That day, ${result.date}, has already passed: set the coming edition's date in ${relative}/campaign.yaml (date:), or make the copy again with --date YYYY-MM-DD.`,
      );
    }
    lines.push("", "Its content is marked reviewed: false until a fluent speaker checks the new edition.");
    if (result.mentions.length > 0) {
      lines.push(`The old year still appears in the content (${result.mentions.length} time(s)); update it:`);
      for (const mention of result.mentions) {
        lines.push(`  ${path.relative(cwd, mention.file)}:${mention.line}  ${mention.text}`);
      }
    }
  }
  lines.push(
    "",
    "Next steps:",
    `  1. Open the editor, ${commandLine("edit")}, and choose the campaign; or edit its files by hand:`,
    `     ${relative}/campaign.yaml (date, address, languages, theme, hotlines, partners) and`,
    `     ${relative}/content/page.<language>.md, one per language (title, tagline, description, body).`,
    `  2. Name shared partners by id (assets/partners.yaml) or put their logos in ${relative}/logos/.`,
    `  3. See the pages as you go: ${commandLine("serve")}`,
    `  4. Before publishing, list what is left to do: ${commandLine("check", `--publish --campaign ${result.slug}`)}`,
    `  5. Build the site: ${commandLine("build", `--campaign ${result.slug}`)}`,
  );
  return lines.join("\n");
}
