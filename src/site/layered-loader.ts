/**
 * Nunjucks finds template files by layers. A name such as `benelux/partials/hotline.njk` means
 * "partials/hotline.njk of the benelux template": the first layer of benelux's chain that has
 * it (benelux, then default). So a page of `default` that includes
 * `campaign.template + "/partials/hotline.njk"` gets benelux's partial when the campaign uses
 * benelux, and default's own otherwise. Names whose first folder is not a template are looked up
 * as they are.
 */
import path from "node:path";
import nunjucks from "nunjucks";
import { knownTemplates, templateLayers } from "../templates/layers.ts";

export class LayeredLoader extends nunjucks.FileSystemLoader {
  readonly #templatesDir: string;

  constructor(templatesDir: string) {
    super([templatesDir]);
    this.#templatesDir = templatesDir;
  }

  override getSource(name: string): nunjucks.LoaderSource {
    const [template, ...rest] = name.split(/[/\\]/);
    if (rest.length === 0 || !knownTemplates(this.#templatesDir).includes(template)) {
      return super.getSource(name);
    }
    for (const layer of templateLayers(this.#templatesDir, template)) {
      const source = super.getSource(path.posix.join(layer, ...rest));
      if (source) return source;
    }
    // Nunjucks reports "template not found" with the name asked for.
    return null as unknown as nunjucks.LoaderSource;
  }
}

/** Nunjucks' environment with the cache reset its JavaScript has and its type definitions lack. */
export type LayeredEnvironment = nunjucks.Environment & { invalidateCache(): void };

/** The Nunjucks environment of the site: layered lookup under templates/, tidy whitespace. */
export function layeredEnvironment(templatesDir: string): LayeredEnvironment {
  // Tags leave no blank lines or trailing spaces in the HTML.
  return new nunjucks.Environment(new LayeredLoader(templatesDir), {
    trimBlocks: true,
    lstripBlocks: true,
  }) as LayeredEnvironment;
}
