/**
 * `start` and `edit`: the preview of every campaign with live reload, and with `edit` the editor
 * at /admin/ on the same origin. One server, on loopback unless asked otherwise; the editor and
 * its API need this run's key (see access.ts, editor-api.ts and SECURITY.md).
 */
import type { AddressInfo } from "node:net";
import { adminRoutes, editorApi } from "./editor.ts";
import { startPreviewServer } from "./server.ts";
import { watchPreview } from "./watch.ts";

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
  close(): Promise<void>;
}

/** Paths of the editor: the admin page and its files, and the API. */
export const isEditorPath = (pathname: string) =>
  pathname === "/admin" || pathname.startsWith("/admin/") || pathname.startsWith("/api/");

export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const { contentRoot } = options;
  const routes = options.editor ? [adminRoutes(contentRoot), await editorApi(contentRoot)] : [];
  let reload = () => {};
  const watcher = await watchPreview({ contentRoot, onWritten: () => reload() });
  const server = await startPreviewServer({
    outputDir: watcher.outputDir,
    port: options.port,
    host: options.host,
    routes,
    privatePaths: options.editor ? isEditorPath : () => false,
    nextPorts: options.nextPorts,
  }).catch(async (error) => {
    await watcher.stop();
    throw error;
  });
  reload = () => server.reload.reload();
  return {
    url: server.url,
    port: server.port,
    adminUrl: options.editor ? server.urlWithToken("/admin/") : undefined,
    previewUrl: options.host ? server.urlWithToken("/") : server.url,
    token: server.token,
    addresses: server.addresses,
    close: async () => {
      await server.close();
      await watcher.stop();
    },
  };
}
