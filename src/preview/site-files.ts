/**
 * The built preview, served as a static host would: `/slug/fr/` answers with its `index.html`, a
 * folder without its slash is redirected, a missing file gets the site's `404.html`. Pages carry
 * the live-reload script; nothing is cached, so a reload always shows the last build.
 */
import fs from "node:fs";
import path from "node:path";
import express, { type NextFunction, type Request, type Response } from "express";
import { withReloadScript } from "./reload.ts";

/** The file under `outputDir` for a request path, or undefined when it would leave the folder. */
function fileFor(outputDir: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const segments = decoded.split("/").filter(Boolean);
  if (segments.some((segment) => segment === ".." || segment.startsWith("."))) return undefined;
  return path.join(outputDir, ...segments);
}

function sendPage(response: Response, file: string, status = 200): void {
  response
    .status(status)
    .type("text/html; charset=utf-8")
    .set("Cache-Control", "no-store")
    .send(withReloadScript(fs.readFileSync(file, "utf8")));
}

export function siteFiles(outputDir: string) {
  const assets = express.static(outputDir, { dotfiles: "deny", index: false, redirect: false, etag: false });
  return (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== "GET" && request.method !== "HEAD") return next();
    const file = fileFor(outputDir, request.path);
    if (!file) return next();
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      if (!request.path.endsWith("/")) {
        const query = request.originalUrl.slice(request.path.length);
        response.redirect(301, `${request.path}/${query}`);
        return;
      }
      const index = path.join(file, "index.html");
      if (fs.existsSync(index)) return sendPage(response, index);
      return next();
    }
    if (stat?.isFile() && file.endsWith(".html")) return sendPage(response, file);
    response.set("Cache-Control", "no-store");
    assets(request, response, next);
  };
}

/** The last handler: the site's own "page not found", as a host would send it. */
export function notFound(outputDir: string) {
  return (_request: Request, response: Response) => {
    const page = path.join(outputDir, "404.html");
    if (fs.existsSync(page)) return sendPage(response, page, 404);
    response.status(404).type("text/plain; charset=utf-8").send("Not found\n");
  };
}
