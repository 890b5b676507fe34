/**
 * A content file: YAML front matter (title, tagline, description) and a Markdown body.
 * The body may not carry anything executable or third-party: raw HTML, images (which would load
 * from elsewhere) and links other than http(s), mailto: and tel: are refused with their line.
 */
import MarkdownIt from "markdown-it";
import { typeset } from "../i18n/typography.ts";
import type { Problem } from "../problems/problem.ts";
import { splitFrontMatter } from "./front-matter.ts";
import { type ContentFrontMatter, contentFrontMatterSchema } from "./schema.ts";
import { validate } from "./validate.ts";
import { cutTextProblems } from "./yaml-messages.ts";
import { parseYaml } from "./yaml-source.ts";

export interface Content extends ContentFrontMatter {
  lang: string;
  file: string;
  /** The body as HTML, made by markdown-it from Markdown in which raw HTML was refused. */
  html: string;
}

const SAFE_LINK = /^(?:https?:|mailto:|tel:|#|[^:]*$)/i;

/** One parser for every file; `rejectedLinks` collects what validateLink refused during one
 * (synchronous) parse. */
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });
let rejectedLinks: string[] = [];
markdown.validateLink = (url) => {
  const ok = SAFE_LINK.test(url.trim());
  if (!ok) rejectedLinks.push(url);
  return ok;
};

export type ContentResult = { ok: true; content: Content } | { ok: false; problems: Problem[] };

export function parseContent(text: string, file: string, lang: string): ContentResult {
  if (text.trim() === "") {
    return fail(file, "file is empty; expected front matter (title, tagline, description) and a body");
  }
  const front = splitFrontMatter(text);
  if (!front) {
    return fail(
      file,
      "expected front matter first: a line ---, then title, tagline and description, then ---",
      1,
    );
  }
  const yaml = parseYaml(front.yaml, file, 2);
  if (!yaml.ok) return yaml;
  const checked = validate(contentFrontMatterSchema, yaml.source, file);
  const cut = cutTextProblems(yaml.source, file);
  if (!checked.ok) return { ok: false, problems: [...cut, ...checked.problems] };
  if (cut.length > 0) return { ok: false, problems: cut };
  const bodyStart = `${front.open}${front.yaml}${front.close}`.split("\n").length; // lines before the body
  const body = renderBody(front.body, file, bodyStart);
  if (!body.ok) return body;
  // The words as people read them: in the typography of their language (i18n/typography.ts).
  const { title, tagline, description } = checked.value;
  return {
    ok: true,
    content: {
      ...checked.value,
      title: typeset(title, lang),
      tagline: typeset(tagline, lang),
      description: typeset(description, lang),
      lang,
      file,
      html: typeset(body.html, lang),
    },
  };
}

function renderBody(
  source: string,
  file: string,
  firstLine: number,
): { ok: true; html: string } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  rejectedLinks = [];
  const tokens = markdown.parse(source, {});
  const at = (map: [number, number] | null) => (map ? firstLine + map[0] : undefined);
  for (const token of tokens) {
    if (token.type === "html_block") {
      problems.push({ file, line: at(token.map), message: htmlMessage(token.content) });
    }
    for (const child of token.children ?? []) {
      if (child.type === "html_inline")
        problems.push({ file, line: at(token.map), message: htmlMessage(child.content) });
      if (child.type === "image") {
        problems.push({
          file,
          line: at(token.map),
          message:
            "images are not allowed in the body (they would load from elsewhere); partner logos go in campaign.yaml",
        });
      }
    }
  }
  for (const url of rejectedLinks) {
    const index = source.indexOf(url);
    const line = index >= 0 ? firstLine + source.slice(0, index).split("\n").length - 1 : undefined;
    problems.push({
      file,
      line,
      message: `link "${url.slice(0, 40)}" is not allowed; links must start with https://, http://, mailto: or tel:`,
    });
  }
  // An opening and a closing tag on one line are one problem, said once.
  const said = new Set<string>();
  const unique = problems.filter((problem) => {
    const key = `${problem.line}:${problem.message}`;
    return !said.has(key) && said.add(key);
  });
  if (unique.length > 0) return { ok: false, problems: unique };
  return { ok: true, html: markdown.renderer.render(tokens, markdown.options, {}) };
}

function htmlMessage(html: string): string {
  const tag = /<\/?\s*([a-z][a-z0-9-]*)/i.exec(html)?.[1]?.toLowerCase();
  return `raw HTML${tag ? ` <${tag}>` : ""} is not allowed in content; write Markdown (**bold**, [link](https://…), lists) instead`;
}

function fail(file: string, message: string, line?: number): ContentResult {
  return { ok: false, problems: [{ file, line, message }] };
}
