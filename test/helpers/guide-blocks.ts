/**
 * What a test can read in docs/guide*.md: the lines the reader types (each alone in a ```sh
 * block), the output the guide quotes (```text blocks: after a command, lines it prints; after an
 * `<!-- output: name -->` comment, lines of what a test makes happen under that name), the
 * pictures with their alternative text, and the editor's words (bold, and bold for nothing else).
 */
import fs from "node:fs";

export interface Command {
  text: string;
  /** Its place among the guide's commands with the same text: 1 for the first. */
  occurrence: number;
  /** The lines the guide quotes from its output. */
  quoted: string[];
  line: number;
}

export interface Quote {
  name: string;
  lines: string[];
  line: number;
}

export interface Guide {
  commands: Command[];
  /** Output quoted under a name, in order. */
  quotes: Quote[];
  images: Array<{ alt: string; src: string }>;
  bold: string[];
}

export function readGuide(file: string): Guide {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const guide: Guide = { commands: [], quotes: [], images: [], bold: [] };
  let prose: string[] = [];
  for (let at = 0; at < lines.length; at++) {
    const fence = /^(\s*)```(\w*)\s*$/.exec(lines[at]);
    if (!fence) {
      prose.push(lines[at]);
      continue;
    }
    const [, indent, kind] = fence;
    const start = at + 1;
    const body: string[] = [];
    for (at++; at < lines.length && !/^\s*```\s*$/.test(lines[at]); at++) {
      body.push(lines[at].startsWith(indent) ? lines[at].slice(indent.length) : lines[at]);
    }
    const before = prose.filter((line) => line.trim() !== "").at(-1) ?? "";
    const name = /^\s*<!-- output: ([\w-]+) -->\s*$/.exec(before)?.[1];
    if (kind === "sh") {
      if (body.length !== 1)
        throw new Error(`${file}:${start}: a sh block holds one command, not ${body.length}`);
      const text = body[0].trim();
      const occurrence = guide.commands.filter((command) => command.text === text).length + 1;
      guide.commands.push({ text, occurrence, quoted: [], line: start });
    } else if (kind === "text") {
      const quoted = body.filter((line) => line.trim() !== "");
      if (name) guide.quotes.push({ name, lines: quoted, line: start });
      else {
        const last = guide.commands.at(-1);
        if (!last) throw new Error(`${file}:${start}: quoted output before any command, and no output: name`);
        last.quoted.push(...quoted);
      }
    } else if (kind !== "") {
      throw new Error(`${file}:${start}: a \`\`\`${kind} block; the guide uses sh and text only`);
    }
    prose = [];
  }
  const text = lines.join("\n");
  for (const match of text.matchAll(/!\[([^\]]*)\]\(([^)]+)\)/g))
    guide.images.push({ alt: match[1], src: match[2] });
  for (const match of text.matchAll(/\*\*(.+?)\*\*/g)) guide.bold.push(match[1]);
  return guide;
}

/** Whether `output` holds a line that is `quoted` (… stands for anything), spaces at the ends aside. */
export function printed(output: string, quoted: string): boolean {
  const pattern = new RegExp(
    `^${quoted
      .trim()
      .split("…")
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
  return output.split("\n").some((line) => pattern.test(line.trim()));
}
