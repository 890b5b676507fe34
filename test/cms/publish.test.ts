import fs from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseBackend, writeAdmin } from "../../src/cms/publish.ts";
import { ROOT, tempDir } from "../helpers/fixtures.ts";

const test = suite("cms published with --with-admin");

test("the admin goes under <slug>/admin/ with its own CSP, Decap from node_modules, the Git host backend", async () => {
  const outDir = await tempDir();
  const dir = await writeAdmin({
    outDir,
    slug: "blue-heart-2023-be",
    campaignsDir: path.join(ROOT, "campaigns"),
    repoRoot: ROOT,
    backend: parseBackend("github:example/campaigns"),
  });
  assert.is(dir, path.join(outDir, "blue-heart-2023-be/admin"));
  const html = await fs.readFile(path.join(dir, "index.html"), "utf8");
  assert.match(
    html,
    /<meta http-equiv="Content-Security-Policy" content="default-src 'self';[^"]*connect-src 'self' blob: https:\/\/api\.github\.com/,
  );
  assert.not.match(html, /src="https?:/);
  await fs.access(path.join(dir, "decap-cms.js"));
  const config = await fs.readFile(path.join(dir, "config.yml"), "utf8");
  assert.match(config, /backend:\n {2}name: github\n {2}repo: example\/campaigns/);
  await fs.rm(outDir, { recursive: true, force: true });
});

test("--admin-repo names the host and the repository", () => {
  assert.equal(parseBackend("gitlab:team/campaigns"), { name: "gitlab", repo: "team/campaigns" });
  assert.throws(() => parseBackend("example/campaigns"), /github:<owner>\/<name>/);
});

test.run();
