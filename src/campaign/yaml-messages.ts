/**
 * The yaml library's errors in plain words: what is wrong, on which line, and the line as it
 * should be written, worked out from the line itself (`tagline: "Chaque victime compte : …"`).
 * The library's codes are what is trusted; the lines around tell which mistake it was (a key
 * moved in or out, a tab, a colon or # inside text, a quote or bracket never closed).
 */
import { keyPath, type Problem } from "../problems/problem.ts";
import { isFreeText } from "./schema.ts";
import type { YamlSource } from "./yaml-source.ts";

export interface YamlError {
  /** The yaml library's code: BAD_INDENT, TAB_AS_INDENT, MISSING_CHAR… */
  code: string;
  message: string;
  /** 0-based index of the line the library points at. */
  line: number;
}

export interface Explained {
  /** 0-based index of the line at fault (not always the one the library points at). */
  line: number;
  message: string;
}

/** One message per line at fault, in the order of the errors; the errors a first one caused are left out. */
export function explainYamlErrors(
  lines: readonly string[],
  errors: readonly YamlError[],
  lineNumber: (index: number) => number,
): Explained[] {
  const state: State = { lines, fixed: new Map(), lineNumber, topFixed: false };
  const explained: Explained[] = [];
  for (const error of errors) {
    const line = Math.min(Math.max(error.line, 0), Math.max(lines.length - 1, 0));
    const result = explain(state, { ...error, line });
    if (result === undefined) continue;
    if (explained.some((said) => said.line === result.line)) continue;
    explained.push(result);
  }
  return explained;
}

interface State {
  lines: readonly string[];
  /** Lines already told to move, with the indentation they were told to have. */
  fixed: Map<number, number>;
  lineNumber: (index: number) => number;
  /** The first line was told to start at the beginning: what the parser said after is its echo. */
  topFixed: boolean;
}

function explain(state: State, error: YamlError): Explained | undefined {
  const { lines } = state;
  const at = error.line;
  const generic = { line: at, message: `YAML syntax error: ${error.message}` };
  if (["UNEXPECTED_TOKEN", "BAD_INDENT"].includes(error.code)) {
    if (state.topFixed) return undefined;
    const top = indentedTop(state, at);
    if (top) return top;
  }

  switch (error.code) {
    case "TAB_AS_INDENT":
      return indentation(state, at, expectedIndent(state, at));
    case "BAD_INDENT": {
      if (/^Flow (sequence|map)/.test(error.message)) return unclosedFlow(lines, at) ?? generic;
      return misplaced(state, at, generic);
    }
    case "MISSING_CHAR": {
      const quote = /^Missing closing (["'])/.exec(error.message)?.[1];
      if (quote) return unclosedQuote(lines, at, quote) ?? generic;
      if (/without - indicator/.test(error.message)) return misplaced(state, at, generic);
      return generic;
    }
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return colonInText(lines, at) ?? movedIn(state, at) ?? noKey(lines, at) ?? generic;
    case "UNEXPECTED_TOKEN":
    case "BAD_SCALAR_START":
    case "BAD_ALIAS":
      return specialStart(lines, at) ?? generic;
    case "DUPLICATE_KEY":
      return duplicate(state, at) ?? generic;
    default:
      return generic;
  }
}

/** A line of YAML taken apart: `  - name: Example` is indent 2, dashes "- ", key "name", value "Example". */
interface Line {
  indent: number;
  tab: boolean;
  dashes: string;
  key?: string;
  value: string;
  /** Column of the key (or of the value, for a bare list item). */
  column: number;
}

function parseLine(text: string): Line {
  const lead = /^[ \t]*/.exec(text)?.[0] ?? "";
  let rest = text.slice(lead.length);
  const dashes = /^(?:-(?:[ \t]+|$))*/.exec(rest)?.[0] ?? "";
  rest = rest.slice(dashes.length);
  const keyed = /^((?:[^\s:#"'[\]{}][^:]*?)|"[^"]*"|'[^']*'):(?=[ \t]|$)/.exec(rest);
  const key = keyed?.[1];
  const value = keyed ? rest.slice(keyed[0].length).trim() : rest.trimEnd();
  return {
    indent: lead.length,
    tab: lead.includes("\t"),
    dashes,
    key,
    value,
    column: lead.length + dashes.length,
  };
}

const isContent = (text: string | undefined) =>
  text !== undefined && text.trim() !== "" && !text.trim().startsWith("#");

function previousContent(lines: readonly string[], index: number): number | undefined {
  for (let i = index - 1; i >= 0; i--) if (isContent(lines[i])) return i;
  return undefined;
}

function nextContent(lines: readonly string[], index: number): number | undefined {
  for (let i = index + 1; i < lines.length; i++) if (isContent(lines[i])) return i;
  return undefined;
}

/** A key with nothing after it (`theme:`), whose value is the indented lines below. */
const opens = (line: Line) => line.key !== undefined && (line.value === "" || line.value.startsWith("#"));

/** Where the line's first character belongs, judged from the lines around it. */
function expectedIndent(state: State, index: number): number {
  const { lines, fixed } = state;
  const before = previousContent(lines, index);
  if (before === undefined) return 0;
  const above = parseLine(lines[before]);
  const aboveIndent = fixed.get(before) ?? above.indent;
  const aboveColumn = aboveIndent + above.dashes.length;
  const after = nextContent(lines, index);
  const below = after === undefined ? undefined : parseLine(lines[after]);
  if (opens(above)) {
    return below && !below.tab && below.indent > aboveColumn ? below.indent : aboveColumn + 2;
  }
  const line = parseLine(lines[index]);
  // Further in than the line above, or between its "- " and its key: the line above's column.
  if (line.tab || line.indent > aboveIndent) return aboveColumn;
  // Further out: the column of the lines on both sides when they agree, else the nearest line
  // above that is not further in (the key it was meant to stand beside).
  if (below && below.column === aboveColumn) return aboveColumn;
  for (let i: number | undefined = before; i !== undefined; i = previousContent(lines, i)) {
    const indent = fixed.get(i) ?? parseLine(lines[i]).indent;
    if (indent <= line.indent) return indent;
  }
  return 0;
}

/** The first key of the file is indented further than the line at fault: that first line is. */
function indentedTop(state: State, index: number): Explained | undefined {
  const first = nextContent(state.lines, -1);
  if (first === undefined || first === index || state.fixed.has(first)) return undefined;
  const line = parseLine(state.lines[first]);
  if (line.tab || line.indent <= parseLine(state.lines[index]).indent) return undefined;
  state.fixed.set(first, 0);
  state.topFixed = true;
  return {
    line: first,
    message: `the first line has ${spaces(line.indent)} before it; start it at the beginning of the line: ${state.lines[first].trim()}`,
  };
}

/**
 * A key further in or out than its neighbours, or a "- " item's key out of line. Once a line was
 * told to move, the lines the parser then finds out of place are where they should be: left out.
 */
function misplaced(state: State, index: number, generic: Explained): Explained | undefined {
  const before = previousContent(state.lines, index);
  if (before !== undefined && state.fixed.has(before)) return undefined;
  const expected = expectedIndent(state, index);
  if (expected !== parseLine(state.lines[index]).indent) return indentation(state, index, expected);
  return state.fixed.size > 0 ? undefined : generic;
}

/** `date: 2024-07-30` followed by ` url: …`: the parser complains about the line above. */
function movedIn(state: State, index: number): Explained | undefined {
  const line = parseLine(state.lines[index]);
  if (line.key === undefined) return undefined;
  const after = nextContent(state.lines, index);
  if (after === undefined) return undefined;
  const below = parseLine(state.lines[after]);
  if (below.key === undefined || below.indent <= line.column) return undefined;
  return indentation(state, after, line.column);
}

function indentation(state: State, index: number, expected: number): Explained {
  state.fixed.set(index, expected);
  const text = state.lines[index].trim();
  const line = parseLine(state.lines[index]);
  const fix = expected === 0 ? "start it at the beginning of the line" : `indent it with ${spaces(expected)}`;
  if (line.tab) {
    return {
      line: index,
      message: `this line is indented with a tab, which YAML does not allow; ${fix}: ${text}`,
    };
  }
  const around = expected === 0 ? "none" : `${expected}`;
  return {
    line: index,
    message: `this line has ${spaces(line.indent)} before it and the lines around it ${around}; ${fix}: ${text}`,
  };
}

/** `tagline: Chaque victime compte : ne laisser…`: a colon and a space start a new key. */
function colonInText(lines: readonly string[], index: number): Explained | undefined {
  const line = parseLine(lines[index]);
  if (line.key === undefined || startsSpecial(line.value)) return undefined;
  if (!/:(?:[ \t]|$)/.test(line.value)) return undefined;
  return {
    line: index,
    message: `a colon followed by a space inside text makes YAML read a new key; write the text with quotes: ${rewrite(line, quoted(line.value))}`,
  };
}

/** A line of text with no `key:` before it. */
function noKey(lines: readonly string[], index: number): Explained | undefined {
  const line = parseLine(lines[index]);
  if (line.key !== undefined || line.dashes !== "") return undefined;
  return {
    line: index,
    message:
      "this line has text but no key; write it as key: text, or put it on the line of the key it belongs to",
  };
}

/** `tagline: "Chaque victime compte` with no closing quote: the line where the quote opens. */
function unclosedQuote(lines: readonly string[], index: number, quote: string): Explained | undefined {
  for (let i = 0; i <= index && i < lines.length; i++) {
    const line = parseLine(lines[i]);
    if (!line.value.startsWith(quote) || closesQuote(line.value, quote)) continue;
    return {
      line: i,
      message: `the text opens with a quote mark but does not close it; add the closing quote at the end: ${rewrite(line, `${line.value}${quote}`)}`,
    };
  }
  return undefined;
}

function closesQuote(value: string, quote: string): boolean {
  const body = value.slice(1);
  if (quote === "'") return /(?:^|[^'])(?:'')*'(?!')/.test(body);
  return /(?:^|[^\\])(?:\\\\)*"/.test(body);
}

/** `languages: [en, fr` never closed; text that starts with [ should have been in quotes. */
function unclosedFlow(lines: readonly string[], index: number): Explained | undefined {
  for (let i = Math.min(index, lines.length - 1); i >= 0; i--) {
    const line = parseLine(lines[i]);
    const open = line.value[0];
    if (open !== "[" && open !== "{") continue;
    const close = open === "[" ? "]" : "}";
    if (count(line.value, open) <= count(line.value, close)) return undefined;
    if (line.key && isFreeText([line.key])) return specialStart(lines, i);
    return {
      line: i,
      message: `the ${open === "[" ? "list" : "group"} opened with "${open}" is not closed; end it with "${close}": ${rewrite(line, `${line.value}${close}`)}`,
    };
  }
  return undefined;
}

/** `tagline: @campagne`, `tagline: [2024] Campagne`, `tagline: "Bleu" cœur`: quote the whole text. */
function specialStart(lines: readonly string[], index: number): Explained | undefined {
  const line = parseLine(lines[index]);
  if (line.key === undefined || !startsSpecial(line.value)) return undefined;
  const first = line.value[0];
  const what =
    first === '"' || first === "'"
      ? "the text starts with a quote mark, so YAML expects it to end there"
      : `"${first}" at the start of the text has a special meaning in YAML`;
  return {
    line: index,
    message: `${what}; write the whole text with quotes: ${rewrite(line, quoted(line.value))}`,
  };
}

const startsSpecial = (value: string) => /^[[\]{}"'@`%*&!|>?,]/.test(value);

/** `title:` written twice in one group. */
function duplicate(state: State, index: number): Explained | undefined {
  const line = parseLine(state.lines[index]);
  if (line.key === undefined) return undefined;
  for (let i: number | undefined = previousContent(state.lines, index); i !== undefined; ) {
    const other = parseLine(state.lines[i]);
    if (other.column < line.column) break;
    if (other.column === line.column && other.key === line.key) {
      return {
        line: index,
        message: `"${line.key}" is written twice (also line ${state.lineNumber(i)}); remove one`,
      };
    }
    if (other.dashes !== "" && other.column === line.column) break;
    i = previousContent(state.lines, i);
  }
  return { line: index, message: `"${line.key}" is written twice in this group; remove one` };
}

/** The line without its indentation, with `value` in place of its value. */
function rewrite(line: Line, value: string): string {
  return `${line.dashes}${line.key === undefined ? "" : `${line.key}: `}${value}`;
}

/** The value in the quotes that need no change inside it. */
function quoted(value: string): string {
  if (!/["\\]/.test(value)) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

const count = (text: string, character: string) => text.split(character).length - 1;
const spaces = (n: number) => `${n} ${n === 1 ? "space" : "spaces"}`;

/**
 * `tagline: Campagne #BlueHeart` is valid YAML that drops "#BlueHeart" as a comment: in a
 * person's own words (isFreeText) that is a mistake, told with the line as it should be.
 */
export function cutTextProblems(source: YamlSource, file: string): Problem[] {
  return source.commented
    .filter((cut) => isFreeText(cut.path))
    .map((cut) => ({
      file,
      line: cut.line,
      key: keyPath(cut.path),
      message: `the text stops at " #" (YAML reads the rest as a comment); write it with quotes: ${cut.prefix}${quoted(cut.value)}`,
    }));
}
