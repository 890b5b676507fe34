/**
 * A campaign's words out to XLIFF and back. Export cuts the source language's content file into
 * units and fills in the target language's current words where its file has the same blocks;
 * import checks every unit against an export made now (protected.ts), rebuilds the Markdown
 * around the translations and writes content/page.<lang>.md only when nothing is wrong.
 * campaign.yaml and content files are read through src/campaign/ (its YAML reader, schema and
 * content rules).
 */
import fs from "node:fs/promises";
import path from "node:path";
import MarkdownIt from "markdown-it";
import { stringify } from "yaml";
import { parseContent } from "../campaign/content.ts";
import { contentFile } from "../campaign/content-files.ts";
import { SLUG } from "../campaign/files.ts";
import { readCampaignSettings } from "../campaign/settings.ts";
import { parseYaml } from "../campaign/yaml-source.ts";
import { CampaignError, type Problem } from "../problems/problem.ts";
import { type Inline, protectedProblems, protectedValue } from "./protected.ts";
import { cutContent, markupShape, type Piece, type Run, runsToMarkdown } from "./segments.ts";
import { numbered, type State, type Unit, type XliffFile } from "./xliff.ts";

/** Read out to the translator with each unit. */
const NOTES: Record<string, string> = {
  title: "Page title: the main heading, the browser tab and the share images.",
  tagline: "The year's theme line, under the title and on the share images.",
  description: "One or two sentences: the search-result text and the default text of a shared link.",
};
const LENGTH: Record<string, string> = {
  title: "Keep it short, about 60 characters at most: the share images must fit it in large type.",
  tagline: "Keep it short, about 90 characters at most: the share images must fit it.",
  description: "About 160 characters at most; search engines cut longer text.",
};

/** What the text around the units looks like: literal text, a unit, or the reviewed flag. */
type Part = string | { unit: string; raw: string } | { reviewed: string };

async function readContentFile(file: string, lang: string) {
  const text = await fs.readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  const parsed = parseContent(text, file, lang);
  if (!parsed.ok) throw new CampaignError(parsed.problems);
  return { text, content: parsed.content };
}

export interface ExportOptions {
  campaignsDir: string;
  slug: string;
  to: string;
  from?: string;
}

export async function exportContent(options: ExportOptions): Promise<XliffFile> {
  const campaign = await readCampaignSettings(options.campaignsDir, options.slug);
  const { languages, hotlines } = campaign.settings;
  const from = options.from ?? languages[0];
  if (!languages.includes(from)) {
    throw new CampaignError([
      {
        file: campaign.yamlFile,
        key: "languages",
        message: `"${from}" is not a language of this campaign (${languages.join(", ")}); choose --from among them`,
      },
    ]);
  }
  const protect = [...hotlines.map((hotline) => hotline.number), campaign.settings.emergencyNumber ?? "112"];
  const sourceFile = contentFile(campaign.dir, from);
  const source = await readContentFile(sourceFile, from);
  if (!source)
    throw new CampaignError([{ file: sourceFile, message: "file not found; nothing to translate from" }]);
  const sourcePieces = cutContent(source.text, protect);
  const target = await readContentFile(contentFile(campaign.dir, options.to), options.to);
  const targetPieces = target ? cutContent(target.text, protect) : [];
  const aligned = target !== undefined && sameBlocks(sourcePieces, targetPieces);
  const targetState: State = target?.content.reviewed ? "final" : "translated";
  const byId = new Map(targetPieces.map((piece) => [piece.id, piece]));
  const units: Unit[] = sourcePieces.map((piece) => {
    const existing = byId.get(piece.id);
    const fill =
      existing &&
      (!piece.id.startsWith("b") ||
        (aligned && markupShape(piece.runs).join("\n") === markupShape(existing.runs).join("\n")));
    return {
      id: piece.id,
      notes: notesFor(piece),
      source: piece.runs,
      target: fill ? existing.runs : undefined,
      state: fill ? targetState : "initial",
    };
  });
  const skeletonText = aligned && target ? target.text : source.text;
  const skeletonPieces = aligned ? targetPieces : sourcePieces;
  return {
    srcLang: from,
    trgLang: options.to,
    kind: "content",
    original: options.slug,
    skeleton: JSON.stringify(skeletonOf(skeletonText, skeletonPieces)),
    units,
  };
}

/** The same blocks in the same order: the target's file can be the skeleton and its words the
 * current translation (block by block where the markup also agrees). */
function sameBlocks(source: Piece[], target: Piece[]): boolean {
  const body = (pieces: Piece[]) => pieces.filter((piece) => piece.id.startsWith("b"));
  const a = body(source);
  const b = body(target);
  return a.length === b.length && a.every((piece, i) => piece.what === b[i].what);
}

function notesFor(piece: Piece): Unit["notes"] {
  const notes = [{ category: "context", text: NOTES[piece.id] ?? `Body of the page: ${piece.what}.` }];
  if (LENGTH[piece.id]) notes.push({ category: "length", text: LENGTH[piece.id] });
  return notes;
}

const REVIEWED = /^reviewed[ \t]*:[ \t]*(\S[^\n]*?)[ \t]*$/m;

function skeletonOf(text: string, pieces: Piece[]): Part[] {
  const parts: Part[] = [];
  let at = 0;
  const frontEnd = text.indexOf("\n---", 3);
  const literal = (to: number) => {
    const chunk = text.slice(at, to);
    const reviewed = at < frontEnd ? REVIEWED.exec(chunk) : null;
    if (reviewed && at + reviewed.index < frontEnd) {
      const valueAt = reviewed.index + reviewed[0].indexOf(reviewed[1], "reviewed".length);
      parts.push(
        chunk.slice(0, valueAt),
        { reviewed: reviewed[1] },
        chunk.slice(valueAt + reviewed[1].length),
      );
    } else if (chunk) parts.push(chunk);
    at = to;
  };
  for (const piece of pieces) {
    literal(piece.from);
    parts.push({ unit: piece.id, raw: text.slice(piece.from, piece.to) });
    at = piece.to;
  }
  literal(text.length);
  if (!parts.some((part) => typeof part === "object" && "reviewed" in part)) {
    // No reviewed line: add one before the front matter's closing line when it is needed.
    const index = parts.findIndex((part) => typeof part === "string" && /\n---/.test(part));
    const part = parts[index] as string;
    const cut = part.indexOf("\n---") + 1;
    parts.splice(index, 1, part.slice(0, cut), { reviewed: "" }, part.slice(cut));
  }
  return parts;
}

export interface ImportResult {
  file: string;
  reviewed: boolean;
}

/** Checks a read XLIFF file against its campaign and writes content/page.<trgLang>.md. */
export async function importContent(
  xliff: XliffFile,
  xliffPath: string,
  campaignsDir: string,
): Promise<ImportResult> {
  // The file names its campaign; a name that is not a campaign folder's is refused before it is
  // used in a path.
  if (!SLUG.test(xliff.original)) {
    throw new CampaignError([
      {
        file: xliffPath,
        message: `original "${xliff.original}" is not the name of a campaign folder; export the file again`,
      },
    ]);
  }
  const campaign = await readCampaignSettings(campaignsDir, xliff.original);
  const problems: Problem[] = [];
  const problem = (message: string, unit?: string) =>
    problems.push({ file: xliffPath, key: unit ? `unit ${unit}` : undefined, message });
  const { languages } = campaign.settings;
  if (!languages.includes(xliff.trgLang)) {
    problem(
      `trgLang "${xliff.trgLang}" is not a language of campaigns/${xliff.original} (${languages.join(", ")}); add ${xliff.trgLang} to languages in ${path.relative(process.cwd(), campaign.yamlFile)}, then import again`,
    );
  } else if (!languages.includes(xliff.srcLang)) {
    problem(
      `srcLang "${xliff.srcLang}" is not a language of campaigns/${xliff.original} (${languages.join(", ")}); export the file again from one of them`,
    );
  }
  if (problems.length > 0) throw new CampaignError(problems);
  // The file is checked against what an export made now carries, read from the campaign's files:
  // its own skeleton and <originalData> can be edited as easily as its translations.
  const now = await exportContent({
    campaignsDir,
    slug: xliff.original,
    to: xliff.trgLang,
    from: xliff.srcLang,
  });
  const parts = JSON.parse(now.skeleton) as Part[];
  if (layout(xliff.skeleton) !== layout(now.skeleton)) {
    throw new CampaignError([
      {
        file: xliffPath,
        message:
          "the <skeleton> is missing or changed (or the campaign's content changed since the export); export the file again and keep its skeleton",
      },
    ]);
  }
  const sources = new Map(now.units.map((unit) => [unit.id, numbered(unit.source)]));
  const units = new Map(xliff.units.map((unit) => [unit.id, unit]));
  const expected = parts.flatMap((part) => (typeof part === "object" && "unit" in part ? [part.unit] : []));
  const missing = expected.filter((id) => !units.has(id));
  if (missing.length > 0) problem(`units missing: ${missing.join(", ")}; every exported unit must come back`);
  const untranslated = expected.filter((id) => {
    const unit = units.get(id);
    return unit && (!unit.target || runsToMarkdown(unit.target).trim() === "" || unit.state === "initial");
  });
  if (untranslated.length > 0) {
    problem(
      `units not translated: ${untranslated.join(", ")}; translate them and mark them translated (or final)`,
    );
  }
  for (const id of expected) {
    const unit = units.get(id);
    if (!unit?.target || untranslated.includes(id)) continue;
    for (const message of protectedProblems(sources.get(id) ?? [], unit.target, elementsChanged))
      problem(message, id);
    const html = rawHtml(unit.target);
    if (html) {
      problem(
        `raw HTML ${html} is not allowed in content; write Markdown (**bold**, [link](https://…)) instead`,
        id,
      );
    }
  }
  if (problems.length > 0) throw new CampaignError(problems);

  const allFinal = expected.every((id) => units.get(id)?.state === "final");
  const text = parts
    .map((part) => {
      if (typeof part === "string") return part;
      if ("reviewed" in part) {
        if (part.reviewed === "") return allFinal ? "reviewed: true\n" : "";
        return String(allFinal);
      }
      return pieceText(part, units.get(part.unit)?.target ?? []);
    })
    .join("");
  const file = contentFile(campaign.dir, xliff.trgLang);
  const checked = parseContent(text, file, xliff.trgLang);
  if (!checked.ok) {
    throw new CampaignError(
      checked.problems.map((found) => ({ ...found, message: `${found.message} (from ${xliffPath})` })),
    );
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, text);
  await fs.rename(temporary, file);
  return { file, reviewed: allFinal };
}

function pieceText(part: { unit: string; raw: string }, target: Run[]): string {
  const markdown = runsToMarkdown(target);
  if (!part.unit.startsWith("b")) {
    // A front-matter field: keep the value as written when it did not change.
    if (plainValue(part.raw) === markdown) return part.raw;
    return stringify(markdown, { lineWidth: 0 }).trimEnd();
  }
  // A block holds one line of translation per source line break kept; new lines typed inside a
  // translation would start new blocks, so they become spaces.
  return target.some((run) => run.kind === "text" && run.text.includes("\n"))
    ? runsToMarkdown(
        target.map((run) =>
          run.kind === "text" ? { ...run, text: run.text.replace(/\s*\n\s*/g, " ") } : run,
        ),
      )
    : markdown;
}

function plainValue(raw: string): unknown {
  const parsed = parseYaml(`v: ${raw}`, "");
  return parsed.ok ? (parsed.source.value as { v?: unknown }).v : undefined;
}

const inline = new MarkdownIt({ html: true });

/** The first raw HTML tag a translation would put into the page, as `<tag>`, if any. */
function rawHtml(runs: Run[]): string | undefined {
  const text = runs
    .map((run) => (run.kind === "text" ? run.text : run.kind === "pc" ? runsToMarkdown(run.runs) : ""))
    .join("");
  const tag = (html: string) => `<${/<\/?\s*([a-z][a-z0-9-]*)/i.exec(html)?.[1]?.toLowerCase() ?? "…"}>`;
  for (const token of inline.parse(text, {})) {
    if (token.type === "html_block") return tag(token.content);
    for (const child of token.children ?? []) if (child.type === "html_inline") return tag(child.content);
  }
  return undefined;
}

function elementsChanged(missing: Inline[], added: Inline[]): string {
  const describe = (run: Inline) => `${run.kind === "ph" ? "placeholder" : "markup"} ${protectedValue(run)}`;
  return `inline elements changed (${[...missing.map((run) => `missing ${describe(run)}`), ...added.map((run) => `unexpected ${describe(run)}`)].join("; ")}); keep every link, emphasis, code and phone number of the source, translating only the text inside`;
}

/** Where a skeleton puts the units, and the text around them. The reviewed value and a field's
 * text as written are not compared: import writes them anew. */
function layout(skeleton: string): string {
  let parts: unknown;
  try {
    parts = JSON.parse(skeleton);
  } catch {
    return "";
  }
  if (!Array.isArray(parts)) return "";
  return JSON.stringify(
    parts.map((part: unknown) =>
      typeof part === "object" && part !== null && "unit" in part
        ? { unit: part.unit }
        : typeof part === "object" && part !== null && "reviewed" in part
          ? { reviewed: part.reviewed !== "" }
          : part,
    ),
  );
}
