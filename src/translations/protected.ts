/**
 * What a translation must carry exactly as its source does, and what it may not add. A reader of
 * these pages may be a victim looking for help: a phone number, an address or a link that is not
 * the source's would send them elsewhere. Import compares each translation with its source as an
 * export made now carries it (re-read from the campaign's files or the UI strings, never taken
 * from the XLIFF file, whose <originalData> anyone can edit).
 */
import MarkdownIt from "markdown-it";
import { LINE_BREAK, phoneSpacing, type Run, runsToMarkdown } from "./segments.ts";

export type Inline = Exclude<Run, { kind: "text" }>;

interface ProtectedChanges {
  /** The same inline element (by id) with another value. */
  changed: { from: string; to: string }[];
  /** Inline elements of the source the translation lacks (line breaks may go). */
  missing: Inline[];
  /** Inline elements the source does not have, or has fewer times. */
  added: Inline[];
}

/** The Markdown an inline element puts into the page, as the messages show it. */
export const protectedValue = (run: Inline): string =>
  run.kind === "ph" ? run.data : `${run.start}…${run.end}`;

/** Every inline element of runs, those inside links and emphasis included. */
const inlineElements = (runs: readonly Run[]): Inline[] =>
  runs.flatMap((run) =>
    run.kind === "text" ? [] : run.kind === "ph" ? [run] : [run, ...inlineElements(run.runs)],
  );

const ONLY_LINE_BREAK = new RegExp(`^${LINE_BREAK}$`);

/** Compares a translation's inline elements with the source's, matched by id. `source` must be
 * numbered as an export numbers it (see numbered() in xliff.ts). The source decides what an
 * element is: the file's own disp and canDelete attributes can be edited too. */
function compareProtected(source: readonly Run[], target: readonly Run[]): ProtectedChanges {
  const expected = new Map(inlineElements(source).map((run) => [run.id, run]));
  const matched = new Set<string | undefined>();
  const changes: ProtectedChanges = { changed: [], missing: [], added: [] };
  for (const run of inlineElements(target)) {
    // A line break carries no words or numbers: a translation may drop or move it.
    if (run.kind === "ph" && ONLY_LINE_BREAK.test(run.data)) continue;
    const was = expected.get(run.id);
    if (!was || was.kind !== run.kind || matched.has(was.id)) {
      changes.added.push(run);
      continue;
    }
    matched.add(was.id);
    const same =
      was.kind === "ph" && was.what === "phone number"
        ? phoneSpacing(was.data) === phoneSpacing(protectedValue(run))
        : protectedValue(was) === protectedValue(run);
    if (!same) changes.changed.push({ from: protectedValue(was), to: protectedValue(run) });
  }
  changes.missing = [...expected.values()].filter(
    (run) => !matched.has(run.id) && !(run.kind === "ph" && run.deletable),
  );
  return changes;
}

const changedMessage = (change: { from: string; to: string }): string =>
  `protected value changed from "${change.from}" to "${change.to}"; protected values (phone numbers, addresses, code, {placeholders}) must stay as exported: export again or restore it`;

/** As the pages render Markdown (src/campaign/content.ts): no linkify, so only Markdown links,
 * autolinks and images become links; typed addresses and numbers are read, not clicked. */
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

/** Web addresses (with a scheme or www.) and e-mail addresses. */
const ADDRESS =
  /\b(?:[a-z][a-z\d+.-]*:\/\/|www\.)[^\s<>"'`]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/giu;
/** Six digits or more, with spaces, dots or dashes between them: a reader would dial it. */
const PHONE_LIKE = /\+?\p{Nd}(?:[\s.\-\u2010-\u2015]{0,3}\p{Nd}){5,}/gu;
/** Periods such as an action plan's 2021-2024 are not dialled. */
const YEARS = /^(?:1[89]|20)\d\d\s?[-\u2010-\u2015]\s?(?:1[89]|20)\d\d$/u;

/** An address as typed, without the punctuation of the sentence around it. */
const address = (found: string) => found.replace(/[.,;:!?)\]}'"»*]+$/u, "");
/** How each kind is found, shown and compared: an address in any case, with or without its
 * scheme; a number by its digits, however spaced. */
const KINDS = [
  {
    pattern: ADDRESS,
    shown: address,
    key: (found: string) =>
      address(found)
        .toLowerCase()
        .replace(/^[a-z][a-z\d+.-]*:\/\//, "")
        .replace(/\/$/, ""),
  },
  {
    pattern: PHONE_LIKE,
    shown: (found: string) => found,
    key: (found: string) => (YEARS.test(found) ? "" : found.replace(/\P{Nd}/gu, "")),
  },
];

/** The links and images Markdown would put into the page, by address. */
function links(text: string): string[] {
  return markdown
    .parseInline(text, {})
    .flatMap((token) => token.children ?? [])
    .flatMap((child) =>
      child.type === "link_open" || child.type === "image"
        ? [String(child.attrGet(child.type === "image" ? "src" : "href") ?? "")]
        : [],
    );
}

/** What a translation would put into the page that its source does not have: links, images,
 * web and e-mail addresses, phone-like numbers. Read from the Markdown of the whole translation,
 * so text typed around a protected element counts with it ("1" before "078 055 800"). */
function additions(source: readonly Run[], target: readonly Run[]): string[] {
  const from = runsToMarkdown(source);
  const to = runsToMarkdown(target);
  const found: string[] = [];
  const sourceLinks = links(from);
  const linked = new Set<string>();
  for (const href of links(to)) {
    const at = sourceLinks.indexOf(href);
    if (at >= 0) sourceLinks.splice(at, 1);
    else {
      found.push(`a link to ${href}`);
      linked.add(KINDS[0].key(href.replace(/^mailto:/i, "")));
    }
  }
  for (const { pattern, shown, key } of KINDS) {
    const known = new Set(["", ...Array.from(from.matchAll(pattern), (match) => key(match[0]))]);
    for (const [text] of to.matchAll(pattern)) {
      // A typed link's address is said once, as the link.
      if (!known.has(key(text)) && !linked.has(key(text))) found.push(`"${shown(text)}"`);
    }
  }
  return [...new Set(found)];
}

const additionsMessage = (found: string[]): string =>
  `adds what the source does not have: ${found.join(", ")}; a translation may not add links, web or e-mail addresses or phone numbers: remove it, and write other numbers (dates, amounts) as the source writes them`;

/** The translation with its inline elements as the source has them, those the source lacks
 * left out: what remains to check for additions is what the translator typed (a changed or
 * added element is said once, as such). */
function withSourceValues(runs: readonly Run[], source: ReadonlyMap<string | undefined, Inline>): Run[] {
  return runs.flatMap((run): Run[] => {
    if (run.kind === "text") return [run];
    const was = source.get(run.id);
    if (run.kind === "ph") {
      if (ONLY_LINE_BREAK.test(run.data)) return [run];
      return was?.kind === "ph" ? [{ ...run, data: was.data }] : [];
    }
    const inside = withSourceValues(run.runs, source);
    return was?.kind === "pc" ? [{ ...run, start: was.start, end: was.end, runs: inside }] : inside;
  });
}

/** What is wrong with a translation's protected values and additions, as messages.
 * `elementsChanged` words the inline elements it lacks or adds, as the caller's users know them. */
export function protectedProblems(
  source: readonly Run[],
  target: readonly Run[],
  elementsChanged: (missing: Inline[], added: Inline[]) => string,
): string[] {
  const { changed, missing, added } = compareProtected(source, target);
  const messages = changed.map(changedMessage);
  if (missing.length > 0 || added.length > 0) messages.push(elementsChanged(missing, added));
  const bySource = new Map(inlineElements(source).map((run) => [run.id, run]));
  const found = additions(source, withSourceValues(target, bySource));
  if (found.length > 0) messages.push(additionsMessage(found));
  return messages;
}
