/**
 * Reads a campaign folder, validates everything once and returns a typed, defaulted Campaign.
 * Every problem in the folder is collected and thrown together as one CampaignError, so a person
 * fixes them in one pass. Nothing downstream reads campaign files again.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { missingKeys } from "../i18n/strings.ts";
import { loadWording, type Wording } from "../i18n/wording.ts";
import { CampaignError, type Problem } from "../problems/problem.ts";
import { type Content, parseContent } from "./content.ts";
import { CONTENT_DIR, contentFile, contentRelative, migrationHint } from "./content-files.ts";
import { contrastFailures, formatRatio } from "./contrast.ts";
import { CAMPAIGN_FILE } from "./files.ts";
import { type Hotline, parseHotline } from "./hotline.ts";
import { checkHotlineDetails } from "./hotline-details.ts";
import { checkLogo, type ImageCheck, unsafeLogoParts } from "./logos.ts";
import {
  assetsDirFor,
  findSharedPartner,
  loadSharedPartners,
  type PartnerInput,
  partnerNames,
} from "./partners.ts";
import { type CampaignFile, campaignFileSchema, languageTag, type Theme } from "./schema.ts";
import { templateProblems } from "./template.ts";
import { validate } from "./validate.ts";
import { cutTextProblems } from "./yaml-messages.ts";
import { parseYaml, type YamlSource } from "./yaml-source.ts";

export { CAMPAIGN_FILE };

export interface Partner {
  name: string;
  /** The name in each of the campaign's languages (logo alt text). */
  names: Record<string, string>;
  /** Absolute path of the logo file, checked to be inside the campaign folder and readable. */
  logo: string;
  url?: string;
  /** The id of a partner of assets/partners.yaml, and where it is declared there. */
  id?: string;
  declaredIn?: { file: string; line?: number };
  /** The logo is a stand-in mark (`placeholder: true`). */
  placeholder?: boolean;
  /** The languages the partner has a name of its own in (`names`). */
  namedIn?: string[];
}

export interface Campaign {
  slug: string;
  /** Absolute path of the campaign folder. */
  dir: string;
  date: string;
  /** The published address, always ending in "/". */
  url: string;
  /** BCP 47 tags in the campaign's order; the first is the default. */
  languages: string[];
  defaultLanguage: string;
  template: string;
  theme: Theme;
  hotlines: Hotline[];
  emergencyNumber: string;
  partners: Partner[];
  exitUrl: string;
  /** E-mail address for accessibility problems. */
  contact?: string;
  /** The words of each language, keyed by tag. */
  content: Record<string, Content>;
  /** UI strings the campaign words its own way, per language (strings/<lang>.json). */
  wording: Wording;
  /** Things made safe rather than refused (such as scripts in an SVG logo), for the build log. */
  warnings: Problem[];
  /** Readiness items checked and meant as they are (campaign.yaml `accepted:`). */
  accepted?: string[];
  /** Hash of the folder's files and the generator, when loaded through the memo. */
  fingerprint?: string;
}

export interface LoadOptions {
  /** Folder holding one folder per template (templates/). */
  templatesDir: string;
  /** Shared partners and their logos (assets/); default: the assets/ beside templatesDir. */
  assetsDir?: string;
  /**
   * Decodes a logo to prove it readable (images/check.ts, which draws with sharp): given by the
   * commands that build or check. Without it, logos are checked as paths and kinds only.
   */
  checkImage?: ImageCheck;
}

export async function loadCampaign(dir: string, options: LoadOptions): Promise<Campaign> {
  const folder = path.resolve(dir);
  const file = path.join(folder, CAMPAIGN_FILE);
  const text = await readText(file);
  if (typeof text !== "string") throw new CampaignError([text]);

  const yaml = parseYaml(text, file);
  if (!yaml.ok) throw new CampaignError(yaml.problems);
  const checked = validate(campaignFileSchema, yaml.source, file);
  const cut = cutTextProblems(yaml.source, file);
  if (!checked.ok) {
    // The content files are still checked when the language list itself is readable, so that
    // one pass shows every problem of the folder.
    const languages = (yaml.source.value as { languages?: unknown }).languages;
    const readable = Array.isArray(languages) && languages.every((tag) => languageTag.safeParse(tag).success);
    const problems = [...cut, ...checked.problems];
    if (readable) await loadContent(folder, languages as string[], problems);
    throw new CampaignError(sortProblems(problems));
  }
  const settings = checked.value;
  const at = (...keyPath: (string | number)[]) => ({ file, line: yaml.source.lineOf(keyPath) });

  const problems: Problem[] = [...cut];
  problems.push(...checkLanguages(settings, yaml.source, file));
  problems.push(...checkTheme(settings.theme, yaml.source, file));

  const hotlines: Hotline[] = [];
  settings.hotlines.forEach((input, index) => {
    const result = parseHotline(input);
    const checked = checkHotlineDetails(input);
    for (const { key, message } of checked.problems)
      problems.push({ ...at("hotlines", index, key), key: `hotlines[${index}].${key}`, message });
    if (result.ok) hotlines.push({ ...result.hotline, details: checked.details });
    else
      problems.push({
        ...at("hotlines", index, "number"),
        key: `hotlines[${index}].number`,
        message: result.message,
      });
  });

  problems.push(...templateProblems(options.templatesDir, settings.template, at("template")));

  const partners: Partner[] = [];
  const warnings: Problem[] = [];
  const shared = settings.partners.some((entry) => typeof entry === "string")
    ? await loadSharedPartners(options.assetsDir ?? assetsDirFor(options.templatesDir))
    : undefined;
  if (Array.isArray(shared)) problems.push(...shared);
  await Promise.all(
    settings.partners.map(async (entry, index) => {
      let partner: PartnerInput = entry as PartnerInput;
      let logoFolder = folder;
      let logoAt = { ...at("partners", index, "logo"), key: `partners[${index}].logo` };
      if (typeof entry === "string") {
        if (!shared || Array.isArray(shared)) return;
        const found = findSharedPartner(entry, shared);
        if ("message" in found) {
          problems.push({ ...at("partners", index), key: `partners[${index}]`, message: found.message });
          return;
        }
        partner = found;
        logoFolder = shared.dir;
        logoAt = { file: shared.file, line: found.line, key: `${found.id}.logo` };
      }
      const { name, url } = partner;
      const logo = await checkLogo(logoFolder, partner.logo, options.checkImage);
      if (typeof logo === "string") {
        partners[index] = {
          name,
          names: partnerNames(partner, settings.languages),
          logo,
          url,
          ...(typeof entry === "string"
            ? { id: entry, declaredIn: { file: logoAt.file, line: logoAt.line } }
            : {}),
          ...(partner.placeholder ? { placeholder: true } : {}),
          ...(partner.names ? { namedIn: Object.keys(partner.names) } : {}),
        };
        const unsafe = await unsafeLogoParts(logo);
        if (unsafe.length > 0) {
          warnings.push({
            ...logoAt,
            message: `the SVG contains ${unsafe.join(", ")}; removed: only a raster image drawn from it is published`,
          });
        }
      } else problems.push({ ...logoAt, message: logo.message });
    }),
  );

  const content = await loadContent(folder, settings.languages, problems);
  const wording = await loadWording(folder, settings.languages, problems);

  if (problems.length > 0) throw new CampaignError(sortProblems(problems));
  return {
    slug: path.basename(folder),
    dir: folder,
    date: settings.date,
    url: settings.url.endsWith("/") ? settings.url : `${settings.url}/`,
    languages: settings.languages,
    defaultLanguage: settings.languages[0],
    template: settings.template,
    theme: settings.theme,
    hotlines,
    emergencyNumber: settings.emergencyNumber,
    partners,
    exitUrl: settings.exitUrl,
    contact: settings.contact,
    ...(settings.accepted ? { accepted: settings.accepted } : {}),
    content,
    wording,
    warnings,
  };
}

/**
 * The campaign with the words of some of its languages read and checked again, when nothing else
 * of its folder changed (the preview, on a save of content/page.<lang>.md): each language's words
 * are checked on their own, so the rest of the campaign stands as it was checked.
 */
export async function reloadContent(campaign: Campaign, languages: string[]): Promise<Campaign> {
  const problems: Problem[] = [];
  const content = await loadContent(campaign.dir, languages, problems);
  if (problems.length > 0) throw new CampaignError(sortProblems(problems));
  const { fingerprint: _stale, ...rest } = campaign;
  return { ...rest, content: { ...campaign.content, ...content } };
}

function checkLanguages(settings: CampaignFile, source: YamlSource, file: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  settings.languages.forEach((tag, index) => {
    const key = `languages[${index}]`;
    const line = source.lineOf(["languages", index]);
    let canonical: string;
    try {
      [canonical] = Intl.getCanonicalLocales(tag);
    } catch {
      problems.push({ file, line, key, message: `"${tag}" is not a valid BCP 47 language tag` });
      return;
    }
    const first = seen.get(canonical.toLowerCase());
    if (first !== undefined) {
      problems.push({
        file,
        line,
        key,
        message: `"${tag}" is listed twice (also languages[${first}]); remove one`,
      });
      return;
    }
    seen.set(canonical.toLowerCase(), index);
    const missing = missingKeys(tag);
    if (missing.length > 0) {
      const shown =
        missing.slice(0, 5).join(", ") + (missing.length > 5 ? `, and ${missing.length - 5} more` : "");
      problems.push({
        file,
        line,
        key,
        message: `no complete UI strings for "${tag}" (missing ${shown}); add src/i18n/strings/${new Intl.Locale(tag).language}.json`,
      });
    }
  });
  return problems;
}

function checkTheme(theme: Theme, source: YamlSource, file: string): Problem[] {
  return contrastFailures(theme).map(({ pair, ratio }) => ({
    file,
    line: source.lineOf(["theme", pair.foreground]),
    key: `theme.${pair.foreground}`,
    message: `contrast of ${theme[pair.foreground]} on theme.${pair.background} ${theme[pair.background]} is ${formatRatio(ratio)}:1, needs at least ${pair.needed}:1 for ${pair.use}. ${pair.fix}`,
  }));
}

/** Reads and validates content/page.<lang>.md for every language; problems are added to `problems`. */
async function loadContent(
  folder: string,
  languages: string[],
  problems: Problem[],
): Promise<Record<string, Content>> {
  const content: Record<string, Content> = {};
  await Promise.all(
    languages.map(async (lang) => {
      const file = contentFile(folder, lang);
      const contentText = await readText(
        file,
        `one Markdown file per language in languages; create ${contentRelative(lang)} (copy ${contentRelative(languages[0])} and translate it)`,
      );
      if (typeof contentText !== "string") {
        const old = await fs.stat(path.join(folder, CONTENT_DIR, `${lang}.md`)).catch(() => undefined);
        return problems.push(old ? { file, message: migrationHint(lang) } : contentText);
      }
      const parsed = parseContent(contentText, file, lang);
      if (parsed.ok) content[lang] = parsed.content;
      else problems.push(...parsed.problems);
    }),
  );
  return content;
}

/** The file's text, or a problem when it is missing, unreadable or not UTF-8. */
async function readText(file: string, hint = "is the folder a campaign?"): Promise<string | Problem> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    return { file, message: `file not found; ${hint}` };
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { file, message: "file is not UTF-8 text; save it again as UTF-8" };
  }
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.key ?? "").localeCompare(b.key ?? ""),
  );
}
