/**
 * The documents' links hold: in README.md, SECURITY.md and every Markdown file of docs/, each
 * relative link or image (Markdown, or an HTML <img>/<a>) points to a file that exists, and each
 * #anchor, in the same file or another, names one of that file's headings as GitHub slugs it.
 * The files are read with markdown-it, the parser the generator itself uses, so a link inside a
 * code block or inline code is not taken for one.
 */
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import MarkdownIt from "markdown-it";
import { parse as parseHtml } from "node-html-parser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { ROOT, tempDir } from "./helpers/fixtures.ts";

type Token = ReturnType<InstanceType<typeof MarkdownIt>["parse"]>[number];

const markdown = new MarkdownIt({ html: true });

/**
 * GitHub's anchor for a heading's text (github-slugger): lower case; every character that is not
 * a letter, a mark, a number, a connector (`_`), a hyphen or a space removed; each space a hyphen.
 */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** The text of an inline token as rendered: words and code, without markup or HTML tags. */
function inlineText(token: Token): string {
  return (token.children ?? ([] as Token[]))
    .map((child) => {
      if (child.type === "text" || child.type === "code_inline") return child.content;
      if (child.type === "html_inline") return "";
      if (child.type === "image") return child.content;
      return "";
    })
    .join("");
}

/** The anchors of a Markdown file's headings; a repeated heading gets -1, -2… as on GitHub. */
export function anchorsOf(text: string): Set<string> {
  const tokens = markdown.parse(text, {});
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  tokens.forEach((token, index) => {
    if (token.type !== "heading_open") return;
    const base = slug(inlineText(tokens[index + 1]).trim());
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  });
  return anchors;
}

interface Link {
  target: string;
  line: number;
}

/** Every link and image target of a Markdown file, with its line (1-based). */
export function linksOf(text: string): Link[] {
  const links: Link[] = [];
  const fromHtml = (html: string, line: number) => {
    for (const element of parseHtml(html).querySelectorAll("a[href], img[src]")) {
      links.push({ target: element.getAttribute("href") ?? element.getAttribute("src") ?? "", line });
    }
  };
  const walk = (tokens: Token[], start: number) => {
    let line = start;
    for (const token of tokens) {
      // Block tokens know their first line; inside a paragraph, each line break is one more.
      if (token.map) line = token.map[0] + 1;
      if (token.type === "softbreak" || token.type === "hardbreak") line++;
      if (token.type === "link_open") links.push({ target: String(token.attrGet("href") ?? ""), line });
      else if (token.type === "image") links.push({ target: String(token.attrGet("src") ?? ""), line });
      else if (token.type === "html_inline" || token.type === "html_block") fromHtml(token.content, line);
      if (token.children) walk(token.children, line);
    }
  };
  walk(markdown.parse(text, {}), 1);
  return links;
}

/** The broken links of the given files (paths relative to root), one line each. */
export async function brokenLinks(root: string, files: string[]): Promise<string[]> {
  const anchors = new Map<string, Set<string>>();
  const anchorsOfFile = async (file: string) => {
    if (!anchors.has(file)) anchors.set(file, anchorsOf(await fs.readFile(file, "utf8")));
    return anchors.get(file) as Set<string>;
  };
  const broken: string[] = [];
  for (const file of files) {
    const absolute = path.join(root, file);
    for (const { target, line } of linksOf(await fs.readFile(absolute, "utf8"))) {
      // Another site, an e-mail address or any other scheme: not this repository's to check.
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//")) continue;
      const [pathPart, anchor] = target.split("#", 2) as [string, string | undefined];
      const where = `${file}:${line} ${target}`;
      const linked = pathPart
        ? path.resolve(path.dirname(absolute), decodeURIComponent(pathPart.split("?")[0]))
        : absolute;
      if (!linked.startsWith(root + path.sep) && linked !== root) {
        broken.push(`${where}: points outside the repository`);
        continue;
      }
      if (!existsSync(linked)) {
        broken.push(`${where}: no such file`);
        continue;
      }
      if (anchor === undefined) continue;
      if (!linked.endsWith(".md")) {
        broken.push(`${where}: an anchor into a file that is not Markdown`);
        continue;
      }
      if (!(await anchorsOfFile(linked)).has(anchor)) {
        broken.push(`${where}: no heading with the anchor #${anchor} in ${path.relative(root, linked)}`);
      }
    }
  }
  return broken;
}

/** README.md and the other Markdown files at the top, and every Markdown file under docs/. */
async function documents(): Promise<string[]> {
  const top = (await fs.readdir(ROOT)).filter((name) => name.endsWith(".md"));
  const docs = (await fs.readdir(path.join(ROOT, "docs"), { recursive: true }))
    .filter((name) => name.endsWith(".md"))
    .map((name) => path.join("docs", name));
  return [...top, ...docs].sort();
}

const test = suite("documentation links");

test("GitHub's anchors: punctuation dropped, spaces to hyphens, repeats numbered", () => {
  assert.is(slug("Ready to publish?"), "ready-to-publish");
  assert.is(slug("Next year's edition"), "next-years-edition");
  assert.is(slug("Safe, private, accessible"), "safe-private-accessible");
  assert.is(slug("content/page.<language>.md"), "contentpagelanguagemd");
  assert.is(slug("Share-card design"), "share-card-design");
  assert.is(slug("Lëtzebuergesch"), "lëtzebuergesch");
  assert.equal(
    [
      ...anchorsOf(
        "# Intro\n\n## Use `campaign.yaml`\n\n## Intro\n\n```\n# not a heading\n```\n\n## Intro\n",
      ),
    ],
    ["intro", "use-campaignyaml", "intro-1", "intro-2"],
  );
});

test("a broken file link, a broken anchor and a broken image are each found", async () => {
  const root = await tempDir("docs-links-");
  await fs.mkdir(path.join(root, "docs"));
  await fs.writeFile(path.join(root, "docs/other.md"), "# Other\n\n## Putting the site online\n");
  await fs.writeFile(
    path.join(root, "README.md"),
    [
      "# Title",
      "",
      "## Two commands",
      "",
      "[fine](docs/other.md#putting-the-site-online) [fine](#two-commands) [web](https://example.org/#x)",
      "[missing file](docs/nothing.md)",
      "[missing anchor](docs/other.md#putting-it-online)",
      "[missing local anchor](#three-commands)",
      '<img src="docs/nothing.png" alt="">',
      "`[not a link](nowhere.md)`",
      "",
    ].join("\n"),
  );
  assert.equal(await brokenLinks(root, ["README.md", "docs/other.md"]), [
    "README.md:6 docs/nothing.md: no such file",
    "README.md:7 docs/other.md#putting-it-online: no heading with the anchor #putting-it-online in docs/other.md",
    "README.md:8 #three-commands: no heading with the anchor #three-commands in README.md",
    "README.md:9 docs/nothing.png: no such file",
  ]);
  await fs.rm(root, { recursive: true, force: true });
});

test("every relative link and anchor of README.md and docs/ holds", async () => {
  const files = await documents();
  assert.ok(files.includes("README.md") && files.includes("docs/developers.md"), files.join(", "));
  assert.equal(await brokenLinks(ROOT, files), []);
});

test.run();
