/**
 * The shape of a campaign folder, in one place. The zod schemas below are the source of the
 * TypeScript types, the runtime checks and the committed JSON Schema (scripts/write-schema.ts).
 * Checks that need the file system (logos, templates, content files) live in load.ts.
 */
import { z } from "zod";
import { LANGUAGE_TAG } from "../i18n/languages.ts";
import { countryCodeMessage, languageTagMessage } from "../i18n/suggest-codes.ts";

const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  const [year, month, day] = value.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

export const isoDate = z
  .string({ error: "expected a date written YYYY-MM-DD, such as 2023-07-30" })
  .regex(ISO_DATE, { error: "expected a date written YYYY-MM-DD, such as 2023-07-30" })
  .refine(isRealDate, { error: "this date does not exist in the calendar" });

export const httpUrl = z
  .string({ error: "expected an absolute http(s) address, such as https://www.example.be/" })
  .regex(/^https?:\/\/\S+$/i, {
    error: "expected an absolute http(s) address, such as https://www.example.be/",
  })
  .refine(isHttpUrl, {
    error: "expected an absolute http(s) address, such as https://www.example.be/",
  });

const colour = z
  .string({ error: 'expected a hex colour in quotes, such as "#1d4ed8"' })
  .regex(HEX_COLOUR, { error: 'expected a hex colour such as "#1d4ed8" or "#fff"' });

export const languageTag = z
  .string({ error: "expected a language tag such as fr, nl-BE or zh-Hans" })
  .regex(LANGUAGE_TAG, { error: (issue) => languageTagMessage(issue.input) });

/** When and how else a line can be reached; checked further in hotline-details.ts. */
const hotlineDetailsShape = {
  hours: z
    .string({ error: 'expected opening hours in quotes, such as "Mo-Fr 09:00-17:00; PH off" or "24/7"' })
    .min(1)
    .optional()
    .meta({
      description: 'OpenStreetMap opening_hours syntax, such as "Mo-Fr 09:00-17:00; PH off" or "24/7".',
    }),
  timeZone: z
    .string({ error: "expected an IANA time zone such as Europe/Brussels" })
    .optional()
    .meta({ description: "IANA time zone of the hours; default: the country's time zone." }),
  languages: z
    .array(
      z
        .string({ error: "expected a language tag such as fr, nl or ti" })
        .regex(LANGUAGE_TAG, { error: (issue) => languageTagMessage(issue.input) }),
      { error: "expected a list of language tags, such as [nl, fr, en]" },
    )
    .optional()
    .meta({ description: "Languages spoken on the line, as BCP 47 tags." }),
  interpreters: z
    .boolean({ error: "expected true or false" })
    .optional()
    .meta({ description: "Whether other languages are served through an interpreter." }),
  sms: z
    .string({ error: 'expected a mobile number in quotes, such as "+32 470 12 34 56"' })
    .min(1)
    .optional()
    .meta({ description: "A mobile number that takes text messages, for an sms: link." }),
  whatsapp: z
    .string({ error: 'expected a mobile number in quotes, such as "+32 470 12 34 56"' })
    .min(1)
    .optional()
    .meta({ description: "A mobile number on WhatsApp, for a https://wa.me/ link." }),
  email: z
    .email({ error: "expected an e-mail address such as help@example.be" })
    .optional()
    .meta({ description: "An e-mail address that answers, for a mailto: link." }),
  web: httpUrl.optional().meta({ description: "A contact page or chat, http(s)." }),
};

export const hotlineSchema = z
  .object({
    number: z
      .string({ error: 'expected the phone number in quotes, such as "078 055 800"' })
      .min(1)
      .meta({ description: "Shown exactly as written." }),
    country: z
      .string({ error: "expected a two-letter country code such as BE" })
      .regex(/^[A-Z]{2}$/, {
        error: (issue) =>
          countryCodeMessage(issue.input) ?? "expected a two-letter ISO 3166-1 country code such as BE",
      })
      .meta({ description: "ISO 3166-1 alpha-2; validates the number and makes the tel: link." }),
    label: z
      .string()
      .min(1)
      .optional()
      .meta({ description: "Optional name of the line, such as the organisation running it." }),
    ...hotlineDetailsShape,
  })
  .strict();

/** A partner's name in other languages, where it differs: { fr: SPF Justice, nl: FOD Justitie }. */
const partnerNames = z
  .record(languageTag, z.string().min(1), { error: "expected names per language, such as fr: SPF Justice" })
  .optional()
  .meta({ description: "The name in other languages where it differs, keyed by language tag." });

export const partnerSchema = z
  .object({
    name: z.string({ error: "expected the partner's name" }).min(1),
    names: partnerNames,
    logo: z
      .string({ error: "expected a path to the logo file, such as logos/payoke.svg" })
      .min(1)
      .meta({ description: "Path to an SVG, PNG, JPEG or WebP file, relative to the folder." }),
    url: httpUrl.optional(),
    placeholder: z.boolean({ error: "expected true or false" }).optional().meta({
      description:
        "true while the logo is a stand-in mark, not the partner's own: the readiness check lists it until it is replaced.",
    }),
  })
  .strict();

/** A partner of assets/partners.yaml: the same as a campaign's inline entry, plus its id. */
export const sharedPartnerSchema = partnerSchema.extend({
  id: z
    .string({ error: "expected an id such as fps-justice" })
    .regex(/^[a-z0-9][a-z0-9-]*$/, { error: "expected an id of lower-case letters, digits and hyphens" }),
});

export const sharedPartnersFileSchema = z
  .object({ partners: z.array(sharedPartnerSchema, { error: "expected a list of partners" }) })
  .strict();

/**
 * In campaign.yaml: the id of a partner of assets/partners.yaml, or the partner itself. Ids and
 * template names are read in any case here, so that "Payoke" or "Benelux" is answered with the
 * one that exists ("did you mean …?") rather than with the rule for writing one.
 */
export const partnerEntrySchema = z.union([
  z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, {
      error:
        "expected the id of a partner of assets/partners.yaml (letters, digits, hyphens) or a partner with name and logo",
    })
    .meta({ description: "The id of a partner declared in assets/partners.yaml." }),
  partnerSchema,
]);

export const themeSchema = z
  .object({
    primary: colour.meta({ description: "Brand colour: header band, buttons, share images." }),
    background: colour.meta({ description: "Page background." }),
    text: colour.meta({ description: "Body text on the background." }),
  })
  .strict();

export const campaignFileSchema = z
  .object({
    $schema: z.string().optional(),
    date: isoDate.meta({ description: "The awareness day, YYYY-MM-DD." }),
    url: httpUrl.meta({ description: "Where the site will be published." }),
    languages: z
      .array(languageTag, { error: "expected a list of language tags, such as [fr, nl, en]" })
      .min(1, { error: "list at least one language" })
      .meta({ description: "BCP 47 tags; the first is the default language." }),
    template: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, { error: "expected the name of a folder of templates/" })
      .default("default")
      .meta({ description: "A folder of templates/; default: default." }),
    theme: themeSchema,
    hotlines: z
      .array(hotlineSchema, { error: "expected a list of hotlines" })
      .min(1, { error: "list at least one hotline" })
      .meta({ description: "At least one; the first is the main one." }),
    emergencyNumber: z
      .string()
      .regex(/^[0-9]{2,4}$/, { error: 'expected a short emergency number such as "112"' })
      .default("112")
      .meta({ description: "Emergency number shown under the hotline; default 112." }),
    partners: z.array(partnerEntrySchema).default([]),
    contact: z
      .email({ error: "expected an e-mail address such as accessibility@example.be" })
      .optional()
      .meta({
        description: "Where people report accessibility problems; shown in the accessibility statement.",
      }),
    exitUrl: httpUrl
      .default("https://www.meteo.be/")
      .meta({ description: "Where the safety exit goes: a neutral site." }),
    accepted: z
      .array(z.string({ error: "expected the code the check printed, such as past-date" }).min(1), {
        error: "expected a list of codes the check printed, such as [past-date]",
      })
      .optional()
      .meta({
        description:
          "Readiness items checked and meant as they are (a past year mentioned as history): the codes `check --publish` prints.",
      }),
  })
  .strict();

export const contentFrontMatterSchema = z
  .object({
    title: z.string({ error: "expected the page title" }).min(1),
    tagline: z.string({ error: "expected the year's theme line" }).min(1),
    description: z
      .string({ error: "expected a one- or two-sentence description" })
      .min(1)
      .meta({ description: "Meta description and default share text." }),
    reviewed: z
      .boolean()
      .default(false)
      .meta({ description: "true once a fluent speaker has checked this text." }),
  })
  .strict();

/** Keys whose values are a person's own words (the page's words, names, labels): never YAML. */
const FREE_TEXT_KEYS = new Set(["title", "tagline", "description", "name", "label"]);

/** Whether the value at `path` is free text: one of FREE_TEXT_KEYS, or a name in `names`. */
export function isFreeText(path: readonly PropertyKey[]): boolean {
  const last = path.at(-1);
  return (typeof last === "string" && FREE_TEXT_KEYS.has(last)) || path.at(-2) === "names";
}

export type CampaignFile = z.output<typeof campaignFileSchema>;
export type ContentFrontMatter = z.output<typeof contentFrontMatterSchema>;
export type Theme = z.output<typeof themeSchema>;
