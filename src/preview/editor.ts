/**
 * The editor on the preview server, so the admin and everything it talks to share one origin:
 * /admin/ (the page, Decap CMS from node_modules, the generated configuration),
 * /admin/status.json (the check's problems) and /api/v1 (decap-server's file-system backend,
 * behind the checks of editor-api.ts, writing into the project's campaigns/ and assets/).
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { stringify } from "yaml";
import { type Campaign, CampaignError, loadCampaigns, type Problem } from "../campaign/index.ts";
import { readiness } from "../campaign/readiness.ts";
import { ADMIN_SOURCE, DECAP_DIST } from "../cms/admin-files.ts";
import { campaignEntries, cmsConfig } from "../cms/config.ts";
import { mergeSaved } from "../cms/merge.ts";
import { adminCsp } from "../cms/publish.ts";
import { endonym } from "../i18n/languages.ts";
import { imageChecker } from "../images/check.ts";
import { projectPaths } from "../project/paths.ts";
import { languagePath } from "../site/urls.ts";
import { shareImagePath } from "../social/index.ts";
import {
  type ApiRequest,
  checkApiRequest,
  editablePath,
  MAX_REQUEST_BYTES,
  RefusedRequest,
} from "./editor-api.ts";

const require = createRequire(import.meta.url);

export interface StatusProblem {
  campaign: string;
  where: string;
  key?: string;
  message: string;
  text: string;
}

/** What the editor's panel shows of one campaign: ready to publish or not, what is left, links. */
export interface CampaignStatus {
  slug: string;
  ready: boolean;
  items: Array<{ code: string; where: string; message: string }>;
  /** Items marked as meant (accepted: in campaign.yaml). */
  accepted: number;
  /** Marks that match nothing any more. */
  unmatched: string[];
  /** The built preview's files, as site paths. */
  links: {
    pages: Array<{ lang: string; name: string; href: string }>;
    shareImages: Array<{ lang: string; href: string }>;
    posters: Array<{ lang: string; href: string }>;
    kit: string;
  };
}

export interface EditorStatus {
  /** What stops a build (every campaign's problems); none when all is valid. */
  problems: StatusProblem[];
  /** Each valid campaign's readiness to publish (none while a problem stops the check). */
  campaigns: CampaignStatus[];
}

/** Problems of every campaign as the check finds them, or, when all are valid, their readiness. */
export async function editorStatus(contentRoot: string): Promise<EditorStatus> {
  const paths = projectPaths(contentRoot);
  let campaigns: Campaign[];
  try {
    campaigns = await loadCampaigns(paths.campaignsDir, {
      ...paths,
      checkImage: imageChecker(paths.cacheDir),
    });
  } catch (error) {
    if (!(error instanceof CampaignError)) {
      return {
        problems: [{ campaign: "", where: "", message: (error as Error).message, text: String(error) }],
        campaigns: [],
      };
    }
    return {
      problems: error.problems.map((problem) => statusProblem(problem, paths.campaignsDir, contentRoot)),
      campaigns: [],
    };
  }
  return {
    problems: [],
    campaigns: await Promise.all(campaigns.map((campaign) => campaignStatus(campaign, contentRoot))),
  };
}

async function campaignStatus(campaign: Campaign, contentRoot: string): Promise<CampaignStatus> {
  const { items, accepted, unmatched } = await readiness(campaign);
  const where = (item: { file: string; line?: number }) => {
    const relative = path.relative(contentRoot, item.file).split(path.sep).join("/");
    return item.line ? `${relative}:${item.line}` : relative;
  };
  const folder = (lang: string) => `/${campaign.slug}/${languagePath(lang)}/`;
  return {
    slug: campaign.slug,
    ready: items.length === 0 && unmatched.length === 0,
    items: items.map((item) => ({
      code: item.code,
      where: where(item),
      message: item.key ? `${item.key}: ${item.message}` : item.message,
    })),
    accepted: accepted.length,
    unmatched,
    links: {
      pages: campaign.languages.map((lang) => ({ lang, name: endonym(lang), href: folder(lang) })),
      shareImages: campaign.languages.map((lang) => ({
        lang,
        href: shareImagePath(campaign.slug, languagePath(lang), "og"),
      })),
      posters: campaign.languages.map((lang) => ({ lang, href: `${folder(lang)}poster-a4.pdf` })),
      kit: `/${campaign.slug}/kit.zip`,
    },
  };
}

function statusProblem(problem: Problem, campaignsDir: string, contentRoot: string): StatusProblem {
  const file = path.isAbsolute(problem.file) ? problem.file : path.resolve(contentRoot, problem.file);
  const campaign = path.relative(campaignsDir, file).split(path.sep)[0] ?? "";
  const relative = path.relative(contentRoot, file).split(path.sep).join("/");
  const where = problem.line ? `${relative}:${problem.line}` : relative;
  const text = problem.key ? `${where} ${problem.key}: ${problem.message}` : `${where}: ${problem.message}`;
  return { campaign, where, ...(problem.key ? { key: problem.key } : {}), message: problem.message, text };
}

const noStore = (response: Response) => response.set("Cache-Control", "no-store");

/** /admin/: the page with its Content-Security-Policy, the generated files, then the static ones. */
export function adminRoutes(contentRoot: string): Router {
  const { campaignsDir } = projectPaths(contentRoot);
  const router = express.Router({ strict: true });
  const csp = adminCsp({ name: "local" });
  router.get("/admin", (_request, response) => response.redirect(301, "/admin/"));
  router.get("/admin/", (_request, response) => {
    const html = fs.readFileSync(path.join(ADMIN_SOURCE, "index.html"), "utf8");
    noStore(response).set("Content-Security-Policy", csp).type("html").send(html);
  });
  router.get("/admin/config.yml", async (_request, response, next) => {
    try {
      const config = await cmsConfig({ campaignsDir, repoRoot: contentRoot, backend: { name: "local" } });
      noStore(response).type("text/yaml; charset=utf-8").send(stringify(config));
    } catch (error) {
      next(error);
    }
  });
  router.get("/admin/campaigns.json", async (_request, response, next) => {
    try {
      noStore(response).json(await campaignEntries(campaignsDir));
    } catch (error) {
      next(error);
    }
  });
  router.get("/admin/status.json", async (_request, response, next) => {
    try {
      // With the campaigns and languages the editor's collections are made of: the admin page
      // offers to reload when they change on disk (a new edition made, a language added).
      noStore(response).json({
        ...(await editorStatus(contentRoot)),
        entries: await campaignEntries(campaignsDir),
      });
    } catch (error) {
      next(error);
    }
  });
  const files = { dotfiles: "deny", index: false, redirect: false, fallthrough: true } as const;
  router.use("/admin", express.static(ADMIN_SOURCE, files), express.static(DECAP_DIST, files));
  return router;
}

/** /api/v1: decap-server's file-system backend, behind the checks of editor-api.ts. */
export async function editorApi(contentRoot: string): Promise<Router> {
  const router = express.Router();
  router.use("/api/v1", express.json({ limit: MAX_REQUEST_BYTES }));
  router.post("/api/v1", (request: Request, response: Response, next: NextFunction) => {
    try {
      checkApiRequest(contentRoot, request.body as ApiRequest);
    } catch (error) {
      if (!(error instanceof RefusedRequest)) return next(error);
      console.warn(`editor: refused: ${error.message}`);
      response.status(error.status).json({ error: error.message });
      return;
    }
    if ((request.body as ApiRequest).action === "persistEntry") mergeWithDisk(contentRoot, request.body);
    next();
  });
  // decap-server reads its repository folder from the environment when it registers. It also
  // registers a CORS middleware for localhost origins, which the access checks make moot: a
  // request from another origin never gets this far.
  const previous = process.env.GIT_REPO_DIRECTORY;
  process.env.GIT_REPO_DIRECTORY = contentRoot;
  const { registerLocalFs } = require("decap-server/dist/middlewares.js") as {
    registerLocalFs: (app: unknown, options: { logLevel: string }) => Promise<void>;
  };
  const api = express();
  await registerLocalFs(api, { logLevel: "warn" });
  if (previous === undefined) delete process.env.GIT_REPO_DIRECTORY;
  else process.env.GIT_REPO_DIRECTORY = previous;
  router.post("/api/v1", api);
  return router;
}

interface SavedFile {
  path: string;
  raw: string;
}

/** Keeps what did not change as written on disk (see cms/merge.ts). */
function mergeWithDisk(contentRoot: string, body: ApiRequest): void {
  const params = body.params as { entry?: SavedFile; dataFiles?: SavedFile[] };
  for (const file of params.dataFiles ?? (params.entry ? [params.entry] : [])) {
    const absolute = path.join(contentRoot, editablePath(contentRoot, file.path));
    const existing = fs.existsSync(absolute) ? fs.readFileSync(absolute, "utf8") : undefined;
    file.raw = mergeSaved(file.path, existing, file.raw);
  }
}
