/**
 * The admin as `build --with-admin --admin-repo github:…` publishes it, in Chromium, against the
 * GitHub backend. GitHub's REST API is answered in the browser from this repository's files (the
 * routes Decap's GitHub backend reads: user, repository, trees, blobs, commits), so nothing leaves
 * the machine, and the test sees which files the production admin asks for.
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Browser, Route } from "playwright-core";
import * as assert from "uvu/assert";
import { parseBackend, writeAdmin } from "../../src/cms/publish.ts";
import { findBrowser, launchBrowser } from "../helpers/browser.ts";
import { ROOT, tempDir } from "../helpers/fixtures.ts";
import { serveStatic } from "../helpers/site.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("the published CMS against GitHub, in a real browser");
const it = findBrowser() || process.env.REQUIRE_BROWSER === "1" ? test : test.skip;

const SLUG = "blue-heart-2023-be";
const REPO = "example/campaigns";
const API = `https://api.github.com/repos/${REPO}`;
const state = {} as { browser: Browser; out: string; server: { origin: string; close(): Promise<void> } };

test.before(async () => {
  // The machine's default fonts (browser.ts): the editor is checked, not the pages' layout.
  const browser = await launchBrowser("system");
  if (!browser) return;
  const out = await tempDir("campaign-cms-published-");
  await writeAdmin({
    outDir: out,
    slug: SLUG,
    campaignsDir: path.join(ROOT, "campaigns"),
    repoRoot: ROOT,
    backend: parseBackend(`github:${REPO}`),
  });
  Object.assign(state, { browser, out, server: await serveStatic(out) });
});

test.after(async () => {
  await state.browser?.close();
  await state.server?.close();
  if (state.out) await fs.rm(state.out, { recursive: true, force: true });
});

/** Git's id of a file's bytes. */
function blobSha(bytes: Buffer): string {
  return crypto.createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

/** GitHub's REST API over the working folder, recording the files whose contents were read. */
function githubFromWorkingFolder(read: Set<string>) {
  const blobs = new Map<string, string>();
  const json = (route: Route, body: unknown, status = 200) =>
    route.fulfill({ status, contentType: "application/json", body: JSON.stringify(body) });
  return async (route: Route) => {
    const url = new URL(route.request().url());
    const at = url.pathname;
    if (at === "/user") return json(route, { login: "editor", name: "An editor" });
    if (at === `/repos/${REPO}`)
      return json(route, { owner: { login: "example" }, permissions: { push: true } });
    if (at === `/repos/${REPO}/commits`) return json(route, []);
    const tree = /^\/repos\/[^/]+\/[^/]+\/git\/trees\/main:(.*)$/.exec(at);
    if (tree) {
      const folder = decodeURIComponent(tree[1]);
      const dir = path.join(ROOT, folder);
      const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => undefined);
      if (!entries) return json(route, { message: "Not Found" }, 404);
      const items = await Promise.all(
        entries.map(async (entry) => {
          if (!entry.isFile())
            return { path: entry.name, type: "tree", sha: blobSha(Buffer.from(entry.name)) };
          const bytes = await fs.readFile(path.join(dir, entry.name));
          const sha = blobSha(bytes);
          blobs.set(sha, path.posix.join(folder, entry.name));
          return { path: entry.name, type: "blob", sha, size: bytes.length };
        }),
      );
      return json(route, { sha: blobSha(Buffer.from(folder)), tree: items, truncated: false });
    }
    const blob = /^\/repos\/[^/]+\/[^/]+\/git\/blobs\/([0-9a-f]{40})$/.exec(at);
    if (blob && blobs.has(blob[1])) {
      const file = blobs.get(blob[1]) as string;
      read.add(file);
      const content = (await fs.readFile(path.join(ROOT, file))).toString("base64");
      return json(route, { sha: blob[1], encoding: "base64", content });
    }
    return json(route, { message: "Not Found" }, 404);
  };
}

it("opens the words of every language from content/page.<lang>.md through the GitHub backend", async () => {
  const read = new Set<string>();
  const context = await state.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const origins = new Set<string>();
  const requested = new Set<string>();
  context.on("request", (request) => {
    origins.add(new URL(request.url()).origin);
    requested.add(request.url());
  });
  await context.route(`${API.replace(/\/repos\/.*$/, "")}/**`, githubFromWorkingFolder(read));
  // A signed-in editor, as Decap keeps one after the GitHub login.
  await context.addInitScript(() => {
    localStorage.setItem(
      "decap-cms-user",
      JSON.stringify({ backendName: "github", token: "a-token", login: "editor", name: "An editor" }),
    );
  });
  const page = await context.newPage();
  await page.goto(`${state.server.origin}/${SLUG}/admin/#/collections/${SLUG}/entries/page`);

  const words = (lang: string) =>
    fs.readFile(path.join(ROOT, "campaigns", SLUG, `content/page.${lang}.md`), "utf8");
  const tagline = async (lang: string) => /^tagline: (.*)$/m.exec(await words(lang))?.[1];
  const fields = page.locator('input[id^="tagline-field"]');
  await fields.first().waitFor();
  assert.is(await fields.first().inputValue(), await tagline("fr"));
  assert.is(await fields.nth(1).inputValue(), await tagline("nl"));
  const languages = ["fr", "nl", "de", "en", "ar", "lb"];
  assert.equal(
    [...read].filter((file) => file.includes("/content/")).sort(),
    languages.map((lang) => `campaigns/${SLUG}/content/page.${lang}.md`).sort(),
  );
  // The preview takes the published campaign's stylesheet, two folders up from <slug>/admin/.
  await page.getByTitle("Toggle preview").click();
  await page.frameLocator("#preview-pane").locator("main h1").waitFor();
  assert.ok(requested.has(`${state.server.origin}/${SLUG}/assets/site.css`), [...requested].join("\n"));
  assert.equal([...origins].sort(), [state.server.origin, "https://api.github.com"].sort());
  await context.close();
});

test.run();
