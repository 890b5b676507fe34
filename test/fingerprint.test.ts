/**
 * The incremental build's fingerprint of the generator: it follows the code that runs (src/
 * through tsx, dist/ once compiled) and also the project's src/, where page templates and UI
 * strings are read from even by compiled code.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generatorFingerprint } from "../src/incremental.ts";

const test = suite("generator fingerprint");

test("a project whose code runs from elsewhere is still fingerprinted by its own src/", async () => {
  // This file runs the generator from the repository's src/; the project below is another folder.
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "campaign-fingerprint-"));
  try {
    const strings = path.join(root, "src/i18n/strings");
    await fs.mkdir(strings, { recursive: true });
    await fs.writeFile(path.join(strings, "fr.json"), '{ "site": "Campagne" }\n');
    const before = await generatorFingerprint(root);
    assert.is(await generatorFingerprint(root), before, "the same files, the same fingerprint");
    await fs.writeFile(path.join(strings, "fr.json"), '{ "site": "Campagne 2024" }\n');
    assert.is.not(await generatorFingerprint(root), before, "an edited UI string changes it");
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
});

test.run();
