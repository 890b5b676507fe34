import { suite } from "uvu";
import * as assert from "uvu/assert";
import { bodyOffset, splitFrontMatter } from "../../src/campaign/front-matter.ts";
import { mergeMarkdown } from "../../src/cms/merge.ts";

const test = suite("front matter: one reader for every part of the tool");

test("splits the YAML and the body, with the lines kept as written", () => {
  const text = "---\ntitle: Titre\n---\nLe texte.\n";
  const front = splitFrontMatter(text);
  assert.equal(front, { open: "---\n", yaml: "title: Titre", close: "\n---\n", body: "Le texte.\n" });
  assert.is(text.slice(bodyOffset(front as NonNullable<typeof front>)), "Le texte.\n");
});

test("a byte-order mark and Windows line ends are read, and kept with the opening line", () => {
  const text = "\uFEFF---\r\ntitle: Titre\r\n---\r\nLe texte.\r\n";
  const front = splitFrontMatter(text);
  assert.is(front?.open, "\uFEFF---\r\n");
  assert.is(front?.yaml, "title: Titre");
  assert.is(front?.body, "Le texte.\r\n");
});

test("no front matter: undefined", () => {
  assert.is(splitFrontMatter("title: Titre\n"), undefined);
  assert.is(splitFrontMatter("---\ntitle: never closed\n"), undefined);
});

test("the editor's merge keeps a file's byte-order mark and changes only the changed key", () => {
  const existing = "\uFEFF---\ntitle: Ancien\ntagline: Reste\n---\nCorps.\n";
  const merged = mergeMarkdown(existing, "---\ntitle: Nouveau\ntagline: Reste\n---\nCorps.\n");
  assert.is(merged, "\uFEFF---\ntitle: Nouveau\ntagline: Reste\n---\nCorps.\n");
});

test.run();
