/**
 * YAML that remembers where things are: parse once, keep the document so that a key path can be
 * turned back into a line number for error messages.
 */
import { type Document, isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Problem } from "../problems/problem.ts";
import { explainYamlErrors } from "./yaml-messages.ts";

/** Refuse YAML files larger than this before parsing: no campaign file comes near it. */
export const MAX_YAML_BYTES = 1_000_000;

export interface YamlSource {
  value: unknown;
  /** The 1-based line of the node at `path`, or of its nearest ancestor. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** The 1-based line of the key `key` inside the map at `path`. */
  lineOfKey(path: readonly PropertyKey[], key: string): number | undefined;
  /** Unquoted values followed by a comment on their line: `tagline: Campagne #BlueHeart`. */
  commented: CommentedValue[];
}

export interface CommentedValue {
  path: (string | number)[];
  line: number;
  /** The line up to the value, without its indentation: `tagline: `, `- name: `. */
  prefix: string;
  /** The value with the comment, as written: `Campagne #BlueHeart`. */
  value: string;
}

export type YamlResult = { ok: true; source: YamlSource } | { ok: false; problems: Problem[] };

/**
 * @param firstLine line number of the text's first line in its file (front matter starts at 2).
 */
export function parseYaml(text: string, file: string, firstLine = 1): YamlResult {
  if (text.length > MAX_YAML_BYTES) {
    return fail(
      file,
      undefined,
      `file is larger than ${MAX_YAML_BYTES / 1_000_000} MB; a campaign file is a few hundred lines`,
    );
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const shift = firstLine - 1;
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + shift;

  if (doc.errors.length > 0) {
    const errors = doc.errors.map((error) => ({
      code: error.code,
      line: lineCounter.linePos(error.pos[0]).line - 1,
      message: error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, ""),
    }));
    const lines = text.split(/\r?\n/);
    return {
      ok: false,
      problems: explainYamlErrors(lines, errors, (index) => index + firstLine).map((explained) => ({
        file,
        line: explained.line + firstLine,
        message: explained.message,
      })),
    };
  }
  if (doc.contents === null) {
    return fail(file, undefined, "file is empty; expected YAML keys such as date, url and languages");
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return fail(file, undefined, `YAML could not be read: ${(error as Error).message} (too many aliases?)`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return fail(file, lineAt(0), "expected YAML keys and values (key: value), not a single value or a list");
  }

  return {
    ok: true,
    source: {
      value,
      lineOf: (path) => lineOfPath(doc, path, lineAt),
      lineOfKey: (path, key) => {
        const node = doc.getIn(path as unknown[], true);
        if (!isMap(node)) return lineOfPath(doc, path, lineAt);
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
        const range = isScalar(pair?.key) ? pair.key.range : undefined;
        return range ? lineAt(range[0]) : lineOfPath(doc, path, lineAt);
      },
      commented: commentedValues(doc.contents, [], text, lineAt),
    },
  };
}

function lineOfPath(
  doc: Document,
  path: readonly PropertyKey[],
  lineAt: (offset: number) => number,
): number | undefined {
  for (let length = path.length; length >= 0; length--) {
    const node = doc.getIn(path.slice(0, length) as unknown[], true) as
      | { range?: [number, number, number] }
      | undefined;
    if (node?.range) return lineAt(node.range[0]);
  }
  return undefined;
}

/** Plain scalars with a comment after them on the same line, found by walking maps and lists. */
function commentedValues(
  node: unknown,
  path: (string | number)[],
  text: string,
  lineAt: (offset: number) => number,
): CommentedValue[] {
  if (isMap(node)) {
    return node.items.flatMap((pair) =>
      isScalar(pair.key) ? commentedValues(pair.value, [...path, String(pair.key.value)], text, lineAt) : [],
    );
  }
  if (isSeq(node))
    return node.items.flatMap((item, index) => commentedValues(item, [...path, index], text, lineAt));
  if (!isScalar(node) || node.type !== "PLAIN" || !node.range) return [];
  const [start, end] = node.range;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const lineEnd = text.slice(end).search(/\r?\n|$/) + end;
  if (!/^[ \t]+#/.test(text.slice(end, lineEnd))) return [];
  return [
    {
      path,
      line: lineAt(start),
      prefix: text.slice(lineStart, start).trimStart(),
      value: text.slice(start, lineEnd).trimEnd(),
    },
  ];
}

function fail(file: string, line: number | undefined, message: string): YamlResult {
  return { ok: false, problems: [{ file, line, message }] };
}
