/**
 * Every template passes the same suites as default. The shared example build (site.ts) covers
 * each folder of templates/ in every script the examples and the test campaigns have: a template
 * that none of them uses, or whose campaigns miss a script (benelux-2021 has no Arabic), gets a
 * copy of the campaign richest in those scripts, switched to it and cut to one language of each
 * missing script. Browser, axe, html-validate, share-image and poster suites then meet it without
 * knowing it exists.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { languageOfContentFile } from "../../src/campaign/content-files.ts";
import { knownTemplates } from "../../src/layers/lookup.ts";

interface Example {
  slug: string;
  template: string;
  languages: string[];
}

export interface TemplateCopy {
  /** The example copied. */
  from: string;
  /** The new campaign's folder name: <from>-<template>. */
  slug: string;
  template: string;
  languages: string[];
}

/** The writing system of a language ("Latn", "Arab"), as the share images and fonts see it. */
export function scriptOf(tag: string): string {
  return new Intl.Locale(tag).maximize().script ?? tag;
}

async function readExamples(campaignsDir: string): Promise<Example[]> {
  const entries = await fs.readdir(campaignsDir, { withFileTypes: true });
  const examples: Example[] = [];
  for (const entry of entries.filter((each) => each.isDirectory() && !each.name.startsWith("."))) {
    const settings = parse(await fs.readFile(path.join(campaignsDir, entry.name, "campaign.yaml"), "utf8"));
    examples.push({
      slug: entry.name,
      template: settings.template ?? "default",
      languages: settings.languages,
    });
  }
  return examples.sort((a, b) => a.slug.localeCompare(b.slug));
}

/** The copies that make the examples cover every template in every script. */
export async function templateCopies(campaignsDir: string, templatesDir: string): Promise<TemplateCopy[]> {
  const examples = await readExamples(campaignsDir);
  const scripts = new Set(examples.flatMap((example) => example.languages.map(scriptOf)));
  const copies: TemplateCopy[] = [];
  for (const template of knownTemplates(templatesDir)) {
    const own = examples.filter((example) => example.template === template);
    const covered = new Set(own.flatMap((example) => example.languages.map(scriptOf)));
    const missing = [...scripts].filter((script) => !covered.has(script));
    if (missing.length === 0) continue;
    // The first language of each missing script: every script is covered, and the suites that
    // visit every page (axe, both font set-ups) visit no more than that.
    const inMissing = (example: Example) =>
      own.length === 0
        ? example.languages
        : example.languages.filter(
            (tag, index, all) =>
              missing.includes(scriptOf(tag)) &&
              all.findIndex((other) => scriptOf(other) === scriptOf(tag)) === index,
          );
    const source = examples
      .filter((example) => example.template !== template)
      .sort((a, b) => inMissing(b).length - inMissing(a).length)[0];
    copies.push({
      from: source.slug,
      slug: `${source.slug}-${template}`,
      template,
      languages: inMissing(source),
    });
  }
  return copies;
}

/** Writes `copy` into `campaignsDir`: the example's folder, switched and cut to its languages. */
export async function writeTemplateCopy(
  sourceDir: string,
  campaignsDir: string,
  copy: TemplateCopy,
): Promise<void> {
  const dir = path.join(campaignsDir, copy.slug);
  await fs.cp(path.join(sourceDir, copy.from), dir, { recursive: true });
  const file = path.join(dir, "campaign.yaml");
  const yaml = (await fs.readFile(file, "utf8"))
    .replace(/^url:.*$/m, `url: https://www.example.org/${copy.slug}/`)
    .replace(/^languages:.*$/m, `languages: [${copy.languages.join(", ")}]`)
    .replace(/^template:.*\n/m, "")
    .replace(/^(languages:.*)$/m, `$1\ntemplate: ${copy.template}`);
  await fs.writeFile(file, yaml);
  for (const folder of ["content", "strings"]) {
    const files = await fs.readdir(path.join(dir, folder)).catch(() => [] as string[]);
    for (const name of files) {
      const tag = folder === "content" ? languageOfContentFile(name) : name.replace(/\.json$/, "");
      if (tag === undefined) continue;
      if (!copy.languages.includes(tag)) await fs.rm(path.join(dir, folder, name));
    }
  }
}
