/**
 * The admin published for a Git host must find the words where they are. Decap's own path logic
 * (getFilePath, getLocaleFromPath, normalizeFilePath of the installed decap-cms-core) is read
 * from node_modules and applied to the configuration `build --with-admin --admin-repo` writes:
 * listing each words folder, grouping the files into entries, then resolving every language of
 * the entry, as Decap does against GitHub or GitLab.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { parseBackend, writeAdmin } from "../../src/cms/publish.ts";
import { ROOT, tempDir } from "../helpers/fixtures.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("cms: the published admin's paths");

const require = createRequire(import.meta.url);
const I18N_SOURCE = path.join(
  path.dirname(require.resolve("decap-cms-core/package.json")),
  "dist/esm/lib/i18n.js",
);

type PathFunctions = {
  getFilePath(structure: string, extension: string, path: string, slug: string, locale: string): string;
  getLocaleFromPath(structure: string, extension: string, path: string): string;
  normalizeFilePath(structure: string, path: string, locale: string): string;
};

/** Decap's path functions, taken from its source as installed (they use only escapeRegExp). */
function decapPathFunctions(): PathFunctions {
  const source = fs.readFileSync(I18N_SOURCE, "utf8");
  const take = (name: string) => {
    const start = source.indexOf(`export function ${name}(`);
    assert.ok(start >= 0, `decap-cms-core no longer has ${name}`);
    const end = source.indexOf("\nexport ", start + 1);
    return source.slice(start + "export ".length, end);
  };
  const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
  const I18N_STRUCTURE = {
    MULTIPLE_FOLDERS: "multiple_folders",
    MULTIPLE_FILES: "multiple_files",
    SINGLE_FILE: "single_file",
  };
  const names = ["getFilePath", "getLocaleFromPath", "normalizeFilePath"];
  const body = `${names.map(take).join("\n")}\nreturn { ${names.join(", ")} };`;
  return new Function("escapeRegExp", "I18N_STRUCTURE", body)(escapeRegExp, I18N_STRUCTURE);
}

interface WordsCollection {
  name: string;
  folder: string;
  extension: string;
  i18n: { structure: string; locales: string[]; default_locale: string };
}

for (const host of ["github:example/campaigns", "gitlab:team/campaigns"]) {
  test(`${host}: every language of both examples resolves to a file in the repository`, async () => {
    const decap = decapPathFunctions();
    const outDir = await tempDir();
    const dir = await writeAdmin({
      outDir,
      slug: "blue-heart-2023-be",
      campaignsDir: path.join(ROOT, "campaigns"),
      repoRoot: ROOT,
      backend: parseBackend(host),
    });
    const config = parse(fs.readFileSync(path.join(dir, "config.yml"), "utf8")) as {
      backend: { name: string };
      collections: Array<Partial<WordsCollection> & { files?: Array<{ file: string }> }>;
    };
    fs.rmSync(outDir, { recursive: true, force: true });
    assert.is(config.backend.name, host.split(":")[0]);

    const words = config.collections.filter((collection) => collection.i18n) as WordsCollection[];
    assert.equal(words.map((collection) => collection.name).sort(), ["benelux-2021", "blue-heart-2023-be"]);
    for (const collection of words) {
      const { structure, locales } = collection.i18n;
      const extension = collection.extension;
      // What the Git host lists in the folder, grouped into entries the way Decap groups them.
      const listed = fs
        .readdirSync(path.join(ROOT, collection.folder))
        .filter((name) => name.endsWith(`.${extension}`))
        .map((name) => `${collection.folder}/${name}`);
      const entries = new Set(
        listed.map((file) =>
          decap.normalizeFilePath(structure, file, decap.getLocaleFromPath(structure, extension, file)),
        ),
      );
      assert.equal([...entries], [`${collection.folder}/page.${extension}`], `${collection.name}: one entry`);
      const [entryPath] = [...entries];
      const slug = path.posix.basename(entryPath, `.${extension}`);
      const resolved = locales.map((locale) =>
        decap.getFilePath(structure, extension, entryPath, slug, locale),
      );
      for (const file of resolved)
        assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} is not in the repository`);
      // Every file the folder holds is one of the entry's languages: nothing is left unreachable.
      assert.equal([...resolved].sort(), [...listed].sort(), collection.name);
    }
    const settings = config.collections.find((collection) => collection.name === "settings");
    for (const file of settings?.files ?? []) assert.ok(fs.existsSync(path.join(ROOT, file.file)), file.file);
  });
}

test.run();
