/**
 * The editor's server side, mounted on the preview server so the admin and everything it talks
 * to share one origin: /admin/ (the page, Decap CMS from node_modules, the generated
 * configuration), /admin/status.json (the check's problems) and /api/v1 (decap-server's local
 * file-system backend, writing straight into the working folder).
 */
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { CampaignError, loadCampaigns, type Problem } from "../campaign/index.ts";
import { projectPaths } from "../site/plugin.ts";
import { campaignEntries, cmsConfig } from "./config.ts";
import { mergeSaved } from "./merge.ts";

export const ADMIN_SOURCE = path.join(path.dirname(fileURLToPath(import.meta.url)), "admin");
const require = createRequire(import.meta.url);
/** The folder of Decap CMS's browser bundle inside node_modules. */
export const DECAP_DIST = path.dirname(require.resolve("decap-cms/dist/decap-cms.js"));

type Next = (error?: unknown) => void;
interface ExpressApp {
  (request: IncomingMessage, response: ServerResponse, next: Next): void;
  use(handler: Middleware): void;
}
export type Middleware = (request: IncomingMessage, response: ServerResponse, next: Next) => void;

export interface StatusProblem {
  campaign: string;
  where: string;
  key?: string;
  message: string;
  text: string;
}

export interface EditorOptions {
  /** The folder holding campaigns/ and templates/ (and .cache/). */
  contentRoot: string;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".yml": "text/yaml; charset=utf-8",
  ".wasm": "application/wasm",
};

/** Problems of every campaign, as the check finds them; none when all is valid. */
export async function checkProblems(contentRoot: string): Promise<StatusProblem[]> {
  const paths = projectPaths(contentRoot);
  try {
    await loadCampaigns(paths.campaignsDir, paths);
    return [];
  } catch (error) {
    if (!(error instanceof CampaignError)) {
      return [{ campaign: "", where: "", message: (error as Error).message, text: String(error) }];
    }
    return error.problems.map((problem) => statusProblem(problem, paths.campaignsDir, contentRoot));
  }
}

function statusProblem(problem: Problem, campaignsDir: string, contentRoot: string): StatusProblem {
  const file = path.isAbsolute(problem.file) ? problem.file : path.resolve(contentRoot, problem.file);
  const campaign = path.relative(campaignsDir, file).split(path.sep)[0] ?? "";
  const relative = path.relative(contentRoot, file).split(path.sep).join("/");
  const where = problem.line ? `${relative}:${problem.line}` : relative;
  const text = problem.key ? `${where} ${problem.key}: ${problem.message}` : `${where}: ${problem.message}`;
  return { campaign, where, ...(problem.key ? { key: problem.key } : {}), message: problem.message, text };
}

export async function editorMiddleware({ contentRoot }: EditorOptions): Promise<Middleware[]> {
  const { campaignsDir } = projectPaths(contentRoot);
  // decap-server reads its repository folder from the environment when it registers.
  const previous = process.env.GIT_REPO_DIRECTORY;
  process.env.GIT_REPO_DIRECTORY = contentRoot;
  // Both are CommonJS without types: express comes with decap-server, which mounts on it.
  const express = require("express") as (() => ExpressApp) & { json(options: unknown): Middleware };
  const { registerLocalFs } = require("decap-server/dist/middlewares.js") as {
    registerLocalFs: (app: unknown, options: { logLevel: string }) => Promise<void>;
  };
  const api = express();
  api.use(express.json({ limit: "50mb" }));
  api.use((request, _response, next) => {
    const body = (request as IncomingMessage & { body?: ApiRequest }).body;
    if (body?.action === "persistEntry") mergeWithDisk(contentRoot, body.params);
    next();
  });
  await registerLocalFs(api, { logLevel: "warn" });
  if (previous === undefined) delete process.env.GIT_REPO_DIRECTORY;
  else process.env.GIT_REPO_DIRECTORY = previous;

  const admin: Middleware = (request, response, next) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/admin") {
      response.writeHead(301, { Location: "/admin/" }).end();
      return;
    }
    if (!url.pathname.startsWith("/admin/")) return next();
    const name = url.pathname.slice("/admin/".length) || "index.html";
    const send = (body: string | Buffer, type: string) => {
      response.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store" }).end(body);
    };
    (async () => {
      if (name === "config.yml") {
        const config = await cmsConfig({ campaignsDir, repoRoot: contentRoot, backend: { name: "local" } });
        return send(stringify(config), TYPES[".yml"]);
      }
      if (name === "campaigns.json")
        return send(JSON.stringify(await campaignEntries(campaignsDir)), TYPES[".json"]);
      if (name === "status.json") {
        return send(JSON.stringify({ problems: await checkProblems(contentRoot) }), TYPES[".json"]);
      }
      const file = adminFile(name);
      if (!file) return next();
      send(await fs.promises.readFile(file), TYPES[path.extname(file)] ?? "application/octet-stream");
    })().catch(next);
  };
  const backend: Middleware = (request, response, next) => {
    if (!(request.url ?? "").startsWith("/api/v1")) return next();
    api(request, response, next);
  };
  return [admin, backend];
}

interface ApiRequest {
  action?: string;
  params: { entry?: DataFile; dataFiles?: DataFile[] };
}
interface DataFile {
  path: string;
  raw: string;
}

/** Keeps what did not change as written on disk (see merge.ts). */
function mergeWithDisk(repoRoot: string, params: ApiRequest["params"]): void {
  for (const file of params.dataFiles ?? (params.entry ? [params.entry] : [])) {
    const absolute = path.resolve(repoRoot, file.path);
    if (!absolute.startsWith(repoRoot + path.sep)) continue;
    const existing = fs.existsSync(absolute) ? fs.readFileSync(absolute, "utf8") : undefined;
    file.raw = mergeSaved(file.path, existing, file.raw);
  }
}

/** A file of the admin page or of Decap's bundle (its lazily loaded chunks included). */
export function adminFile(name: string): string | undefined {
  if (name.includes("/") || name.includes("\\") || name.startsWith(".")) return undefined;
  for (const dir of [ADMIN_SOURCE, DECAP_DIST]) {
    const file = path.join(dir, name);
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return undefined;
}
