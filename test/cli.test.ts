import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { fixtureCampaign, ROOT, tempDir } from "./helpers/fixtures.ts";

const run = promisify(execFile);
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

/** Runs the CLI as a person would (from the project folder, or `cwd`) and returns its exit code and output. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliIn(ROOT, ...args);
}

async function cliIn(
  cwd: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [path.join(ROOT, "src/cli.ts"), ...args], { cwd });
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

test("build works from any working folder, not only the project's", async () => {
  const { campaignsDir, cleanup } = await fixtureCampaign();
  const elsewhere = await tempDir();
  const result = await cliIn(
    elsewhere,
    "build",
    "--campaigns",
    campaignsDir,
    "--out",
    path.join(elsewhere, "_site"),
  );
  await cleanup();
  assert.is(result.code, 0, result.stderr || result.stdout);
  await fs.access(path.join(elsewhere, "_site/minimal/fr/index.html"));
  await fs.rm(elsewhere, { recursive: true, force: true });
});

test("build prints a line per campaign and a summary with the images it drew and reused", async () => {
  // Words no earlier build drew, so the shared image cache cannot already hold these cards.
  const fresh = crypto.randomUUID().slice(0, 8);
  const { campaignsDir, dir, cleanup } = await fixtureCampaign({
    files: {
      "content/page.en.md": `---\ntitle: Minimal campaign\ntagline: Every victim counts ${fresh}\ndescription: d\n---\n`,
      "content/page.fr.md": `---\ntitle: Campagne minimale\ntagline: Chaque victime compte ${fresh}\ndescription: d\n---\n`,
    },
  });
  const out = path.join(await tempDir(), "_site");
  const result = await cli("build", "--campaigns", campaignsDir, "--out", out);
  assert.is(result.code, 0, result.stderr);
  // Per language: the page, its share kit, its safety page, its accessibility statement and its
  // profile-picture frame; then the language chooser and the 404 page; at the top, the index and
  // the 404 page.
  assert.match(result.stdout, "✓ minimal: 2 languages, 12 pages");
  assert.match(result.stdout, /Built 14 pages and \d+ images in \d+\.\d s/);
  assert.match(result.stdout, "Share images: 6 rendered, 0 reused");
  await fs.access(path.join(out, "minimal/fr/index.html"));

  const again = await cli("build", "--campaigns", campaignsDir, "--out", out);
  assert.match(again.stdout, "Share images: 0 rendered, 6 reused");

  // One language's words change: its three images are drawn again, the other three reused.
  const fr = path.join(dir, "content/page.fr.md");
  await fs.writeFile(fr, (await fs.readFile(fr, "utf8")).replace(fresh, `${fresh}!`));
  const edited = await cli("build", "--campaigns", campaignsDir, "--out", out);
  assert.match(edited.stdout, "Share images: 3 rendered, 3 reused");
  await cleanup();
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
  // A copy of every file, with the address moved to the new name so it does not publish over the old.
  const original = path.join(campaignsDir, "minimal");
  const copied = path.join(campaignsDir, "minimal-2025");
  const files = (await fs.readdir(original, { recursive: true })).sort();
  assert.equal((await fs.readdir(copied, { recursive: true })).sort(), files);
  for (const file of files.filter((name) => name.includes("."))) {
    const [a, b] = [
      await fs.readFile(path.join(original, file), "utf8"),
      await fs.readFile(path.join(copied, file), "utf8"),
    ];
    if (file === "campaign.yaml")
      assert.is(
        b,
        a
          .replace("url: https://www.example.org/minimal/", "url: https://www.example.org/minimal-2025/")
          // the next edition: the same day, a year after the source
          .replace("date: 2024-07-30", "date: 2025-07-30"),
      );
    else if (file.startsWith("content/"))
      // the copy's words are marked unreviewed until a fluent speaker signs them off again
      assert.is(
        b,
        a.includes("reviewed:")
          ? a.replace(/reviewed: true/, "reviewed: false")
          : a.replace("\n---\n\n", "\nreviewed: false\n---\n\n"),
        file,
      );
    else assert.is(b, a, file);
  }
  assert.match(
    await fs.readFile(path.join(copied, "campaign.yaml"), "utf8"),
    "url: https://www.example.org/minimal-2025/",
  );
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
  const { campaignsDir, cleanup } = await fixtureCampaign({ files: { "content/page.fr.md": null } });
  const result = await cli("check", "--translations", "--campaigns", campaignsDir);
  await cleanup();
  assert.is(result.code, 1);
  assert.match(
    result.stdout,
    "| language | content | UI strings complete | UI strings reviewed | content reviewed | share images fit | posters fit | notes |",
  );
  assert.match(result.stdout, /\| `en` English \| ✓ \| ✓ \| ✓ \| not yet \| ✓ \| ✓ \|/);
  assert.match(
    result.stdout,
    /\| `fr` Français \| ✗ \| ✓ \| not yet \| not yet \| – \| – \| content\/page\.fr\.md missing \|/,
  );
});

test("unknown command exits 2 with usage", async () => {
  const result = await cli("publish");
  assert.is(result.code, 2);
  assert.match(result.stderr, "Usage: campaign <command>");
});

test.run();
