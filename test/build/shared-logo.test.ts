/**
 * A logo that several campaigns share (the same bytes in each folder, or one shared partner),
 * made for all of them at once in a cold build, is published under the hash of its own bytes in
 * every campaign: never under the hash of a file another task was still writing.
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import * as assert from "uvu/assert";
import { build } from "../../src/build/build.ts";
import { FIXTURES, tempDir } from "../helpers/fixtures.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("a logo several campaigns share");

test("is published under the hash of its bytes in every campaign, from a cold cache", async () => {
  // A project of its own: its .cache/ starts empty.
  const root = await tempDir("campaign-shared-logo-");
  const campaignsDir = path.join(root, "campaigns");
  const slugs = ["one", "two", "three", "four", "five", "six"];
  for (const slug of slugs) {
    const dir = path.join(campaignsDir, slug);
    await fs.cp(path.join(FIXTURES, "campaigns/minimal"), dir, { recursive: true });
    const yaml = await fs.readFile(path.join(dir, "campaign.yaml"), "utf8");
    await fs.writeFile(path.join(dir, "campaign.yaml"), yaml.replace("/minimal/", `/${slug}/`));
  }
  const out = path.join(root, "_site");
  await build({ root, campaignsDir, outDir: out, kit: false });
  for (const slug of slugs) {
    const folder = path.join(out, slug, "assets/logos");
    const files = await fs.readdir(folder);
    assert.is(files.length, 6, `${slug}: ${files.join(", ")}`);
    for (const file of files) {
      const hash = crypto
        .createHash("sha256")
        .update(await fs.readFile(path.join(folder, file)))
        .digest("hex");
      assert.is(file.split("-")[0], hash.slice(0, 16), `${slug}/assets/logos/${file}`);
    }
  }
  await fs.rm(root, { recursive: true, force: true });
});

test.run();
