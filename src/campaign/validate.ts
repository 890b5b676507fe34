/**
 * Runs a zod schema over parsed YAML and turns every issue into a Problem with a line number,
 * the key path, what was expected, what was found, and a "did you mean" hint for unknown keys.
 */
import { z } from "zod";
import { keyPath, type Problem } from "../problems/problem.ts";
import { closest } from "../problems/suggest.ts";
import type { YamlSource } from "./yaml-source.ts";

export type Validation<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function validate<S extends z.ZodType>(
  schema: S,
  source: YamlSource,
  file: string,
): Validation<z.output<S>> {
  const result = schema.safeParse(source.value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const problems = result.error.issues.flatMap((issue) => issueToProblems(schema, issue, source, file));
  return { ok: false, problems };
}

function issueToProblems(
  schema: z.ZodType,
  issue: z.core.$ZodIssue,
  source: YamlSource,
  file: string,
): Problem[] {
  const path = issue.path;
  if (issue.code === "invalid_union") {
    // Report the alternative that matched the value's type (an id, or a partner's keys).
    const branch = issue.errors.find(
      (errors) => !errors.some((e) => e.code === "invalid_type" && e.path.length === 0),
    );
    if (branch) {
      return branch.flatMap((inner) =>
        issueToProblems(
          schema,
          { ...inner, path: [...path, ...inner.path] } as z.core.$ZodIssue,
          source,
          file,
        ),
      );
    }
  }
  if (issue.code === "unrecognized_keys") {
    const known = Object.keys(objectShapeAt(schema, path) ?? {}).filter((key) => key !== "$schema");
    return issue.keys.map((key) => {
      const suggestion = closest(key, known);
      const hint = suggestion ? `did you mean "${suggestion}"?` : `known keys here are ${known.join(", ")}`;
      return {
        file,
        line: source.lineOfKey(path, key),
        key: keyPath([...path, key]),
        message: `unknown key; ${hint}`,
      };
    });
  }
  if (issue.code === "invalid_key" && issue.issues.length > 0) {
    // A key of a map keyed by language tags: what is wrong with the key itself.
    const inner = issue.issues[0] as z.core.$ZodIssue;
    return [
      {
        file,
        line: source.lineOfKey(path.slice(0, -1), String(path.at(-1))),
        key: keyPath(path),
        message: inner.message,
      },
    ];
  }
  const input = (issue as { input?: unknown }).input;
  const missing = issue.code === "invalid_type" && input === undefined;
  const where = { file, line: source.lineOf(path), key: path.length > 0 ? keyPath(path) : undefined };
  if (issue.code === "invalid_type" && typeof input === "string" && listOfWordsAt(schema, path)) {
    return [{ ...where, message: listMessage(path, input) }];
  }
  // A message that already quotes the value ("english" is not a language tag…) says what was found.
  const found = missing || issue.message.includes(JSON.stringify(input)) ? "" : `; found ${describe(input)}`;
  return [
    { ...where, message: missing ? `required key is missing: ${issue.message}` : `${issue.message}${found}` },
  ];
}

/** `languages: en, fr` is one piece of text: `write the languages as a list: languages: [en, fr]`. */
function listMessage(path: readonly PropertyKey[], text: string): string {
  const key = String(path.at(-1) ?? "");
  const items = text.split(/[\s,;]+/).filter((item) => item !== "");
  return `${JSON.stringify(text)} is text, not a list; write the ${key} as a list: ${key}: [${items.join(", ")}]`;
}

function describe(value: unknown): string {
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "a group of keys";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
  return `${JSON.stringify(value)} (a ${typeof value})`;
}

/** Walks the schema along a data path to the object schema there, for key suggestions. */
function objectShapeAt(schema: z.ZodType, path: readonly PropertyKey[]): Record<string, unknown> | undefined {
  const found = schemaAt(schema, path);
  return found instanceof z.ZodObject ? found.shape : undefined;
}

/** Whether the schema at `path` is a list of words (language tags, partner ids), not of groups. */
function listOfWordsAt(schema: z.ZodType, path: readonly PropertyKey[]): boolean {
  const found = schemaAt(schema, path);
  if (!(found instanceof z.ZodArray)) return false;
  const element = found.element as z.ZodType;
  const options = element instanceof z.ZodUnion ? (element.options as z.ZodType[]) : [element];
  return options.some((option) => option instanceof z.ZodString);
}

function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (current instanceof z.ZodObject) current = unwrap(current.shape[String(segment)] as z.ZodType);
    else if (current instanceof z.ZodArray) current = unwrap(current.element as z.ZodType);
    else return undefined;
  }
  return current;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) {
    current = current.unwrap() as z.ZodType;
  }
  if (current instanceof z.ZodUnion) {
    current = (current.options as z.ZodType[]).find((option) => option instanceof z.ZodObject) ?? current;
  }
  return current;
}
