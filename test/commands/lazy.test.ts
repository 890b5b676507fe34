import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { ROOT, tempDir } from "../helpers/fixtures.ts";

const run = promisify(execFile);
const test = suite("the command line loads only what a command needs");

/** Runs the command line with a module hook that records every module file it loads. */
async function loaded(...args: string[]): Promise<string[]> {
  const dir = await tempDir();
  const log = path.join(dir, "loaded.txt");
  const hooks = path.join(dir, "hooks.mjs");
  await fs.writeFile(
    hooks,
    `import fs from "node:fs";
export async function load(url, context, next) {
  fs.appendFileSync(${JSON.stringify(log)}, url + "\\n");
  return next(url, context);
}`,
  );
  const register = path.join(dir, "register.mjs");
  await fs.writeFile(
    register,
    `import { register } from "node:module";\nregister(${JSON.stringify(`file://${hooks}`)});\n`,
  );
  await run(
    process.execPath,
    ["--import", register, "--import", "tsx", path.join(ROOT, "src/cli.ts"), ...args],
    {
      cwd: ROOT,
    },
  ).catch(() => undefined);
  const urls = (await fs.readFile(log, "utf8")).split("\n").filter(Boolean);
  await fs.rm(dir, { recursive: true });
  return urls;
}

const HEAVY = /node_modules\/(@11ty\/eleventy|@11ty\/eleventy-img|sharp|zod|yaml|markdown-it|nunjucks)\//;

test("--help and an unknown command load no Eleventy, sharp, zod, YAML or Markdown", async () => {
  for (const args of [["--help"], ["nonsense"]]) {
    const urls = await loaded(...args);
    assert.ok(
      urls.some((url) => url.endsWith("/src/cli.ts")),
      `the hook saw nothing for ${args}`,
    );
    assert.equal(
      urls.filter((url) => HEAVY.test(url)),
      [],
      args.join(" "),
    );
    assert.equal(
      urls.filter((url) => url.includes("/src/commands/")),
      [],
      args.join(" "),
    );
  }
});

test("check loads its own command module and not Eleventy or the image tools", async () => {
  const urls = await loaded("check");
  assert.ok(urls.some((url) => url.endsWith("/src/commands/check.ts")));
  assert.equal(
    urls.filter((url) => /node_modules\/(@11ty\/eleventy|@11ty\/eleventy-img)\//.test(url)),
    [],
  );
});

test.run();
