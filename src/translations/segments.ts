/**
 * Cuts a content file into the pieces a translator works on (title, tagline, description, each
 * heading, paragraph and list item of the body) and puts translated pieces back. The file minus
 * its pieces is the skeleton: every byte that is not a piece stays exactly as written, so a file
 * rebuilt from untouched pieces is the file itself.
 */
import MarkdownIt from "markdown-it";
import { isScalar, parseDocument } from "yaml";
import { bodyOffset, splitFrontMatter } from "../campaign/front-matter.ts";

type Token = ReturnType<InstanceType<typeof MarkdownIt>["parse"]>[number];

/** A run of a piece: text a translator changes, or markup kept as written. */
export type Run =
  | { kind: "text"; text: string }
  /** Markup that stands alone: inline code, a line break, a phone number. */
  | { kind: "ph"; id?: string; data: string; what: string; deletable: boolean }
  /** Markup around text: emphasis, a link. */
  | { kind: "pc"; id?: string; start: string; end: string; what: string; runs: Run[] };

export interface Piece {
  id: string;
  /** What the translator is told: "title", "heading (level 2)", "list item"… */
  what: string;
  runs: Run[];
  /** Where the piece sits in the text it was cut from. */
  from: number;
  to: number;
}

export const FIELDS = ["title", "tagline", "description"] as const;

const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

/** The pieces of a content file, in order. `protect` lists strings (phone numbers) kept as is. */
export function cutContent(text: string, protect: readonly string[]): Piece[] {
  const front = splitFrontMatter(text);
  if (!front) return [];
  const pieces: Piece[] = [];
  const yamlStart = front.open.length;
  const document = parseDocument(front.yaml, { keepSourceTokens: true });
  for (const field of FIELDS) {
    const node = document.get(field, true);
    if (!isScalar(node) || typeof node.value !== "string" || !node.range) continue;
    pieces.push({
      id: field,
      what: field,
      runs: protectRuns(node.value, protect),
      from: yamlStart + node.range[0],
      to: yamlStart + node.range[1],
    });
  }
  const bodyStart = bodyOffset(front);
  pieces.push(...cutBody(front.body, bodyStart, protect));
  return pieces;
}

function cutBody(body: string, offset: number, protect: readonly string[]): Piece[] {
  const lineStarts = [0];
  for (let i = 0; i < body.length; i++) if (body[i] === "\n") lineStarts.push(i + 1);
  const tokens = markdown.parse(body, {});
  const pieces: Piece[] = [];
  const context: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === "bullet_list_open" || token.type === "ordered_list_open") context.push("list item");
    if (token.type === "blockquote_open") context.push("quotation");
    if (token.type.endsWith("_close") && /^(bullet_list|ordered_list|blockquote)/.test(token.type))
      context.pop();
    if (token.type !== "inline" || !token.map) continue;
    const opener = tokens[i - 1];
    const what =
      opener.type === "heading_open"
        ? `heading (level ${opener.tag.slice(1)})`
        : context.length > 0
          ? (context.at(-1) as string)
          : "paragraph";
    const lines = token.content.split("\n");
    const firstLine = token.map[0];
    const lastLine = firstLine + lines.length - 1;
    const firstAt = body.indexOf(lines[0], lineStarts[firstLine]);
    const lastAt = body.indexOf(lines.at(-1) as string, lineStarts[lastLine]);
    if (firstAt < 0 || lastAt < 0) continue;
    const from = firstAt;
    const to = lastAt + (lines.at(-1) as string).length;
    const raw = body.slice(from, to);
    pieces.push({
      id: `b${pieces.length + 1}`,
      what,
      runs: inlineRuns(raw, token.children ?? [], protect),
      from: offset + from,
      to: offset + to,
    });
  }
  return pieces;
}

/** Splits the raw Markdown of one block into text and markup by walking markdown-it's inline
 * tokens over it. Anything it cannot place keeps the whole block as one text run. */
function inlineRuns(raw: string, children: Token[], protect: readonly string[]): Run[] {
  const root: Run[] = [];
  const stack: { runs: Run[]; pc?: Extract<Run, { kind: "pc" }> }[] = [{ runs: root }];
  let at = 0;
  const top = () => stack[stack.length - 1];
  const take = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = at;
    const found = pattern.exec(raw);
    if (!found) return undefined;
    at += found[0].length;
    return found[0];
  };
  for (const child of children) {
    if (child.type === "text") {
      const end = matchText(raw, at, child.content);
      if (end < 0) return [{ kind: "text", text: raw }];
      top().runs.push(...protectRuns(raw.slice(at, end), protect));
      at = end;
    } else if (child.type === "code_inline") {
      const code = take(new RegExp(`${child.markup}[\\s\\S]*?${child.markup}`, "y"));
      if (code === undefined) return [{ kind: "text", text: raw }];
      top().runs.push({ kind: "ph", data: code, what: "code", deletable: false });
    } else if (child.type === "softbreak" || child.type === "hardbreak") {
      const lineBreak = take(new RegExp(LINE_BREAK, "y"));
      if (lineBreak === undefined) return [{ kind: "text", text: raw }];
      top().runs.push({ kind: "ph", data: lineBreak, what: "line break", deletable: true });
    } else if (child.nesting === 1) {
      const start = child.type === "link_open" ? (child.markup === "autolink" ? "<" : "[") : child.markup;
      if (!raw.startsWith(start, at)) return [{ kind: "text", text: raw }];
      at += start.length;
      const what =
        child.type === "link_open" ? `link to ${child.attrGet("href")}` : child.type.replace("_open", "");
      const pc: Extract<Run, { kind: "pc" }> = { kind: "pc", start, end: "", what, runs: [] };
      top().runs.push(pc);
      stack.push({ runs: pc.runs, pc });
    } else if (child.nesting === -1) {
      const open = stack.pop()?.pc;
      if (!open) return [{ kind: "text", text: raw }];
      let end: string | undefined;
      if (child.type === "link_close") end = child.markup === "autolink" ? take(/>/y) : linkTail(raw, at);
      else end = raw.startsWith(child.markup, at) ? child.markup : undefined;
      if (end === undefined) return [{ kind: "text", text: raw }];
      if (child.type === "link_close" && child.markup !== "autolink") at += end.length;
      else if (child.type !== "link_close") at += end.length;
      open.end = end;
    } else {
      return [{ kind: "text", text: raw }];
    }
  }
  return at === raw.length && stack.length === 1 ? root : [{ kind: "text", text: raw }];
}

/** `](https://…)` or `](url "title")` at `at`, parentheses balanced. */
function linkTail(raw: string, at: number): string | undefined {
  if (!raw.startsWith("](", at)) return undefined;
  let depth = 0;
  for (let i = at + 2; i < raw.length; i++) {
    if (raw[i] === "\\") i++;
    else if (raw[i] === "(") depth++;
    else if (raw[i] === ")") {
      if (depth === 0) return raw.slice(at, i + 1);
      depth--;
    }
  }
  return undefined;
}

/** Where `text` (as markdown-it decoded it) ends in `raw` from `at`, allowing backslash escapes
 * and entities; -1 when it does not match. */
function matchText(raw: string, at: number, text: string): number {
  let p = at;
  let q = 0;
  while (q < text.length) {
    if (raw[p] === text[q]) {
      p++;
      q++;
    } else if (raw[p] === "\\" && raw[p + 1] === text[q]) {
      p += 2;
      q++;
    } else if (raw[p] === "&") {
      const entity = /&(?:#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/iy;
      entity.lastIndex = p;
      const found = entity.exec(raw);
      if (!found) return -1;
      const decoded = markdown.utils.unescapeAll(found[0]);
      if (!text.startsWith(decoded, q)) return -1;
      p += found[0].length;
      q += decoded.length;
    } else return -1;
  }
  return p;
}

/** Phone numbers inside text become placeholders the translator cannot change. */
function protectRuns(text: string, protect: readonly string[]): Run[] {
  const numbers = protect.filter((number) => number.trim().length > 0);
  if (numbers.length === 0) return text ? [{ kind: "text", text }] : [];
  // Written with spaces, no-break spaces or none between the digit groups.
  const pattern = new RegExp(
    numbers
      .sort((a, b) => b.length - a.length)
      .map((number) =>
        number
          .trim()
          .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
          .replace(/\s+/g, SPACES),
      )
      .map((number) => `(?<![\\d+])${number}(?!\\d)`)
      .join("|"),
    "g",
  );
  const runs: Run[] = [];
  let last = 0;
  for (const found of text.matchAll(pattern)) {
    if (found.index > last) runs.push({ kind: "text", text: text.slice(last, found.index) });
    runs.push({ kind: "ph", data: found[0], what: "phone number", deletable: false });
    last = found.index + found[0].length;
  }
  if (last < text.length) runs.push({ kind: "text", text: text.slice(last) });
  return runs;
}

/** The Markdown a piece's runs stand for. */
export function runsToMarkdown(runs: readonly Run[]): string {
  return runs
    .map((run) =>
      run.kind === "text"
        ? run.text
        : run.kind === "ph"
          ? run.data
          : run.start + runsToMarkdown(run.runs) + run.end,
    )
    .join("");
}

/** The plain text of runs (for front-matter fields, which hold no markup). */
export function runsToText(runs: readonly Run[]): string {
  return runsToMarkdown(runs);
}

const SPACES = "[\\s\\u00a0\\u202f]*";

/** The Markdown of a line break: trailing spaces or a backslash, the newline, the indentation. */
export const LINE_BREAK = "[ \\t]*\\\\?\\n[ \\t>]*";

/** A phone number as compared: however its digit groups are spaced (spaces, no-break spaces),
 * one space between them. Not across line ends: two of them would cut the paragraph in two. */
export const phoneSpacing = (number: string): string => number.replace(/[^\S\r\n]+/g, " ");

/** The shape of a piece's markup, to compare a translation with its source. */
export function markupShape(runs: readonly Run[]): string[] {
  const shape: string[] = [];
  for (const run of runs) {
    if (run.kind === "ph" && !run.deletable) {
      const data = run.what === "phone number" ? phoneSpacing(run.data) : run.data;
      shape.push(`ph:${run.id}:${data}`);
    }
    if (run.kind === "pc")
      shape.push(`pc:${run.id}:${run.start}…${run.end}[${markupShape(run.runs).join(",")}]`);
  }
  return shape.sort();
}
