import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { fixtureCampaign, ROOT, tempDir } from "./helpers/fixtures.ts";

const run = promisify(execFile);
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

/** Runs the CLI as a person would and returns its exit code and output. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [path.join(ROOT, "src/cli.ts"), ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

const test = suite("cli");

test("check passes a valid campaign", async () => {
  const { campaignsDir, cleanup } = await fixtureCampaign();
  const result = await cli("check", "--campaigns", campaignsDir);
  await cleanup();
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, "✓ minimal: 2 languages (en, fr)");
});

test("check lists every problem, one a line, exit 1, no stack trace", async () => {
  const { campaignsDir, cleanup } = await fixtureCampaign({
    yaml: (text) => text.replace("languages:", "langauges:").replace("2024-07-30", "2024-02-30"),
  });
  const result = await cli("check", "--campaigns", campaignsDir);
  await cleanup();
  assert.is(result.code, 1);
  const lines = result.stderr.trim().split("\n");
  assert.match(lines[0], /campaign\.yaml:1 date: this date does not exist in the calendar/);
  assert.ok(
    lines.some((line) => /campaign\.yaml:3 langauges: unknown key; did you mean "languages"\?$/.test(line)),
    result.stderr,
  );
  assert.match(result.stderr, "problems found; nothing was built.");
  assert.not.match(result.stderr, /\s+at .*\.ts:\d+/);
});

test("--debug adds the stack trace", async () => {
  const { campaignsDir, cleanup } = await fixtureCampaign({ yaml: () => "" });
  const result = await cli("check", "--debug", "--campaigns", campaignsDir);
  await cleanup();
  assert.is(result.code, 1);
  assert.match(result.stderr, /CampaignError: .*file is empty/);
  assert.match(result.stderr, /\s+at /);
});

test("build prints a line per campaign and a summary", async () => {
  const { campaignsDir, cleanup } = await fixtureCampaign();
  const out = path.join(await tempDir(), "_site");
  const result = await cli("build", "--campaigns", campaignsDir, "--out", out);
  await cleanup();
  assert.is(result.code, 0, result.stderr);
  // Per language: the page, its share kit, its safety page and its accessibility statement.
  assert.match(result.stdout, "✓ minimal: 2 languages, 11 pages");
  assert.match(result.stdout, /Built 12 pages and \d+ images in \d+\.\d s/);
  assert.match(result.stdout, /Share images: \d+ rendered, \d+ reused/);
  await fs.access(path.join(out, "minimal/fr/index.html"));
  await fs.rm(path.dirname(out), { recursive: true });
});

test("new scaffolds from the starter and from an existing campaign", async () => {
  const { campaignsDir, cleanup } = await fixtureCampaign();
  const fresh = await cli("new", "blue-heart-2025", "--campaigns", campaignsDir);
  assert.is(fresh.code, 0, fresh.stderr);
  assert.match(fresh.stdout, "Next steps:");
  await fs.access(path.join(campaignsDir, "blue-heart-2025/campaign.yaml"));
  const copy = await cli("new", "minimal-2025", "--from", "minimal", "--campaigns", campaignsDir);
  assert.is(copy.code, 0, copy.stderr);
  await fs.access(path.join(campaignsDir, "minimal-2025/logos/mark.svg"));
  const checked = await cli("check", "--campaigns", campaignsDir);
  assert.is(checked.code, 0, checked.stderr);
  const clash = await cli("new", "minimal", "--campaigns", campaignsDir);
  assert.is(clash.code, 1);
  assert.match(clash.stderr, "campaigns/minimal already exists");
  const bad = await cli("new", "Bad_Name", "--campaigns", campaignsDir);
  assert.is(bad.code, 1);
  assert.match(bad.stderr, "use lower-case letters, digits and hyphens");
  await cleanup();
});

test("check --translations prints each language's status and fails when something is missing", async () => {
  const { campaignsDir, cleanup } = await fixtureCampaign({ files: { "content/fr.md": null } });
  const result = await cli("check", "--translations", "--campaigns", campaignsDir);
  await cleanup();
  assert.is(result.code, 1);
  assert.match(
    result.stdout,
    "| language | content | UI strings complete | UI strings reviewed | content reviewed | share images fit | notes |",
  );
  assert.match(result.stdout, /\| `en` English \| ✓ \| ✓ \| ✓ \| not yet \| ✓ \|/);
  assert.match(
    result.stdout,
    /\| `fr` Français \| ✗ \| ✓ \| not yet \| not yet \| – \| content\/fr\.md missing \|/,
  );
});

test("unknown command exits 2 with usage", async () => {
  const result = await cli("publish");
  assert.is(result.code, 2);
  assert.match(result.stderr, "Usage: campaign <command>");
});

test.run();
