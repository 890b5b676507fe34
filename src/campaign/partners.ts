/**
 * Partners many campaigns share, declared once in assets/partners.yaml with their logos under
 * assets/partners/. A campaign lists them by id (`partners: [payoke, pag-asa]`), mixed with
 * inline entries; names may differ per language ("FPS Justice", "SPF Justice", "FOD Justitie").
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { writtenIn } from "../i18n/languages.ts";
import type { Problem } from "../problems/problem.ts";
import { closest } from "../problems/suggest.ts";
import { type partnerSchema, sharedPartnersFileSchema } from "./schema.ts";
import { validate } from "./validate.ts";
import { cutTextProblems } from "./yaml-messages.ts";
import { parseYaml } from "./yaml-source.ts";

export const SHARED_PARTNERS_FILE = "partners.yaml";

export type PartnerInput = z.output<typeof partnerSchema>;

export interface SharedPartner extends PartnerInput {
  id: string;
  /** Line of the entry in partners.yaml, for problems with its logo. */
  line?: number;
}

export interface SharedPartners {
  /** Folder the logos' paths are relative to (assets/). */
  dir: string;
  file: string;
  byId: Map<string, SharedPartner>;
}

/** The assets/ folder beside templates/. */
export function assetsDirFor(templatesDir: string): string {
  return path.resolve(templatesDir, "..", "assets");
}

/** Reads assets/partners.yaml; a missing file means no shared partners. */
export async function loadSharedPartners(assetsDir: string): Promise<SharedPartners | Problem[]> {
  const file = path.join(assetsDir, SHARED_PARTNERS_FILE);
  const empty: SharedPartners = { dir: assetsDir, file, byId: new Map() };
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch {
    return empty;
  }
  const yaml = parseYaml(text, file);
  if (!yaml.ok) return yaml.problems;
  const checked = validate(sharedPartnersFileSchema, yaml.source, file);
  const cut = cutTextProblems(yaml.source, file);
  if (!checked.ok) return [...cut, ...checked.problems];
  const problems: Problem[] = [...cut];
  checked.value.partners.forEach((partner, index) => {
    const line = yaml.source.lineOf(["partners", index, "id"]);
    const first = empty.byId.get(partner.id);
    if (first) {
      problems.push({
        file,
        line,
        key: `partners[${index}].id`,
        message: `"${partner.id}" is declared twice (also line ${first.line}); give each partner one entry`,
      });
    } else empty.byId.set(partner.id, { ...partner, line });
  });
  return problems.length > 0 ? problems : empty;
}

/** The partner an id names, or a problem suggesting the closest known id. */
export function findSharedPartner(id: string, shared: SharedPartners): SharedPartner | { message: string } {
  const found = shared.byId.get(id);
  if (found) return found;
  const known = [...shared.byId.keys()];
  const suggestion = closest(id, known);
  const where = path.join("assets", SHARED_PARTNERS_FILE);
  if (known.length === 0) {
    return {
      message: `unknown partner "${id}": ${where} declares no partners; declare it there, or write the partner inline with name and logo`,
    };
  }
  return {
    message: suggestion
      ? `unknown partner "${id}" in ${where}; did you mean "${suggestion}"?`
      : `unknown partner "${id}" in ${where}; known ids: ${known.sort().join(", ")}`,
  };
}

/** The partner's name in every language of the campaign: exact tag, then its language, then `name`. */
export function partnerNames(partner: PartnerInput, languages: readonly string[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const tag of languages) {
    const language = new Intl.Locale(tag).language;
    names[tag] = partner.names?.[tag] ?? partner.names?.[language] ?? partner.name;
  }
  return names;
}

/**
 * A partner's name as a page in `tag` shows it, with the language that name is in when it is not
 * `tag`'s own: a name written in another script than the language's (a Latin name on an Arabic
 * page) is in the first of the campaign's languages, the default first, that shows the same name
 * and writes that script ("FPS Justice", the English name, on a campaign in French, Dutch,
 * German, English and Arabic), or else in the default language.
 */
export function partnerNameIn(
  partner: { name: string; names: Record<string, string> },
  tag: string,
  languages: readonly string[],
): { name: string; lang?: string } {
  const name = partner.names[tag] ?? partner.name;
  if (writtenIn(name, tag)) return { name };
  const lang = languages.find((other) => partner.names[other] === name && writtenIn(name, other));
  return { name, lang: lang ?? languages[0] };
}
