/**
 * XLIFF 2.0 (OASIS core), written and read with fast-xml-parser. One <file> per export; each
 * translatable piece is a <unit> with one <segment>. Markup inside a piece becomes inline
 * elements whose Markdown is kept in the unit's <originalData>: <pc> around text (emphasis,
 * links), <ph/> for what stands alone (code, phone numbers, placeholders, line breaks).
 */
import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import type { Run } from "./segments.ts";

export const XLIFF_NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0";
export type State = "initial" | "translated" | "reviewed" | "final";

export interface Unit {
  id: string;
  notes: { category: string; text: string }[];
  source: Run[];
  target?: Run[];
  state: State;
}

export interface XliffFile {
  srcLang: string;
  trgLang: string;
  /** `content` or `ui`. */
  kind: string;
  /** What the file was made from: `<slug>` for content, `strings` for UI strings. */
  original: string;
  /** The text around the units (see segments.ts), or JSON for UI strings. */
  skeleton: string;
  units: Unit[];
}

type Node = Record<string, unknown>;
const element = (
  tag: string,
  attributes: Record<string, string | undefined>,
  children: Node[] = [],
): Node => {
  const attrs = Object.fromEntries(
    Object.entries(attributes)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [`@_${name}`, value]),
  );
  return { [tag]: children, ...(Object.keys(attrs).length > 0 ? { ":@": attrs } : {}) };
};
const text = (value: string): Node => ({ "#text": value });

export function writeXliff(file: XliffFile): string {
  const units = file.units.map((unit) => {
    const data = new Map<string, string>();
    const source = runsToNodes(numbered(unit.source), data, true);
    const target = unit.target ? runsToNodes(numbered(unit.target), data, false) : undefined;
    const children: Node[] = [];
    if (unit.notes.length > 0) {
      children.push(
        element(
          "notes",
          {},
          unit.notes.map((note) => element("note", { category: note.category }, [text(note.text)])),
        ),
      );
    }
    if (data.size > 0) {
      children.push(
        element(
          "originalData",
          {},
          [...data].map(([id, value]) => element("data", { id }, [text(value)])),
        ),
      );
    }
    const segment = [element("source", { "xml:space": "preserve" }, source)];
    if (target) segment.push(element("target", { "xml:space": "preserve" }, target));
    children.push(element("segment", { state: unit.state }, segment));
    return element("unit", { id: unit.id }, children);
  });
  const document = [
    { "?xml": [text("")], ":@": { "@_version": "1.0", "@_encoding": "UTF-8" } },
    element(
      "xliff",
      { xmlns: XLIFF_NAMESPACE, version: "2.0", srcLang: file.srcLang, trgLang: file.trgLang },
      [
        element("file", { id: file.kind, original: file.original }, [
          element("skeleton", {}, [text(file.skeleton)]),
          ...units,
        ]),
      ],
    ),
  ];
  const builder = new XMLBuilder({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    suppressEmptyNode: true,
    processEntities: true,
    format: false,
  });
  return `${builder.build(document)}\n`;
}

/** Runs with the ids an export gives their inline elements: numbered by position, an element
 * before those inside it, so source and target agree when the target was made from the source.
 * Import numbers the source it re-reads the same way to compare a translation with it. */
export function numbered(runs: readonly Run[], counter = { n: 0 }): Run[] {
  return runs.map((run) => {
    if (run.kind === "text") return run;
    counter.n++;
    const id = run.id ?? String(counter.n);
    return run.kind === "ph" ? { ...run, id } : { ...run, id, runs: numbered(run.runs, counter) };
  });
}

/** Numbered inline runs to XML nodes. Collects the Markdown of each inline element in `data`; a
 * target whose placeholder is written differently (a phone number with no-break spaces) gets
 * its own data entry. */
function runsToNodes(runs: readonly Run[], data: Map<string, string>, isSource: boolean): Node[] {
  return runs.map((run) => {
    if (run.kind === "text") return text(run.text);
    const id = run.id as string;
    if (run.kind === "ph") {
      let ref = `d${id}`;
      if (isSource) data.set(ref, run.data);
      else if (data.get(ref) !== run.data) {
        ref = `d${id}t`;
        data.set(ref, run.data);
      }
      return element("ph", {
        id,
        dataRef: ref,
        disp: run.what,
        canDelete: run.deletable ? undefined : "no",
        canCopy: "no",
      });
    }
    if (isSource) {
      data.set(`d${id}s`, run.start);
      data.set(`d${id}e`, run.end);
    }
    return element(
      "pc",
      {
        id,
        dataRefStart: `d${id}s`,
        dataRefEnd: `d${id}e`,
        dispStart: run.what,
        canDelete: "no",
        canCopy: "no",
      },
      runsToNodes(run.runs, data, isSource),
    );
  });
}

export class XliffError extends Error {
  override name = "XliffError";
  constructor(
    message: string,
    readonly unit?: string,
  ) {
    super(message);
  }
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const tagOf = (node: Node): string | undefined => Object.keys(node).find((key) => key !== ":@");
const childrenOf = (node: Node): Node[] => (node[tagOf(node) as string] as Node[]) ?? [];
const attr = (node: Node, name: string): string | undefined =>
  (node[":@"] as Record<string, string> | undefined)?.[`@_${name}`];
const elements = (nodes: Node[], tag: string) => nodes.filter((node) => tagOf(node) === tag);
const textOf = (nodes: Node[]): string =>
  nodes.map((node) => (tagOf(node) === "#text" ? String(node["#text"]) : textOf(childrenOf(node)))).join("");

/** Reads an XLIFF 2.0 file; throws XliffError naming what is wrong. */
export function readXliff(xml: string): XliffFile {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new XliffError(
      `not well-formed XML (line ${valid.err.line}: ${valid.err.msg}); expected an XLIFF 2.0 file`,
    );
  }
  const root = elements(parser.parse(xml) as Node[], "xliff")[0];
  if (!root) throw new XliffError("no <xliff> element; expected an XLIFF 2.0 file");
  const version = attr(root, "version");
  if (version !== "2.0" || attr(root, "xmlns") !== XLIFF_NAMESPACE) {
    throw new XliffError(
      `this is XLIFF ${version ?? "without a version"}, expected version="2.0" in namespace ${XLIFF_NAMESPACE}; export it again as XLIFF 2.0 from your translation tool`,
    );
  }
  const srcLang = attr(root, "srcLang");
  const trgLang = attr(root, "trgLang");
  if (!srcLang || !trgLang) throw new XliffError("<xliff> needs both srcLang and trgLang");
  const files = elements(childrenOf(root), "file");
  if (files.length !== 1) throw new XliffError(`expected one <file>, found ${files.length}`);
  const file = files[0];
  const units = elements(childrenOf(file), "unit").map((unit) => readUnit(unit));
  return {
    srcLang,
    trgLang,
    kind: attr(file, "id") ?? "",
    original: attr(file, "original") ?? "",
    skeleton: textOf(
      elements(childrenOf(file), "skeleton")[0] ? childrenOf(elements(childrenOf(file), "skeleton")[0]) : [],
    ),
    units,
  };
}

function readUnit(unit: Node): Unit {
  const id = attr(unit, "id") ?? "";
  const children = childrenOf(unit);
  const data = new Map<string, string>();
  for (const original of elements(children, "originalData")) {
    for (const item of elements(childrenOf(original), "data"))
      data.set(attr(item, "id") ?? "", textOf(childrenOf(item)));
  }
  const segments = elements(children, "segment");
  if (segments.length !== 1) {
    throw new XliffError(
      `expected one <segment>, found ${segments.length} (do not split or join segments)`,
      id,
    );
  }
  const segment = segments[0];
  const source = elements(childrenOf(segment), "source")[0];
  const target = elements(childrenOf(segment), "target")[0];
  const notes = elements(children, "notes").flatMap((notes) =>
    elements(childrenOf(notes), "note").map((note) => ({
      category: attr(note, "category") ?? "",
      text: textOf(childrenOf(note)),
    })),
  );
  return {
    id,
    notes,
    source: source ? nodesToRuns(childrenOf(source), data, id) : [],
    target: target ? nodesToRuns(childrenOf(target), data, id) : undefined,
    state: (attr(segment, "state") as State | undefined) ?? "initial",
  };
}

function nodesToRuns(nodes: Node[], data: Map<string, string>, unit: string): Run[] {
  const runs: Run[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    const id = attr(node, "id") ?? "";
    if (tag === "#text") runs.push({ kind: "text", text: String(node["#text"]) });
    else if (tag === "ph") {
      const value = data.get(attr(node, "dataRef") ?? "");
      if (value === undefined)
        throw new XliffError(`inline element <ph id="${id}"> refers to no original data`, unit);
      runs.push({
        kind: "ph",
        id,
        data: value,
        what: attr(node, "disp") ?? "",
        deletable: attr(node, "canDelete") !== "no",
      });
    } else if (tag === "pc") {
      const start = data.get(attr(node, "dataRefStart") ?? "");
      const end = data.get(attr(node, "dataRefEnd") ?? "");
      if (start === undefined || end === undefined) {
        throw new XliffError(`inline element <pc id="${id}"> refers to no original data`, unit);
      }
      runs.push({
        kind: "pc",
        id,
        start,
        end,
        what: attr(node, "dispStart") ?? "",
        runs: nodesToRuns(childrenOf(node), data, unit),
      });
    } else {
      throw new XliffError(
        `<${tag}> is not supported inside a segment; keep the inline elements as exported`,
        unit,
      );
    }
  }
  return runs;
}
