/** The problems loading an edited copy of the minimal fixture reports, as `check` prints them. */
import path from "node:path";
import * as assert from "uvu/assert";
import { CampaignError, formatProblem } from "../../src/campaign/index.ts";
import { type LoadOptions, loadCampaign } from "../../src/campaign/load.ts";
import { type Edit, fixtureCampaign, TEMPLATES } from "./fixtures.ts";

export async function campaignProblems(edit: Edit, options: Partial<LoadOptions> = {}): Promise<string[]> {
  const { dir, cleanup } = await fixtureCampaign(edit);
  try {
    await loadCampaign(dir, { templatesDir: TEMPLATES, ...options });
  } catch (error) {
    assert.instance(error, CampaignError);
    return (error as CampaignError).problems.map((problem) => formatProblem(problem, path.dirname(dir)));
  } finally {
    await cleanup();
  }
  assert.unreachable("expected a CampaignError");
  return [];
}

/** An edit of campaign.yaml that fails the test when `from` is not found. */
export const replace = (from: string | RegExp, to: string) => (text: string) => {
  const next = text.replace(from, to);
  assert.is.not(next, text, `fixture edit did not apply: ${from}`);
  return next;
};

/** An edit that writes the French content file with this front matter. */
export const frenchFrontMatter = (yaml: string): Edit => ({
  files: { "content/page.fr.md": `---\n${yaml}---\n\nDe l'aide existe.\n` },
});
