/**
 * Nunjucks finds template files by layers. A name such as `benelux/partials/hotline.njk` means
 * "partials/hotline.njk of the benelux template": the first layer of benelux's chain that has
 * it (benelux, then default). So a page of `default` that includes
 * `campaign.template + "/partials/hotline.njk"` gets benelux's partial when the campaign uses
 * benelux, and default's own otherwise. Names whose first folder is not a template are looked up
 * as they are, inside the templates folder only.
 */
import fs from "node:fs";
import path from "node:path";
import nunjucks from "nunjucks";
import { findTemplateFile, knownTemplates, templateRoots } from "../layers/lookup.ts";

export class LayeredLoader extends nunjucks.FileSystemLoader {
  readonly #templatesDir: () => string;

  /** `templatesDir` is asked for when the first file is, once Eleventy knows its folders. */
  constructor(templatesDir: () => string) {
    super([]);
    this.#templatesDir = templatesDir;
  }

  override getSource(name: string): nunjucks.LoaderSource {
    const file = this.find(name);
    // Nunjucks reports "template not found" with the name asked for.
    if (!file) return null as unknown as nunjucks.LoaderSource;
    // Eleventy's watcher reads this map to forget a changed file's compiled template.
    (this as unknown as { pathsToNames: Record<string, string> }).pathsToNames[file] = name;
    return { src: fs.readFileSync(file, "utf8"), path: file, noCache: false };
  }

  /** The file `name` stands for, or undefined. */
  find(name: string): string | undefined {
    const templatesDir = path.resolve(this.#templatesDir());
    const [template, ...rest] = name.split(/[/\\]/);
    if (rest.includes("..")) return undefined;
    if (rest.length > 0 && knownTemplates(templatesDir).includes(template)) {
      return findTemplateFile(templatesDir, template, path.join(...rest));
    }
    // Any other name is a file of a templates folder (the project's first), never outside one.
    for (const root of templateRoots(templatesDir)) {
      const found = path.resolve(root, name);
      if (found.startsWith(root + path.sep) && fs.existsSync(found)) return found;
    }
    return undefined;
  }
}

/** Nunjucks' environment with the cache reset its JavaScript has and its type definitions lack. */
export type LayeredEnvironment = nunjucks.Environment & { invalidateCache(): void };

/** The Nunjucks environment of the site: layered lookup under templates/, tidy whitespace. */
export function layeredEnvironment(templatesDir: () => string): LayeredEnvironment {
  // Tags leave no blank lines or trailing spaces in the HTML.
  return new nunjucks.Environment(new LayeredLoader(templatesDir), {
    trimBlocks: true,
    lstripBlocks: true,
  }) as LayeredEnvironment;
}
