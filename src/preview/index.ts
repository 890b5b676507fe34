/**
 * `start` and `edit`: the preview of every campaign with live reload, and with `edit` the editor
 * at /admin/ on the same origin. One server, on loopback unless asked otherwise; the editor and
 * its API need this run's key (see access.ts, editor-api.ts and SECURITY.md). A save writes the
 * pages of what it changed first and reloads them; pictures follow (site.ts).
 */
import type { AddressInfo } from "node:net";
import path from "node:path";
import { projectPaths } from "../project/paths.ts";
import { adminRoutes, editorApi } from "./editor.ts";
import { startPreviewServer } from "./server.ts";
import { PreviewSite } from "./site.ts";
import { watchFolders } from "./watch.ts";

export interface PreviewOptions {
  /** The folder holding campaigns/, assets/, templates/ and .cache/. */
  contentRoot: string;
  port: number;
  /** Listen on this address too, opening the server to its network (every path then needs the key). */
  host?: string;
  /** Mount the editor at /admin/ and its API at /api/v1. */
  editor?: boolean;
  /** Try the next ports when the port is taken. */
  nextPorts?: number;
  /** Hears a line for each save written and each campaign's pictures drawn. */
  log?: (line: string) => void;
}

export interface RunningPreview {
  /** http://localhost:<port>/ */
  url: string;
  port: number;
  /** The editor's address with this run's key (when the editor runs). */
  adminUrl?: string;
  /** The preview's address, with the key when the server is open to a network. */
  previewUrl: string;
  token: string;
  addresses: AddressInfo[];
  /** Resolves when the pages and pictures of every save so far are written. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Paths of the editor: the admin page and its files, and the API. */
export const isEditorPath = (pathname: string) =>
  pathname === "/admin" || pathname.startsWith("/admin/") || pathname.startsWith("/api/");

export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const { contentRoot } = options;
  const paths = projectPaths(contentRoot);
  const routes = options.editor ? [adminRoutes(contentRoot), await editorApi(contentRoot)] : [];
  let events = { reload: () => {}, pictures: (_files: string[], _pages: string[]) => {} };
  const site = new PreviewSite(contentRoot, path.join(paths.cacheDir, "preview"), {
    pages: () => events.reload(),
    pictures: (files, pages) => events.pictures(files, pages),
    log: options.log,
  });
  // Saves made while the first pages are written are heard, and written after them.
  const watcher = watchFolders(
    [paths.campaignsDir, path.join(contentRoot, "assets"), paths.templatesDir],
    (changed) => void site.changed(changed),
  );
  const stop = async () => {
    watcher.close();
    await site.close();
  };
  await site.start();
  const server = await startPreviewServer({
    outputDir: site.outputDir,
    port: options.port,
    host: options.host,
    routes,
    privatePaths: options.editor ? isEditorPath : () => false,
    nextPorts: options.nextPorts,
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  events = {
    reload: () => server.reload.reload(),
    pictures: (files, pages) => server.reload.pictures(files, pages),
  };
  return {
    url: server.url,
    port: server.port,
    adminUrl: options.editor ? server.urlWithToken("/admin/") : undefined,
    previewUrl: options.host ? server.urlWithToken("/") : server.url,
    token: server.token,
    addresses: server.addresses,
    idle: () => site.idle(),
    close: async () => {
      await server.close();
      await stop();
    },
  };
}
