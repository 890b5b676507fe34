/**
 * End to end: a copy of an example campaign whose French title fits the share cards but not the
 * poster. The real build, run as a person runs it, stops with the content file and field named,
 * no stack trace, and leaves the previous output as it was.
 */
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { ROOT, tempDir } from "../helpers/fixtures.ts";
import { TITLE_FOR_CARDS_NOT_POSTER, withTitle } from "../helpers/poster-words.ts";

const run = promisify(execFile);
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

/** Every file below `dir` with the hash of its bytes, sorted: equal lists, equal trees. */
async function snapshot(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
  const hashes = await Promise.all(
    files.map(async (file) => {
      const hash = crypto
        .createHash("sha256")
        .update(await fs.readFile(file))
        .digest("hex");
      return `${path.relative(dir, file)} ${hash}`;
    }),
  );
  return hashes.sort();
}

const test = suite("poster text too long, end to end");

test("the build stops naming content/page.fr.md and title, without a stack trace, and _site is untouched", async () => {
  const work = await tempDir("poster-too-long-");
  try {
    const campaignsDir = path.join(work, "campaigns");
    const dir = path.join(campaignsDir, "benelux-2021");
    await fs.cp(path.join(ROOT, "campaigns/benelux-2021"), dir, { recursive: true });
    const content = path.join(dir, "content/page.fr.md");
    await fs.writeFile(content, withTitle(await fs.readFile(content, "utf8"), TITLE_FOR_CARDS_NOT_POSTER));
    // What a previous build left: it must stay exactly as it was.
    const out = path.join(work, "_site");
    await fs.mkdir(path.join(out, "benelux-2021/fr"), { recursive: true });
    await fs.writeFile(path.join(out, "index.html"), "<!doctype html><title>Previous build</title>\n");
    await fs.writeFile(path.join(out, "benelux-2021/fr/poster-a4.pdf"), "previous poster");
    const before = await snapshot(out);

    const result = await run(
      TSX,
      [path.join(ROOT, "src/cli.ts"), "build", "--campaigns", campaignsDir, "--out", out],
      {
        cwd: ROOT,
      },
    ).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );

    assert.is.not(result.code, 0, "the build fails");
    const lines = result.stderr.split("\n").filter((line) => line.includes("too long for the poster"));
    assert.is(lines.length, 1, result.stderr);
    assert.match(lines[0], `${path.join("campaigns", "benelux-2021", "content", "page.fr.md")}`);
    assert.match(lines[0], /\btitle\b/);
    assert.not.match(result.stderr, /^\s+at /m, "no stack trace");
    assert.match(result.stderr, "nothing was built");
    assert.equal(await snapshot(out), before, "_site is untouched");
    assert.equal((await fs.readdir(work)).sort(), ["_site", "campaigns"], "no staging folder left behind");
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
});

test.run();
