/**
 * The CMS configuration, generated from the campaign schema and the campaign folders: one
 * collection of words per campaign, because each campaign has its own list of languages
 * (content/page.<lang>.md, every language side by side), and one collection of settings with a file
 * per campaign (campaign.yaml).
 *
 * Decap's "multiple_files" structure names the languages of an entry `<entry>.<lang>.md`, which
 * is how campaigns keep their words (content/page.<lang>.md, see campaign/content-files.ts): every
 * backend, local or Git host, reads and writes the files as they are, with no translation.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { CONTENT_DIR, languageOfContentFile } from "../campaign/content-files.ts";
import { listCampaigns } from "../campaign/index.ts";
import { CAMPAIGN_FILE } from "../campaign/load.ts";
import {
  campaignFileSchema,
  contentFrontMatterSchema,
  languageTag,
  sharedPartnerSchema,
} from "../campaign/schema.ts";
import { textDirection } from "../i18n/languages.ts";
import { type CmsField, type FieldOptions, fieldsOf, schemaNode } from "./fields.ts";

/** Where a shared list of partners lives, when the project has one. */
export const PARTNERS_FILE = "assets/partners.yaml";
/** The folder beside it that holds the shared partners' logos. */
const SHARED_LOGOS = "partners";

export type Backend =
  | { name: "local" }
  | { name: "github" | "gitlab"; repo: string; branch?: string; baseUrl?: string };

export interface CampaignEntry {
  slug: string;
  languages: string[];
  directions: Record<string, "ltr" | "rtl">;
}

/** Campaign folders with the languages their campaign.yaml lists (read leniently: a campaign
 * with problems stays editable so the problems can be fixed in the CMS). */
export async function campaignEntries(campaignsDir: string): Promise<CampaignEntry[]> {
  const entries: CampaignEntry[] = [];
  for (const slug of await listCampaigns(campaignsDir)) {
    let languages: string[] = [];
    try {
      const data = parse(fs.readFileSync(path.join(campaignsDir, slug, CAMPAIGN_FILE), "utf8")) as {
        languages?: unknown;
      };
      if (Array.isArray(data?.languages)) {
        languages = data.languages.filter(
          (tag): tag is string => typeof tag === "string" && languageTag.safeParse(tag).success,
        );
      }
    } catch {
      // An unreadable campaign.yaml is reported by the check; its words stay reachable below.
    }
    if (languages.length === 0) {
      const contentDir = path.join(campaignsDir, slug, CONTENT_DIR);
      languages = fs.existsSync(contentDir)
        ? fs
            .readdirSync(contentDir)
            .flatMap((name) => languageOfContentFile(name) ?? [])
            .sort()
        : [];
    }
    const directions = Object.fromEntries(languages.map((tag) => [tag, textDirection(tag)]));
    entries.push({ slug, languages, directions });
  }
  return entries;
}

export interface ConfigOptions {
  /** The folder of campaigns. */
  campaignsDir: string;
  /** The repository root the backend reads and writes paths under. */
  repoRoot: string;
  backend: Backend;
}

/** The fields of campaign.yaml, from campaignFileSchema. */
export function settingsFields(options: FieldOptions = {}): CmsField[] {
  return fieldsOf(schemaNode(campaignFileSchema), options, schemaNode(languageTag).pattern);
}

/** The fields of one partner of assets/partners.yaml, from sharedPartnerSchema. */
export function sharedPartnerFields(options: FieldOptions = {}): CmsField[] {
  return fieldsOf(schemaNode(sharedPartnerSchema), options, schemaNode(languageTag).pattern);
}

/** The languages named in assets/partners.yaml's names maps (read leniently). */
function namedLanguages(partnersFile: string): string[] {
  try {
    const data = parse(fs.readFileSync(partnersFile, "utf8")) as { partners?: Array<{ names?: unknown }> };
    return (data?.partners ?? []).flatMap((partner) =>
      partner?.names && typeof partner.names === "object" ? Object.keys(partner.names) : [],
    );
  } catch {
    return [];
  }
}

/** The fields of content/page.<lang>.md: the front matter from contentFrontMatterSchema, then the body;
 * every one translated. */
export function contentFields(): CmsField[] {
  const frontMatter = fieldsOf(schemaNode(contentFrontMatterSchema)).map((field) =>
    field.name === "description" ? { ...field, widget: "text" } : field,
  );
  const body: CmsField = {
    name: "body",
    label: "Text",
    widget: "markdown",
    hint: "The page's main text. Raw HTML is shown as text, never as markup.",
    required: true,
  };
  return [...frontMatter, body].map((field) => ({ ...field, i18n: true }));
}

export async function cmsConfig(options: ConfigOptions): Promise<Record<string, unknown>> {
  const folder = toPosix(path.relative(options.repoRoot, options.campaignsDir));
  const partnersPath = path.join(options.repoRoot, PARTNERS_FILE);
  const hasPartners = fs.existsSync(partnersPath);
  const fieldOptions: FieldOptions = hasPartners
    ? { partnersRelation: { collection: "partners", file: "partners", valueField: "partners.*.id" } }
    : {};
  const campaigns = await campaignEntries(options.campaignsDir);
  const withLanguages = campaigns.filter((campaign) => campaign.languages.length > 0);
  // Decap reads a collection's languages only when the configuration also has a global i18n.
  const allLanguages = [...new Set(withLanguages.flatMap((campaign) => campaign.languages))];
  const collections: Record<string, unknown>[] = withLanguages.map((campaign) => ({
    name: campaign.slug,
    label: `${campaign.slug}: words`,
    label_singular: `words (${campaign.languages.join(", ")})`,
    // One entry, "page", whose languages are content/page.<lang>.md.
    folder: `${folder}/${campaign.slug}/${CONTENT_DIR}`,
    format: "frontmatter",
    extension: "md",
    create: false,
    delete: false,
    identifier_field: "title",
    summary: `{{title}} (${campaign.languages.join(", ")})`,
    i18n: {
      structure: "multiple_files",
      locales: campaign.languages,
      default_locale: campaign.languages[0],
    },
    editor: { preview: true },
    fields: contentFields(),
  }));
  collections.push({
    name: "settings",
    label: "Settings (campaign.yaml)",
    format: "yaml",
    extension: "yaml",
    editor: { preview: false },
    files: campaigns.map((campaign) => ({
      name: campaign.slug,
      label: campaign.slug,
      file: `${folder}/${campaign.slug}/${CAMPAIGN_FILE}`,
      // A partner written inline has its names in this campaign's languages.
      fields: settingsFields({ ...fieldOptions, languages: campaign.languages }),
    })),
  });
  if (hasPartners) {
    collections.push({
      name: "partners",
      label: "Partners (shared list)",
      files: [
        {
          name: "partners",
          label: "Partners",
          file: PARTNERS_FILE,
          format: "yaml",
          fields: [
            {
              name: "partners",
              label: "Partners",
              widget: "list",
              summary: "{{fields.id}}",
              // Names in every campaign's languages, and in any language the file already has.
              fields: sharedPartnerFields({
                logoFolder: SHARED_LOGOS,
                languages: [...new Set([...allLanguages, ...namedLanguages(partnersPath)])],
              }),
            },
          ],
        },
      ],
    });
  }
  return {
    backend: backendConfig(options.backend),
    ...(allLanguages.length > 0
      ? { i18n: { structure: "multiple_files", locales: allLanguages, default_locale: allLanguages[0] } }
      : {}),
    media_folder: `${folder}/media`,
    publish_mode: "simple",
    collections,
  };
}

function backendConfig(backend: Backend): Record<string, unknown> {
  // The local backend (decap-server's file-system middleware) answers on the preview's own origin.
  if (backend.name === "local") return { name: "proxy", proxy_url: "/api/v1", branch: "main" };
  return {
    name: backend.name,
    repo: backend.repo,
    branch: backend.branch ?? "main",
    ...(backend.baseUrl ? { base_url: backend.baseUrl } : {}),
  };
}

function toPosix(value: string): string {
  return value.split(path.sep).join("/") || ".";
}
