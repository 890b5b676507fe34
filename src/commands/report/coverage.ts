/**
 * `check --translations`: for each campaign, a table of its languages: content present, UI
 * strings complete, reviewed by a fluent speaker (UI strings and content), share images and
 * posters fit.
 * Unlike the loader it does not stop at the first missing file: it shows what is there.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parseContent } from "../../campaign/content.ts";
import { contentFile, contentRelative } from "../../campaign/content-files.ts";
import { listCampaigns, type Problem } from "../../campaign/index.ts";
import {
  assetsDirFor,
  findSharedPartner,
  loadSharedPartners,
  type PartnerInput,
  partnerNames,
} from "../../campaign/partners.ts";
import { type CampaignFile, campaignFileSchema } from "../../campaign/schema.ts";
import { validate } from "../../campaign/validate.ts";
import { parseYaml } from "../../campaign/yaml-source.ts";
import { endonym, formatDate, textDirection } from "../../i18n/languages.ts";
import { missingKeys, translator, uiStrings } from "../../i18n/strings.ts";
import { loadWording, overriddenKeys } from "../../i18n/wording.ts";
import { loadKitDesign } from "../../kit/design.ts";
import { posterWordProblems } from "../../kit/index.ts";
import { commandLine } from "../../project/paths.ts";
import { languagePath } from "../../site/urls.ts";
import { loadDesign } from "../../social/design.ts";
import { glyphProblems, planShareImages, renderShareImages } from "../../social/index.ts";

export interface LanguageCoverage {
  tag: string;
  name: string;
  content: boolean;
  contentReviewed: boolean;
  uiComplete: boolean;
  uiReviewed: boolean;
  /** undefined when there is nothing to draw (no content or no strings). */
  imagesFit?: boolean;
  /** The title and tagline fit the posters; undefined as for images, or when the template has no poster. */
  postersFit?: boolean;
  notes: string[];
}

export interface CampaignCoverage {
  slug: string;
  /** Set when campaign.yaml itself cannot be read; run `check` for the details. */
  error?: string;
  languages: LanguageCoverage[];
}

/** The campaign's partners as written: shared ones looked up in assets/partners.yaml. */
async function partnerInputs(
  entries: CampaignFile["partners"],
  templatesDir: string,
): Promise<PartnerInput[]> {
  const shared = entries.some((entry) => typeof entry === "string")
    ? await loadSharedPartners(assetsDirFor(templatesDir))
    : undefined;
  return entries.flatMap((entry) => {
    if (typeof entry !== "string") return [entry];
    if (!shared || Array.isArray(shared)) return [];
    const found = findSharedPartner(entry, shared);
    return "message" in found ? [] : [found];
  });
}

export async function translationCoverage(
  campaignsDir: string,
  options: { templatesDir: string; cacheDir: string; only?: string[] },
): Promise<CampaignCoverage[]> {
  const slugs = options.only ?? (await listCampaigns(campaignsDir));
  const result: CampaignCoverage[] = [];
  for (const slug of slugs) {
    const file = path.join(campaignsDir, slug, "campaign.yaml");
    const text = await fs.readFile(file, "utf8").catch(() => "");
    const yaml = parseYaml(text, file);
    const checked = yaml.ok ? validate(campaignFileSchema, yaml.source, file) : yaml;
    if (!checked.ok) {
      result.push({ slug, error: `campaign.yaml has problems; run ${commandLine("check")}`, languages: [] });
      continue;
    }
    const settings = checked.value;
    const design = await loadDesign(path.join(options.templatesDir, settings.template)).catch(
      () => undefined,
    );
    const kitDesign = await loadKitDesign(path.join(options.templatesDir, settings.template)).catch(
      () => undefined,
    );
    const languages: LanguageCoverage[] = [];
    const wording = await loadWording(path.join(campaignsDir, slug), settings.languages, []);
    const partners = await partnerInputs(settings.partners, options.templatesDir);
    for (const tag of settings.languages) {
      const notes: string[] = [];
      const overridden = overriddenKeys(wording[tag]);
      if (overridden.length > 0) notes.push(`campaign wording for ${overridden.join(", ")}`);
      // A partner named per language but not in this one shows its own name (its logo's alt text).
      const unnamed = partners.filter(
        (partner) =>
          partner.names && partnerNames(partner, [tag])[tag] === partner.name && !partner.names[tag],
      );
      if (unnamed.length > 0)
        notes.push(`no name in ${tag} for ${unnamed.map((partner) => partner.name).join(", ")}`);
      const file = contentFile(path.join(campaignsDir, slug), tag);
      const raw = await fs.readFile(file, "utf8").catch(() => undefined);
      const parsed = raw === undefined ? undefined : parseContent(raw, file, tag);
      if (!parsed) notes.push(`${contentRelative(tag)} missing`);
      else if (!parsed.ok) notes.push(`${contentRelative(tag)} has problems`);
      const missing = missingKeys(tag);
      if (missing.length > 0) notes.push(`${missing.length} UI strings missing`);
      const row: LanguageCoverage = {
        tag,
        name: safe(() => endonym(tag), tag),
        content: parsed?.ok === true,
        contentReviewed: parsed?.ok === true && parsed.content.reviewed,
        uiComplete: missing.length === 0,
        uiReviewed: uiStrings(tag)?.reviewed ?? false,
        notes,
      };
      if (parsed?.ok && row.uiComplete && design) {
        const jobs = planShareImages({
          slug,
          languagePath: languagePath(tag),
          lang: tag,
          dir: textDirection(tag),
          theme: settings.theme,
          title: parsed.content.title,
          tagline: parsed.content.tagline,
          dateText: formatDate(settings.date, tag),
          url: settings.url,
          hotlineLabel: translator(tag, wording[tag])("hotline.label"),
          hotlineNumber: settings.hotlines[0].number,
          logos: [],
          contentFile: file,
          design,
        });
        const glyphs = glyphProblems(jobs[0]);
        const render = glyphs.length > 0 ? undefined : await renderShareImages(jobs, options.cacheDir);
        const problems = [...glyphs, ...(render?.problems ?? [])];
        row.imagesFit = problems.length === 0;
        notes.push(...problemNotes(problems));
      }
      if (parsed?.ok && kitDesign) {
        const { title, tagline } = parsed.content;
        const dateText = formatDate(settings.date, tag);
        const words = {
          design: kitDesign.poster,
          lang: tag,
          dir: textDirection(tag),
          theme: settings.theme,
          title,
          tagline,
          dateText,
        };
        const problems = await posterWordProblems(words, file);
        row.postersFit = problems.length === 0;
        notes.push(...problemNotes(problems));
      }
      languages.push(row);
    }
    result.push({ slug, languages });
  }
  return result;
}

/** A note per problem: the field and the first clause of the message. */
function problemNotes(problems: Problem[]): string[] {
  return problems.map((problem) => `${problem.key}: ${problem.message.split(";")[0]}`);
}

/** Whether anything required (content, complete UI strings, images and posters that fit) is missing. */
export function coverageIsComplete(coverage: CampaignCoverage[]): boolean {
  return coverage.every(
    (campaign) =>
      !campaign.error &&
      campaign.languages.every(
        (row) => row.content && row.uiComplete && row.imagesFit === true && row.postersFit !== false,
      ),
  );
}

/** A Markdown table per campaign: readable in a terminal and pasteable into the README. */
export function formatCoverage(coverage: CampaignCoverage[]): string {
  const mark = (value: boolean | undefined, no = "✗") => (value === undefined ? "–" : value ? "✓" : no);
  return coverage
    .map((campaign) => {
      if (campaign.error) return `### ${campaign.slug}\n\n${campaign.error}\n`;
      const rows = campaign.languages.map((row) =>
        [
          `\`${row.tag}\` ${row.name}`,
          mark(row.content),
          mark(row.uiComplete),
          mark(row.uiReviewed, "not yet"),
          mark(row.contentReviewed, "not yet"),
          mark(row.imagesFit),
          mark(row.postersFit),
          row.notes.join("; "),
        ].join(" | "),
      );
      return [
        `### ${campaign.slug}`,
        "",
        "| language | content | UI strings complete | UI strings reviewed | content reviewed | share images fit | posters fit | notes |",
        "|---|---|---|---|---|---|---|---|",
        ...rows.map((row) => `| ${row} |`),
        "",
      ].join("\n");
    })
    .join("\n");
}

function safe<T>(get: () => T, fallback: T): T {
  try {
    return get();
  } catch {
    return fallback;
  }
}
