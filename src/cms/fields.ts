/**
 * Decap CMS fields made from the zod schemas, never written by hand: every key of the schema
 * becomes a field with its label, help text (the schema's description), required flag, default
 * and pattern. The kind of widget follows the value: hex colours get a colour picker, ISO dates a
 * date picker, language tags a choice of the UI languages, country codes a choice of countries,
 * logo paths an image field stored in the campaign's folder.
 */
import { getCountries } from "libphonenumber-js";
import { z } from "zod";
import { endonym } from "../i18n/languages.ts";
import { availableLanguages } from "../i18n/strings.ts";

/** A JSON Schema node as zod writes it (only what the generator reads). */
export interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  pattern?: string;
  format?: string;
  description?: string;
  default?: unknown;
  minItems?: number;
  enum?: unknown[];
}

/** A Decap CMS field (the subset this project writes). */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  hint?: string;
  required?: boolean;
  default?: unknown;
  pattern?: [string, string];
  fields?: CmsField[];
  options?: string[];
  multiple?: boolean;
  min?: number;
  i18n?: boolean;
  media_folder?: string;
  public_folder?: string;
  choose_url?: boolean;
  allow_input?: boolean;
  enableAlpha?: boolean;
  date_format?: string;
  time_format?: boolean;
  format?: string;
  picker_utc?: boolean;
  collection?: string;
  file?: string;
  search_fields?: string[];
  value_field?: string;
  display_fields?: string[];
  summary?: string;
  collapsed?: boolean;
}

export interface FieldOptions {
  /** The folder logos are stored in, beside the file edited; default "logos". */
  logoFolder?: string;
  /** The languages a map keyed by language (a partner's names) offers, one field each. */
  languages?: string[];
  /** Where partners come from when a shared list exists: a relation instead of inline entries. */
  partnersRelation?: { collection: string; file: string; valueField: string };
}

/** The JSON Schema of a zod schema, as the input a person writes (defaults are optional). */
export function schemaNode(schema: z.ZodType): SchemaNode {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as SchemaNode;
}

const HEX_COLOUR_PATTERN = "[0-9a-fA-F]{6}";
const ISO_DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}$";
const COUNTRY_PATTERN = "^[A-Z]{2}$";
/** The JSON Schema pattern of a language tag, read from the schema itself. */
function isLanguageTag(node: SchemaNode, languagePattern: string | undefined): boolean {
  return node.pattern !== undefined && node.pattern === languagePattern;
}

/** "exitUrl" → "Exit url", "theme" → "Theme". */
export function labelOf(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function typeOf(node: SchemaNode): string | undefined {
  return Array.isArray(node.type) ? node.type.find((type) => type !== "null") : node.type;
}

/** Fields for every property of an object node, in the schema's order. */
export function fieldsOf(node: SchemaNode, options: FieldOptions = {}, languagePattern?: string): CmsField[] {
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).map(([key, child]) =>
    fieldOf(key, child, required.has(key), options, languagePattern),
  );
}

function fieldOf(
  key: string,
  node: SchemaNode,
  required: boolean,
  options: FieldOptions,
  languagePattern: string | undefined,
): CmsField {
  const base: CmsField = { name: key, label: labelOf(key), widget: "string", required };
  if (node.description) base.hint = node.description;
  if (node.default !== undefined) base.default = node.default;
  if (node.pattern) base.pattern = [node.pattern, patternMessage(key, node)];
  if (key === "$schema") return { ...base, widget: "hidden" };

  const type = typeOf(node);
  if (type === "object" && !node.properties) {
    // A map keyed by language (a partner's names): Decap has no widget for free keys, so one
    // optional field per language; an empty one is left out of the file when saved.
    const languages = options.languages ?? [];
    if (languages.length === 0) return { ...base, widget: "hidden" };
    return {
      ...base,
      widget: "object",
      required: false,
      collapsed: true,
      fields: languages.map((tag) => ({
        name: tag,
        label: `${tag}: ${endonym(tag)}`,
        widget: "string",
        required: false,
      })),
    };
  }
  if (type === "object")
    return { ...base, widget: "object", fields: fieldsOf(node, options, languagePattern) };
  if (type === "array" && node.items) {
    const items = node.items;
    if (isLanguageTag(items, languagePattern)) {
      return {
        ...base,
        widget: "select",
        multiple: true,
        options: availableLanguages(),
        ...(node.minItems ? { min: node.minItems } : {}),
      };
    }
    if (key === "partners" && options.partnersRelation) {
      const relation = options.partnersRelation;
      return {
        ...base,
        widget: "relation",
        multiple: true,
        collection: relation.collection,
        file: relation.file,
        value_field: relation.valueField,
        search_fields: [relation.valueField],
        display_fields: [relation.valueField],
      };
    }
    // A list whose entries may be a short id or a whole object (partners): the form edits objects.
    const itemNode = items.anyOf?.find((variant) => typeOf(variant) === "object") ?? items;
    const itemFields =
      typeOf(itemNode) === "object" ? fieldsOf(itemNode, options, languagePattern) : undefined;
    return {
      ...base,
      widget: "list",
      ...(itemFields ? { fields: itemFields, summary: `{{fields.${itemFields[0]?.name}}}` } : {}),
      ...(node.minItems ? { min: node.minItems } : {}),
    };
  }
  if (type === "boolean") return { ...base, widget: "boolean" };
  if (node.enum) return { ...base, widget: "select", options: node.enum.map(String) };
  if (node.pattern?.includes(HEX_COLOUR_PATTERN)) return { ...base, widget: "color", allow_input: true };
  if (node.pattern === ISO_DATE_PATTERN) {
    return {
      ...base,
      widget: "datetime",
      format: "YYYY-MM-DD",
      date_format: "YYYY-MM-DD",
      time_format: false,
      picker_utc: true,
    };
  }
  if (node.pattern === COUNTRY_PATTERN)
    return { ...base, widget: "select", options: [...getCountries()].sort() };
  if (key === "logo") {
    // Stored beside campaign.yaml, in the campaign's own logos/ folder, as "logos/<file>" (or,
    // for the shared list, in its own folder beside partners.yaml).
    const folder = options.logoFolder ?? "logos";
    return { ...base, widget: "image", media_folder: folder, public_folder: folder, choose_url: false };
  }
  return base;
}

function patternMessage(key: string, node: SchemaNode): string {
  return node.description
    ? `${labelOf(key)}: ${node.description}`
    : `${labelOf(key)} does not have the expected form`;
}
