/** The translations report names a title that fits the share cards but not the poster. */
import fs from "node:fs/promises";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  coverageIsComplete,
  formatCoverage,
  translationCoverage,
} from "../../../src/commands/report/coverage.ts";
import { fixtureCampaign, TEMPLATES, tempDir } from "../../helpers/fixtures.ts";
import { TITLE_FOR_CARDS_NOT_POSTER } from "../../helpers/poster-words.ts";

const test = suite("translations report: poster fit");

test("a title that fits the share cards but not the poster is reported with its field", async () => {
  const { campaignsDir, cleanup } = await fixtureCampaign({
    files: {
      "content/page.fr.md": `---\ntitle: ${JSON.stringify(TITLE_FOR_CARDS_NOT_POSTER)}\ntagline: Chaque victime compte\ndescription: d\n---\n`,
    },
  });
  const cacheDir = await tempDir("coverage-cache-");
  try {
    const [campaign] = await translationCoverage(campaignsDir, { templatesDir: TEMPLATES, cacheDir });
    const fr = campaign.languages.find((language) => language.tag === "fr");
    const en = campaign.languages.find((language) => language.tag === "en");
    assert.equal([fr?.imagesFit, fr?.postersFit], [true, false]);
    assert.equal([en?.imagesFit, en?.postersFit], [true, true]);
    assert.match(
      fr?.notes.join("; ") ?? "",
      /^title: too long for the poster: does not fit even at 24 pt on A4 \(34 pt on A3\)/,
    );
    assert.is(coverageIsComplete([campaign]), false);
    const table = formatCoverage([campaign]).split("\n");
    assert.ok(
      table.some((line) =>
        line.startsWith(
          "| `fr` Français | ✓ | ✓ | not yet | not yet | ✓ | ✗ | title: too long for the poster",
        ),
      ),
      table.join("\n"),
    );
  } finally {
    await cleanup();
    await fs.rm(cacheDir, { recursive: true, force: true });
  }
});

test.run();
