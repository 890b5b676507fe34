/**
 * Template layers. `templates/<name>/template.json` may say `{ "extends": "default" }`: the
 * template then holds only what differs, and every file it lacks comes from the template it
 * extends. A template's chain of layers is itself first, then its parent, and so on to a template
 * that extends nothing (`default`). A file is looked up by layers: the first layer that has it.
 *
 * A project's templates/ folder is searched first, then the templates that ship with the
 * generator: a project that depends on the generator may have no templates/ at all, or a
 * template of its own that extends the generator's `default`.
 *
 * Synchronous on purpose: the Nunjucks loader asks for files synchronously, and the files read
 * here are a few bytes each.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { CampaignError, keyPath, type Problem } from "../problems/problem.ts";
import { closest } from "../problems/suggest.ts";
import { GENERATOR_TEMPLATES } from "../project/paths.ts";

/** The file in a template's folder that names its parent. */
export const TEMPLATE_FILE = "template.json";

const templateName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { error: "expected the name of a folder of templates/, such as default" });

const templateSchema = z.strictObject({
  $comment: z.string().optional(),
  /** The template this one builds on; a template without it must hold every file. */
  extends: templateName.optional(),
  /** What the template is for, for people choosing one. */
  description: z.string().optional(),
});

export type TemplateSettings = z.output<typeof templateSchema>;

/** Where templates are looked for, first wins: the project's templates/, then the generator's. */
export function templateRoots(templatesDir: string): string[] {
  return [...new Set([path.resolve(templatesDir), GENERATOR_TEMPLATES])];
}

function folders(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

/** The names of every template, the project's and the generator's, sorted. */
export function knownTemplates(templatesDir: string): string[] {
  return [...new Set(templateRoots(templatesDir).flatMap(folders))].sort();
}

/** The folder of template `name`: the project's own if it has one, else the generator's. */
export function templateFolder(templatesDir: string, name: string): string {
  const roots = templateRoots(templatesDir);
  const found = roots.find((root) => fs.existsSync(path.join(root, name)));
  return path.join(found ?? roots[0], name);
}

/** "known templates: benelux, default", with the closest one suggested first. */
function knownList(name: string, known: string[]): string {
  const near = closest(name, known);
  const hint = near ? `did you mean "${near}"? ` : "";
  return `${hint}The templates are: ${known.join(", ") || "(none)"}`;
}

/** Reads and checks one template's template.json; a template without one extends nothing. */
export function readTemplateSettings(
  templatesDir: string,
  name: string,
): { settings?: TemplateSettings; problems: Problem[] } {
  const file = path.join(templateFolder(templatesDir, name), TEMPLATE_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return { settings: {}, problems: [] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    return {
      problems: [
        { file, message: `not valid JSON (${reason}); expected an object such as { "extends": "default" }` },
      ],
    };
  }
  const parsed = templateSchema.safeParse(json);
  if (parsed.success) return { settings: parsed.data, problems: [] };
  const known = Object.keys(templateSchema.shape);
  return {
    problems: parsed.error.issues.map((issue): Problem => {
      if (issue.code === "unrecognized_keys") {
        const key = issue.keys[0];
        const near = closest(key, known);
        return {
          file,
          key,
          message: `unknown key${near ? `; did you mean "${near}"?` : ""} A template.json may have: ${known.join(", ")}`,
        };
      }
      return { file, key: keyPath(issue.path) || undefined, message: issue.message };
    }),
  };
}

/**
 * The chain of layers of `name`, itself first, or the problems that stop it: an unknown template,
 * an invalid template.json, an unknown parent, a loop, a chain whose last layer has no pages.
 */
export function resolveLayers(templatesDir: string, name: string): { layers: string[]; problems: Problem[] } {
  const known = knownTemplates(templatesDir);
  if (!known.includes(name)) {
    return {
      layers: [],
      problems: [{ file: templatesDir, message: `unknown template "${name}"; ${knownList(name, known)}` }],
    };
  }
  const layers = [name];
  for (;;) {
    const current = layers[layers.length - 1];
    const file = path.join(templateFolder(templatesDir, current), TEMPLATE_FILE);
    const { settings, problems } = readTemplateSettings(templatesDir, current);
    if (!settings) return { layers: [], problems };
    const parent = settings.extends;
    if (parent === undefined) break;
    if (!known.includes(parent)) {
      return {
        layers: [],
        problems: [
          { file, key: "extends", message: `unknown template "${parent}"; ${knownList(parent, known)}` },
        ],
      };
    }
    if (layers.includes(parent)) {
      const loop = [...layers.slice(layers.indexOf(parent)), parent].join(" → ");
      return {
        layers: [],
        problems: [
          {
            file,
            key: "extends",
            message: `templates extend each other in a loop (${loop}); the last template of a chain extends nothing, as default does`,
          },
        ],
      };
    }
    layers.push(parent);
  }
  const root = layers[layers.length - 1];
  if (!fs.existsSync(path.join(templateFolder(templatesDir, root), "campaign.njk"))) {
    return {
      layers: [],
      problems: [
        {
          file: path.join(templateFolder(templatesDir, root), TEMPLATE_FILE),
          key: "extends",
          message: `template "${root}" extends nothing and has no campaign.njk; add "extends": "default" to build on the default template`,
        },
      ],
    };
  }
  return { layers, problems: [] };
}

/** The chain of layers of `name`, itself first; throws a CampaignError naming template.json. */
export function templateLayers(templatesDir: string, name: string): string[] {
  const { layers, problems } = resolveLayers(templatesDir, name);
  if (problems.length > 0) throw new CampaignError(problems);
  return layers;
}

/** The first layer's copy of `file` (a path inside a template folder), or undefined. */
export function findTemplateFile(templatesDir: string, name: string, file: string): string | undefined {
  return templateFiles(templatesDir, name, file)[0];
}

/** Every layer's copy of `file`, the template's own first (for merging and cache keys). */
export function templateFiles(templatesDir: string, name: string, file: string): string[] {
  return templateLayers(templatesDir, name)
    .map((layer) => path.join(templateFolder(templatesDir, layer), file))
    .filter((candidate) => fs.existsSync(candidate));
}

/**
 * A JSON design file read by layers: each layer's copy is merged over its parent's, so a layer's
 * file may hold only the keys that differ. Objects merge key by key; arrays and other values
 * replace the parent's. `sources` keeps every copy's text, parent first, for cache keys.
 */
export function readLayeredJson(
  templateDir: string,
  file: string,
): { value: unknown; files: string[]; sources: string[] } {
  const files = templateFiles(path.dirname(templateDir), path.basename(templateDir), file).reverse();
  if (files.length === 0) {
    throw new Error(`${path.join(templateDir, file)}: no layer of the template has ${file}`);
  }
  const sources = files.map((each) => fs.readFileSync(each, "utf8"));
  let value: unknown;
  sources.forEach((text, index) => {
    try {
      value = mergeDesign(value, JSON.parse(text));
    } catch (error) {
      throw new Error(`${files[index]}: not valid JSON (${(error as Error).message})`, { cause: error });
    }
  });
  return { value, files, sources };
}

/** `layer` over `base`: plain objects merge key by key, everything else replaces. */
export function mergeDesign(base: unknown, layer: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(layer)) return layer;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(layer)) merged[key] = mergeDesign(base[key], value);
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A text file found by layers (an emblem named in a design file); its path and text. */
export function readLayeredText(templateDir: string, file: string): { file: string; text: string } {
  const found = findTemplateFile(path.dirname(templateDir), path.basename(templateDir), file);
  if (!found) throw new Error(`${path.join(templateDir, file)}: no layer of the template has ${file}`);
  return { file: found, text: fs.readFileSync(found, "utf8") };
}
