/**
 * A content file's front matter: the one reader every part of the tool uses (loading, the
 * translators' files, the editor's merge, next year's edition). A byte-order mark before the
 * first `---` is kept with the opening line, so offsets and rewritten files stay true to the text.
 */

export interface FrontMatter {
  /** An optional byte-order mark and the opening `---` line with its line end. */
  open: string;
  /** The YAML between the lines. */
  yaml: string;
  /** The line end before the closing `---`, the line, and its own line end (if any). */
  close: string;
  /** Everything after the closing line. */
  body: string;
}

const FRONT_MATTER = /^(\uFEFF?---\r?\n)([\s\S]*?)(\r?\n---[ \t]*(?:\r?\n|$))/;

/** The file's front matter and body, or undefined when it does not start with one. */
export function splitFrontMatter(text: string): FrontMatter | undefined {
  const match = FRONT_MATTER.exec(text);
  if (!match) return undefined;
  const [whole, open, yaml, close] = match;
  return { open, yaml, close, body: text.slice(whole.length) };
}

/** How far into the text the body starts (in characters). */
export function bodyOffset(front: FrontMatter): number {
  return front.open.length + front.yaml.length + front.close.length;
}
