import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../src/build/build.ts";
import { loadCampaign } from "../src/campaign/load.ts";
import { yearMentions } from "../src/campaign/year-mentions.ts";
import {
  markUnreviewed,
  moveYear,
  sameDayIn,
  starterFor,
  withoutEditionAcceptances,
  yearInPlaceOf,
} from "../src/new-campaign/next-edition.ts";
import { ScaffoldError, scaffold, scaffoldReport } from "../src/new-campaign/scaffold.ts";
import { ROOT, TEMPLATES, tempDir } from "./helpers/fixtures.ts";

const run = promisify(execFile);
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [path.join(ROOT, "src/cli.ts"), ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

/** A temporary copy of the example campaigns. */
async function examplesCopy(): Promise<string> {
  const campaignsDir = path.join(await tempDir("next-edition-"), "campaigns");
  await fs.cp(path.join(ROOT, "campaigns"), campaignsDir, { recursive: true });
  return campaignsDir;
}

const parts = suite("next edition: parts");

parts("the same day a year later; 29 February becomes 28 February", () => {
  assert.is(sameDayIn("2023-07-30"), "2024-07-30");
  assert.is(sameDayIn("2024-02-29"), "2025-02-28");
  assert.is(sameDayIn("2023-07-30", 2026), "2026-07-30");
});

parts("the year moves where it stands as a year", () => {
  assert.is(
    moveYear("https://www.example.be/blue-heart-2023/", 2023, 2024),
    "https://www.example.be/blue-heart-2024/",
  );
  assert.is(moveYear("/2023/ and 12023 and 2022", 2023, 2024), "/2024/ and 12023 and 2022");
});

parts("a name that moves the source's year says which year", () => {
  assert.is(yearInPlaceOf("blue-heart-2025-be", "blue-heart-2023-be", 2023), 2025);
  assert.is(yearInPlaceOf("other-2025", "blue-heart-2023-be", 2023), undefined);
});

parts("content is marked unreviewed", () => {
  assert.is(
    markUnreviewed("---\ntitle: A\nreviewed: true\n---\nBody"),
    "---\ntitle: A\nreviewed: false\n---\nBody",
  );
  assert.is(
    markUnreviewed("---\ntitle: A\n---\nreviewed: true"),
    "---\ntitle: A\nreviewed: false\n---\nreviewed: true",
  );
});

parts("the old edition's own acceptances are not copied; history stays accepted", () => {
  assert.is(
    withoutEditionAcceptances(
      '# settings\naccepted: ["year-mention 2016", past-date, "unreviewed content/page.fr.md"]\nother: 1\n',
    ),
    '# settings\naccepted: ["year-mention 2016"]\nother: 1\n',
  );
  assert.is(
    withoutEditionAcceptances("a: 1\naccepted:\n  - past-date\n  - unreviewed-strings\n# kept\nb: 2\n"),
    "a: 1\n# kept\nb: 2\n",
  );
  const history = "accepted: [year-mention 2016]\n";
  assert.is(withoutEditionAcceptances(history), history);
});

parts("the report says when the new edition's day has already passed", () => {
  const result = { dir: "/p/campaigns/x-2024", slug: "x-2024", date: "2024-07-30", mentions: [] };
  const late = scaffoldReport(result, "x-2023", "/p", "2026-12-05");
  assert.match(late, "That day, 2024-07-30, has already passed");
  assert.match(late, "--date YYYY-MM-DD");
  assert.match(late, /check -- --publish --campaign x-2024|check --publish --campaign x-2024/);
  assert.not.match(scaffoldReport(result, "x-2023", "/p", "2024-05-01"), "already passed");
});

parts("mentions of a year, with their lines", () => {
  const text = "---\ntitle: Day 2023\n---\n\nSince 2016, and in 2023.";
  assert.equal(
    yearMentions(text, "x.md", { only: 2023 }).map(({ line, year }) => [line, year]),
    [
      [2, 2023],
      [5, 2023],
    ],
  );
  assert.equal(
    yearMentions(text, "x.md", { except: 2023 }).map(({ line, year }) => [line, year]),
    [[5, 2016]],
  );
});

parts("a template without a starter starts from default's", async () => {
  const dir = await tempDir();
  await fs.mkdir(path.join(dir, "default/starter"), { recursive: true });
  await fs.mkdir(path.join(dir, "plain"), { recursive: true });
  await fs.mkdir(path.join(dir, "own/starter"), { recursive: true });
  assert.is(await starterFor(dir, "plain"), path.join(dir, "default/starter"));
  assert.is(await starterFor(dir, "own"), path.join(dir, "own/starter"));
  await fs.rm(dir, { recursive: true, force: true });
});

parts.run();

const edition = suite("npm run new -- --from");

edition("next year's edition of blue-heart-2023-be builds at once", async () => {
  const campaignsDir = await examplesCopy();
  // As if last year's English had been signed off: the copy must not inherit that.
  const english = path.join(campaignsDir, "blue-heart-2023-be/content/page.en.md");
  await fs.writeFile(
    english,
    (await fs.readFile(english, "utf8")).replace("reviewed: false", "reviewed: true"),
  );
  const result = await cli("new", "--from", "blue-heart-2023-be", "--campaigns", campaignsDir);
  assert.is(result.code, 0, result.stderr);
  const dir = path.join(campaignsDir, "blue-heart-2024-be");
  const settings = await fs.readFile(path.join(dir, "campaign.yaml"), "utf8");
  assert.match(settings, /^date: 2024-07-30$/m);
  assert.match(settings, /^url: https:\/\/www\.example\.be\/blue-heart-2024\/$/m);
  // The old year's mentions are listed with file and line: title (line 2) and body (line 14).
  assert.match(
    result.stdout,
    /blue-heart-2024-be\/content\/page\.en\.md:2 {2}title: World Day against Trafficking in Persons 2023/,
  );
  assert.match(result.stdout, /blue-heart-2024-be\/content\/page\.fr\.md:14 {2}En juillet 2023/);
  const campaign = await loadCampaign(dir, { templatesDir: TEMPLATES });
  assert.ok(Object.values(campaign.content).every((content) => content.reviewed === false));
  // An archive accepts its passed day; the new edition does not inherit that.
  const source = path.join(campaignsDir, "blue-heart-2023-be/campaign.yaml");
  await fs.appendFile(source, "accepted: [past-date, year-mention 2016]\n");
  const archived = await scaffold({
    root: ROOT,
    campaignsDir,
    slug: "blue-heart-2030-be",
    from: "blue-heart-2023-be",
  }).then(() => fs.readFile(path.join(campaignsDir, "blue-heart-2030-be/campaign.yaml"), "utf8"));
  assert.not.match(archived, "past-date");
  assert.match(archived, /^accepted: \["year-mention 2016"\]$/m);

  const outDir = path.join(path.dirname(campaignsDir), "_site");
  const built = await build({ root: ROOT, campaignsDir, outDir });
  assert.ok(built.pages > 0);
  const page = await fs.readFile(path.join(outDir, "blue-heart-2024-be/en/index.html"), "utf8");
  assert.match(page, 'href="https://www.example.be/blue-heart-2024/en/"');
  assert.match(page, "2024");

  const check = await cli("check", "--campaigns", campaignsDir, "--campaign", "blue-heart-2024-be");
  assert.is(check.code, 0, check.stderr);
  // The old year is listed until it is updated, or accepted as history ("year-mention 2023").
  assert.match(
    check.stdout,
    /blue-heart-2024-be\/content\/page\.en\.md:2: mentions 2023, not the campaign's year 2024: .* \[year-mention 2023\]/,
  );
  await fs.rm(path.dirname(campaignsDir), { recursive: true, force: true });
});

edition("the year in the new name, or --date, sets the day", async () => {
  const campaignsDir = await examplesCopy();
  const named = await scaffold({
    root: ROOT,
    campaignsDir,
    slug: "blue-heart-2026-be",
    from: "blue-heart-2023-be",
  });
  assert.is(named.date, "2026-07-30");
  const dated = await scaffold({
    root: ROOT,
    campaignsDir,
    from: "benelux-2021",
    date: "2022-10-18",
  });
  assert.is(dated.slug, "benelux-2022");
  const settings = await fs.readFile(path.join(dated.dir, "campaign.yaml"), "utf8");
  assert.match(settings, /^date: 2022-10-18$/m);
  assert.match(settings, /^url: https:\/\/www\.example\.org\/benelux-2022\/$/m);
  try {
    await scaffold({ root: ROOT, campaignsDir, from: "benelux-2021", date: "2022-02-30" });
    assert.unreachable("an impossible date was accepted");
  } catch (error) {
    assert.instance(error, ScaffoldError);
    assert.match((error as Error).message, "--date 2022-02-30: expected a real day written YYYY-MM-DD");
  }
  await fs.rm(path.dirname(campaignsDir), { recursive: true, force: true });
});

edition("--template starts from that template and names it", async () => {
  const campaignsDir = await examplesCopy();
  const made = await cli("new", "fresh-2025", "--template", "default", "--campaigns", campaignsDir);
  assert.is(made.code, 0, made.stderr);
  assert.match(
    await fs.readFile(path.join(campaignsDir, "fresh-2025/campaign.yaml"), "utf8"),
    /^template: default$/m,
  );
  const unknown = await cli("new", "other-2025", "--template", "nope", "--campaigns", campaignsDir);
  assert.is(unknown.code, 1);
  assert.match(unknown.stderr, /no template "nope"; the templates are: .*default/);
  await fs.rm(path.dirname(campaignsDir), { recursive: true, force: true });
});

edition.run();
