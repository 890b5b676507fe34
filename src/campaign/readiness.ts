/**
 * Is the site ready to publish? What a valid campaign can still hold that must not go online as
 * it is: example addresses, sample numbers, placeholder logos, a day already past, words not yet
 * checked by a fluent speaker, a year left from last year's edition, a partner named in another
 * language. Each item has a code ("example-address url") that campaign.yaml can list under
 * `accepted:` to say "checked, this one is meant" (history mentioned on purpose); accepted items
 * are listed apart, and a mark that matches nothing is itself listed, so the list stays true.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { getExampleNumber } from "libphonenumber-js";
import examples from "libphonenumber-js/mobile/examples";
import { uiStrings } from "../i18n/strings.ts";
import { contentRelative } from "./content-files.ts";
import { CAMPAIGN_FILE } from "./files.ts";
import type { Campaign } from "./load.ts";
import { parseYaml } from "./yaml-source.ts";
import { today, yearMentions } from "./year-mentions.ts";

export interface ReadinessItem {
  /** What to check and where, as campaign.yaml's `accepted:` names it. */
  code: string;
  file: string;
  line?: number;
  key?: string;
  message: string;
}

export interface Readiness {
  slug: string;
  /** What to fix before publishing (or mark as meant). */
  items: ReadinessItem[];
  /** What the campaign marks as meant. */
  accepted: ReadinessItem[];
  /** Marks under `accepted:` that match nothing any more. */
  unmatched: string[];
}

/** Reserved for examples (RFC 2606, RFC 6761) or named "example": not the site's own. */
export function isExampleHost(host: string): boolean {
  const labels = host.toLowerCase().replace(/\.$/, "").split(".");
  const top = labels[labels.length - 1];
  return ["example", "test", "invalid", "localhost"].includes(top) || labels.slice(0, -1).includes("example");
}

function exampleAddress(value: string | undefined): boolean {
  if (!value) return false;
  if (value.includes("@") && !value.includes("/")) return isExampleHost(value.split("@").pop() ?? "");
  try {
    return isExampleHost(new URL(value).hostname);
  } catch {
    return false;
  }
}

/** A run of six digits counting up or down, or the numbering plan's own example mobile number. */
export function looksLikeSampleNumber(number: string, country?: string): boolean {
  const digits = number.replace(/\D/g, "");
  if (/(?:012345|123456|234567|345678|456789|987654|876543|765432|654321|543210)/.test(digits)) return true;
  const example = country ? getExampleNumber(country as never, examples) : undefined;
  return example !== undefined && digits.endsWith(example.nationalNumber);
}

export async function readiness(campaign: Campaign, on: string = today()): Promise<Readiness> {
  const file = path.join(campaign.dir, CAMPAIGN_FILE);
  const text = await fs.readFile(file, "utf8");
  const yaml = parseYaml(text, file);
  const lineOf = (...keyPath: Array<string | number>) => (yaml.ok ? yaml.source.lineOf(keyPath) : undefined);
  const items: ReadinessItem[] = [];
  const add = (code: string, where: { file?: string; line?: number; key?: string }, message: string) =>
    items.push({ code, file: where.file ?? file, line: where.line, key: where.key, message });

  const address = (key: string, value: string | undefined, ...keyPath: Array<string | number>) => {
    if (exampleAddress(value)) {
      add(
        `example-address ${key}`,
        { line: lineOf(...keyPath), key },
        `"${value}" is an example address, not the real one; write where people will really find it`,
      );
    }
  };
  address("url", campaign.url, "url");
  address("contact", campaign.contact, "contact");
  address("exitUrl", campaign.exitUrl, "exitUrl");
  campaign.hotlines.forEach((hotline, index) => {
    const at = (field: string) => `hotlines[${index}].${field}`;
    for (const field of ["number", "sms", "whatsapp"] as const) {
      const value = field === "number" ? hotline.number : hotline.details?.[field]?.number;
      if (value && looksLikeSampleNumber(value, hotline.country)) {
        add(
          `sample-number ${at(field)}`,
          { line: lineOf("hotlines", index, field), key: at(field) },
          `"${value}" looks like a sample number (digits counting up, or the numbering plan's example); write the line's real number`,
        );
      }
    }
    address(at("email"), hotline.details?.email, "hotlines", index, "email");
    address(at("web"), hotline.details?.web, "hotlines", index, "web");
  });
  campaign.partners.forEach((partner, index) => {
    const where = partner.declaredIn ?? { file, line: lineOf("partners", index) };
    const name = partner.id ?? `partners[${index}]`;
    if (partner.placeholder) {
      add(
        `placeholder-logo ${name}`,
        where,
        `the logo of ${partner.name} is a placeholder mark; put the partner's own logo file in its place and remove "placeholder: true"`,
      );
    }
    if (exampleAddress(partner.url)) {
      add(
        `example-address ${name}.url`,
        where,
        `the address of ${partner.name}, "${partner.url}", is an example; write the partner's own`,
      );
    }
    // A partner with names in some languages is named differently per language: a language
    // without its name shows the partner's own name instead.
    if (partner.namedIn && partner.namedIn.length > 0) {
      for (const lang of campaign.languages.filter((tag) => !partner.namedIn?.includes(tag))) {
        add(
          `partner-name ${name} ${lang}`,
          where,
          `${partner.name} has no name in ${lang}: its logo's alternative text there is "${partner.name}"; add it under names, or accept it`,
        );
      }
    }
  });
  if (campaign.date < on) {
    add(
      "past-date",
      { line: lineOf("date"), key: "date" },
      `the day, ${campaign.date}, has passed; set this year's date (or accept it for an archived edition)`,
    );
  }
  for (const lang of campaign.languages) {
    const content = campaign.content[lang];
    if (!content.reviewed) {
      add(
        `unreviewed ${contentRelative(lang)}`,
        { file: content.file },
        "not yet checked by a fluent speaker (reviewed: false); have it read, then set reviewed: true",
      );
    }
  }
  // The generator's own words (buttons, the safety page), drafts until a fluent speaker signs them
  // off: one item for all the campaign's languages, as only the generator's maintainers change them.
  const drafts = campaign.languages.filter((lang) => uiStrings(lang)?.reviewed === false);
  if (drafts.length > 0) {
    add(
      "unreviewed-strings",
      { line: lineOf("languages"), key: "languages" },
      `the page's own words (buttons, the safety page) in ${drafts.join(", ")} are drafts no fluent speaker has checked yet; have them read (a campaign can word them itself in strings/<language>.json)`,
    );
  }
  const year = Number(campaign.date.slice(0, 4));
  for (const lang of campaign.languages) {
    const content = campaign.content[lang];
    const words = await fs.readFile(content.file, "utf8").catch(() => "");
    for (const mention of yearMentions(words, content.file, { except: year })) {
      // One code per year: accepting "year-mention 2016" keeps every mention of 2016, in every
      // language, wherever the lines move.
      add(
        `year-mention ${mention.year}`,
        { file: content.file, line: mention.line },
        `mentions ${mention.year}, not the campaign's year ${year}: update it if it is left from another edition, or accept it if it is history`,
      );
    }
  }

  const marks = new Set(campaign.accepted ?? []);
  const accepted = items.filter((item) => marks.has(item.code));
  const used = new Set(accepted.map((item) => item.code));
  return {
    slug: campaign.slug,
    items: items.filter((item) => !marks.has(item.code)),
    accepted,
    unmatched: [...marks].filter((mark) => !used.has(mark)),
  };
}
