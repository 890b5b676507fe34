/**
 * The incremental build's fingerprint of the generator: the code as it runs, the generator's
 * templates, and the project's own templates/, assets/ and locked dependencies.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generatorFingerprint } from "../src/build/incremental.ts";

const test = suite("generator fingerprint");

test("a project's own templates, shared assets and lock file change it; its campaigns do not", async () => {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "campaign-fingerprint-"));
  try {
    const before = await generatorFingerprint(root);
    assert.is(await generatorFingerprint(root), before, "the same files, the same fingerprint");
    await fs.mkdir(path.join(root, "campaigns/x"), { recursive: true });
    await fs.writeFile(path.join(root, "campaigns/x/campaign.yaml"), "date: 2026-07-30\n");
    assert.is(await generatorFingerprint(root), before, "a campaign is fingerprinted on its own");
    const steps: Array<[string, string]> = [
      ["templates/harbour/template.json", '{ "extends": "default" }'],
      ["assets/partners.yaml", "partners: []"],
      ["package-lock.json", "{}"],
    ];
    let last = before;
    for (const [file, text] of steps) {
      await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await fs.writeFile(path.join(root, file), text);
      const now = await generatorFingerprint(root);
      assert.is.not(now, last, `${file} did not change the fingerprint`);
      last = now;
    }
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
});

test.run();
