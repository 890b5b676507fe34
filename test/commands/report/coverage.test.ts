import fs from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  coverageIsComplete,
  formatCoverage,
  translationCoverage,
} from "../../../src/commands/report/coverage.ts";
import { fixtureCampaign, TEMPLATES, tempDir } from "../../helpers/fixtures.ts";

const test = suite("translations report");

test("every column: content, UI strings complete and reviewed, content reviewed, images fit", async () => {
  const { campaignsDir, cleanup } = await fixtureCampaign({
    yaml: (text) => text.replace("[en, fr]", "[en, fr, ar, de]"),
    files: {
      // Reviewed content, UI strings that are the reference: every column ticked.
      "content/page.en.md":
        "---\ntitle: Minimal campaign\ntagline: Every victim counts\ndescription: d\nreviewed: true\n---\n",
      // A title too long for any share image.
      "content/page.fr.md": `---\ntitle: ${"Anticonstitutionnellement ".repeat(60)}\ntagline: t\ndescription: d\n---\n`,
      // A character no shipped font has.
      "content/page.ar.md": "---\ntitle: ᏣᎳᎩ\ntagline: شعار\ndescription: وصف\n---\n",
      // Content with a problem.
      "content/page.de.md":
        "---\ntitle: Titel\ntagline: t\ndescription: d\n---\n\n<script>alert(1)</script>\n",
    },
  });
  const cacheDir = await tempDir("coverage-cache-");
  const [campaign] = await translationCoverage(campaignsDir, { templatesDir: TEMPLATES, cacheDir });
  const row = (tag: string) => campaign.languages.find((language) => language.tag === tag);
  assert.equal(
    { ...row("en"), notes: row("en")?.notes },
    {
      tag: "en",
      name: "English",
      content: true,
      contentReviewed: true,
      uiComplete: true,
      uiReviewed: true,
      imagesFit: true,
      postersFit: true,
      notes: [],
    },
  );
  assert.equal(
    [
      row("fr")?.content,
      row("fr")?.contentReviewed,
      row("fr")?.uiReviewed,
      row("fr")?.imagesFit,
      row("fr")?.postersFit,
    ],
    [true, false, false, false, false],
  );
  assert.match(row("fr")?.notes.join("; ") ?? "", /^title: too long for the og share image/);
  assert.equal([row("ar")?.name, row("ar")?.imagesFit], ["العربية", false]);
  assert.match(
    row("ar")?.notes.join("; ") ?? "",
    /title: language "ar" uses characters no shipped font can draw/,
  );
  assert.equal(
    [row("de")?.content, row("de")?.imagesFit, row("de")?.notes],
    [false, undefined, ["content/page.de.md has problems"]],
  );
  assert.is(coverageIsComplete([campaign]), false);

  const table = formatCoverage([campaign]).split("\n");
  assert.ok(table.includes("| `en` English | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |  |"), table.join("\n"));
  assert.ok(
    table.some((line) =>
      line.startsWith("| `fr` Français | ✓ | ✓ | not yet | not yet | ✗ | ✗ | title: too long"),
    ),
  );
  assert.ok(
    table.includes("| `de` Deutsch | ✗ | ✓ | not yet | not yet | – | – | content/page.de.md has problems |"),
  );

  await cleanup();
  await fs.rm(cacheDir, { recursive: true });
});

test("complete when every language has content, strings and images that fit", async () => {
  const { campaignsDir, cleanup } = await fixtureCampaign();
  const cacheDir = await tempDir("coverage-cache-");
  const coverage = await translationCoverage(campaignsDir, { templatesDir: TEMPLATES, cacheDir });
  assert.is(coverageIsComplete(coverage), true);
  assert.equal(
    coverage[0].languages.map((row) => [row.tag, row.imagesFit]),
    [
      ["en", true],
      ["fr", true],
    ],
  );
  await cleanup();
  await fs.rm(path.join(cacheDir), { recursive: true });
});

test.run();
