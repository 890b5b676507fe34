/**
 * The example campaigns, with the test campaigns and the template copies, built once per test
 * process into a temporary folder, and a static file server on 127.0.0.1 for the browser tests.
 * Shared by the HTML and browser suites.
 */
import fs from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { build } from "../../src/build/build.ts";
import { projectPaths } from "../../src/project/paths.ts";
import { FIXTURES, ROOT, tempDir } from "./fixtures.ts";
import { templateCopies, writeTemplateCopy } from "./templates.ts";

/**
 * Test campaigns built with the examples, from test/fixtures/campaigns/: many-languages has
 * thirteen languages (long names such as Lëtzebuergesch and Українська, Greek, Cyrillic, Ethiopic,
 * Arabic and Persian, Chinese), so every suite over the examples meets a campaign of many languages.
 */
export const TEST_CAMPAIGNS = ["many-languages"];

interface ExampleBuild {
  out: string;
  /** The campaigns the build adds to campaigns/: the test campaigns, then the template copies. */
  added: string[];
}

let built: Promise<ExampleBuild> | undefined;

/**
 * Builds campaigns/ (the examples) and the test campaigns once, with a copy for each template
 * they do not cover in every script (templates.ts).
 */
function buildExamples(): Promise<ExampleBuild> {
  built ??= (async () => {
    const dir = await tempDir("campaign-examples-");
    const out = path.join(dir, "_site");
    const { campaignsDir, templatesDir } = projectPaths(ROOT);
    const withCopies = path.join(dir, "campaigns");
    await fs.cp(campaignsDir, withCopies, { recursive: true });
    for (const slug of TEST_CAMPAIGNS)
      await fs.cp(path.join(FIXTURES, "campaigns", slug), path.join(withCopies, slug), { recursive: true });
    const copies = await templateCopies(withCopies, templatesDir);
    for (const copy of copies) await writeTemplateCopy(withCopies, withCopies, copy);
    await build({ root: ROOT, campaignsDir: withCopies, outDir: out });
    return { out, added: [...TEST_CAMPAIGNS, ...copies.map((copy) => copy.slug)] };
  })();
  return built;
}

/** The examples, the test campaigns and the template copies, built once; returns the output folder. */
export async function exampleSite(): Promise<string> {
  return (await buildExamples()).out;
}

/** The slugs of the campaigns the example build adds to the examples of campaigns/. */
export async function addedCampaigns(): Promise<string[]> {
  return (await buildExamples()).added;
}

/** Every HTML file under `dir`, as site paths ("/slug/fr/"). */
export async function htmlPages(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true });
  return entries
    .filter((entry) => entry.endsWith(".html"))
    .map((entry) => `/${entry.split(path.sep).join("/")}`.replace(/index\.html$/, ""))
    .sort();
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

/** Serves `dir` on 127.0.0.1 at a free port. */
export async function serveStatic(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) return void response.writeHead(403).end();
    if (url.pathname.endsWith("/")) file = path.join(file, "index.html");
    try {
      const body = await fs.readFile(file);
      response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
