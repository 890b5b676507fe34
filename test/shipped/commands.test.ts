/**
 * The commands the README documents, run as a newcomer runs them: in a clean copy of the
 * repository (the files git tracks, as they are in the working tree, plus new files it does not
 * ignore: what a clone would hold), after `npm ci`, through `npm run …`, which runs the compiled
 * command line written by the install. Nothing here imports the generator's TypeScript.
 */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser } from "playwright-core";
import * as assert from "uvu/assert";
import { findBrowser, launchBrowser } from "../helpers/browser.ts";
import { cleanCopy, runIn, startIn, succeeded } from "../helpers/clean-copy.ts";
import type { Result } from "../helpers/compiled.ts";
import { tempDir } from "../helpers/fixtures.ts";
import { suite } from "../helpers/suite.ts";

const run = promisify(execFile);
const test = suite("the README's commands in a clean copy, after npm ci");
const withBrowser = findBrowser() || process.env.REQUIRE_BROWSER === "1" ? test : test.skip;
const state = {} as { clone: string; browser?: Browser; install: Result };

/** `npm run <script> -- <args>` in the clean copy, to its end. */
function npm(script: string, ...args: string[]): Promise<Result> {
  const argv = script === "start" ? ["start"] : ["run", "--silent", script];
  return runIn(state.clone, ["npm", ...argv, ...(args.length ? ["--", ...args] : [])]);
}

/** `npm run <script>` left running (a server); resolves once `ready` appears in its output. */
function serve(script: string, ready: RegExp, ...args: string[]) {
  const argv = script === "start" ? ["start"] : ["run", script];
  return startIn(state.clone, ["npm", ...argv, "--", ...args], ready);
}

test.before(async () => {
  state.clone = await cleanCopy(await tempDir("campaign-clone-"), "campaigns-generator");
  state.install = succeeded(
    await runIn(state.clone, ["npm", "ci", "--prefer-offline", "--no-audit", "--no-fund"]),
    "npm ci",
  );
  // The machine's default fonts (browser.ts): the editor is opened, no layout is checked.
  if (findBrowser() || process.env.REQUIRE_BROWSER === "1") state.browser = await launchBrowser("system");
});

test.after(async () => {
  await state.browser?.close();
  if (state.clone) await fs.rm(path.dirname(state.clone), { recursive: true, force: true });
});

test("npm ci is quiet: no warning a newcomer would read as a failure", () => {
  const warnings = `${state.install.stdout}\n${state.install.stderr}`
    .split("\n")
    .filter((line) => /\bnpm (warn|WARN|ERR)|ERESOLVE|deprecated/.test(line));
  assert.equal(warnings, []);
});

test("npm ci compiled the command line, with its data files, and no src/ is needed to run it", async () => {
  for (const file of [
    "dist/cli.js",
    "dist/cms/admin/index.html",
    "dist/site/routes/campaign.njk",
    "dist/i18n/strings/en.json",
  ])
    await fs.access(path.join(state.clone, file));
  // The compiled code reads nothing from src/: move it away and the help still answers.
  await fs.rename(path.join(state.clone, "src"), path.join(state.clone, "src.away"));
  try {
    const help = succeeded(await npm("check", "--help"), "--help");
    assert.match(help.stdout, "Usage: campaign <command>");
    succeeded(await npm("check"), "check without src/");
  } finally {
    await fs.rename(path.join(state.clone, "src.away"), path.join(state.clone, "src"));
  }
});

test("npm run build builds the examples; npm run check passes them", async () => {
  const built = succeeded(await npm("build"), "npm run build");
  assert.match(built.stdout, /✓ blue-heart-2023-be: 6 languages/);
  assert.match(built.stdout, /✓ benelux-2021: 3 languages/);
  await fs.access(path.join(state.clone, "_site/blue-heart-2023-be/fr/index.html"));
  await fs.access(path.join(state.clone, "_site/_headers"));
  const checked = succeeded(await npm("check"), "npm run check");
  assert.match(checked.stdout, "✓ blue-heart-2023-be");
});

test("npm run new, from the starter and as next year's edition; both check", async () => {
  succeeded(await npm("new", "harbour-2026"), "new <slug>");
  const next = succeeded(await npm("new", "--from", "blue-heart-2023-be"), "new --from");
  assert.match(next.stdout, "blue-heart-2024-be");
  const yaml = await fs.readFile(
    path.join(state.clone, "campaigns/blue-heart-2024-be/campaign.yaml"),
    "utf8",
  );
  assert.match(yaml, /^date: 2024-07-30$/m);
  succeeded(
    await npm("check", "--campaign", "harbour-2026", "--campaign", "blue-heart-2024-be"),
    "check of both",
  );
  await fs.rm(path.join(state.clone, "campaigns/harbour-2026"), { recursive: true });
  await fs.rm(path.join(state.clone, "campaigns/blue-heart-2024-be"), { recursive: true });
});

test("npm run build -- --with-admin writes the admin; a build without it removes it", async () => {
  succeeded(await npm("build", "--with-admin", "--admin-repo", "github:example/campaigns"), "--with-admin");
  const admin = await fs.readFile(path.join(state.clone, "_site/benelux-2021/admin/index.html"), "utf8");
  assert.match(admin, "Content-Security-Policy");
  await fs.access(path.join(state.clone, "_site/benelux-2021/admin/decap-cms.js"));
  succeeded(await npm("build"), "build without --with-admin");
  assert.not.ok(await fs.stat(path.join(state.clone, "_site/benelux-2021/admin")).catch(() => undefined));
});

test("npm run pack writes the zip into exports/, which git ignores", async () => {
  const packed = succeeded(await npm("pack", "benelux-2021"), "pack");
  assert.match(packed.stdout, /Wrote exports\/benelux-2021\.zip: \d+ files/);
  const { stdout } = await run("git", ["check-ignore", "exports/benelux-2021.zip"], {
    cwd: state.clone,
  }).catch(() => ({ stdout: "" }));
  assert.match(stdout, "exports/benelux-2021.zip", "exports/ is not ignored by git");
});

test("npm run translations: export a language and import it back, byte for byte", async () => {
  const file = path.join(state.clone, "campaigns/benelux-2021/content/page.nl.md");
  const before = await fs.readFile(file, "utf8");
  const exported = succeeded(await npm("translations", "export", "benelux-2021", "--to", "nl"), "export");
  assert.match(exported.stdout, "Wrote exports/benelux-2021.fr-nl.xlf");
  succeeded(await npm("translations", "import", "exports/benelux-2021.fr-nl.xlf"), "import");
  assert.is(await fs.readFile(file, "utf8"), before);
});

test("npm run migrate-content renames a campaign written in the old layout", async () => {
  const content = path.join(state.clone, "campaigns/benelux-2021/content");
  await fs.rename(path.join(content, "page.en.md"), path.join(content, "en.md"));
  assert.is((await npm("check")).code, 1);
  succeeded(await npm("migrate-content"), "migrate-content");
  await fs.access(path.join(content, "page.en.md"));
  succeeded(await npm("check"), "check after the migration");
});

test("npm start serves the preview on loopback", async () => {
  const server = await serve("start", /Preview: (http:\/\/localhost:\d+\/)/, "--port", "0");
  try {
    const response = await fetch(
      new URL("benelux-2021/fr/", server.match[1].replace("localhost", "127.0.0.1")),
    );
    assert.is(response.status, 200);
    assert.match(await response.text(), "<h1");
  } finally {
    await server.stop();
  }
});

withBrowser("npm run edit: the printed address opens the admin, which loads in Chromium", async () => {
  const server = await serve(
    "edit",
    /Editor: +(http:\/\/localhost:\d+\/admin\/\?token=[\w-]+)/,
    "--port",
    "0",
  );
  try {
    const page = await (state.browser as Browser).newPage();
    const response = await page.goto(server.match[1]);
    assert.is(response?.status(), 200);
    assert.is(new URL(page.url()).search, "", "the key stays in the address bar");
    await page.getByRole("button", { name: /login/i }).waitFor({ timeout: 30_000 });
    await page.close();
  } finally {
    await server.stop();
  }
});

test.run();
