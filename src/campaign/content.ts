/**
 * A content file: YAML front matter (title, tagline, description) and a Markdown body.
 * Raw HTML in the body is never passed through: markdown-it escapes it, so it shows as text.
 */
import MarkdownIt from "markdown-it";
import type { Problem } from "./problems.ts";
import { type ContentFrontMatter, contentFrontMatterSchema } from "./schema.ts";
import { validate } from "./validate.ts";
import { parseYaml } from "./yaml-source.ts";

export interface Content extends ContentFrontMatter {
  lang: string;
  file: string;
  /** The body as HTML, produced by markdown-it from Markdown with raw HTML disabled. */
  html: string;
}

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export type ContentResult = { ok: true; content: Content } | { ok: false; problems: Problem[] };

export function parseContent(text: string, file: string, lang: string): ContentResult {
  if (text.trim() === "") {
    return fail(file, "file is empty; expected front matter (title, tagline, description) and a body");
  }
  const match = FRONT_MATTER.exec(text.replace(/^\uFEFF/, ""));
  if (!match) {
    return fail(
      file,
      "expected front matter first: a line ---, then title, tagline and description, then ---",
      1,
    );
  }
  const yaml = parseYaml(match[1], file, 2);
  if (!yaml.ok) return yaml;
  const checked = validate(contentFrontMatterSchema, yaml.source, file);
  if (!checked.ok) return checked;
  const body = text.slice(match[0].length);
  return {
    ok: true,
    content: { ...checked.value, lang, file, html: markdown.render(body) },
  };
}

function fail(file: string, message: string, line?: number): ContentResult {
  return { ok: false, problems: [{ file, line, message }] };
}
