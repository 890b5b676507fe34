/**
 * The example campaigns built once per test process into a temporary folder, and a static file
 * server on 127.0.0.1 for the browser tests. Shared by the HTML and browser suites.
 */
import fs from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { build } from "../../src/build/build.ts";
import { projectPaths } from "../../src/project/paths.ts";
import { ROOT, tempDir } from "./fixtures.ts";
import { type TemplateCopy, templateCopies, writeTemplateCopy } from "./templates.ts";

let built: Promise<string> | undefined;

/** The campaigns the example build adds so that every template is covered (templates.ts). */
export function exampleCopies(): Promise<TemplateCopy[]> {
  const { campaignsDir, templatesDir } = projectPaths(ROOT);
  return templateCopies(campaignsDir, templatesDir);
}

/**
 * Builds campaigns/ (the examples) once, with a copy for each template the examples do not
 * cover in every script (templates.ts); returns the output folder.
 */
export function exampleSite(): Promise<string> {
  built ??= (async () => {
    const dir = await tempDir("campaign-examples-");
    const out = path.join(dir, "_site");
    const { campaignsDir } = projectPaths(ROOT);
    const copies = await exampleCopies();
    if (copies.length === 0) {
      await build({ root: ROOT, outDir: out });
      return out;
    }
    const withCopies = path.join(dir, "campaigns");
    await fs.cp(campaignsDir, withCopies, { recursive: true });
    for (const copy of copies) await writeTemplateCopy(campaignsDir, withCopies, copy);
    await build({ root: ROOT, campaignsDir: withCopies, outDir: out });
    return out;
  })();
  return built;
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
