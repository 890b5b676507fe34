/**
 * Live reload: every page the preview serves gets one small same-origin script (allowed by the
 * pages' own `script-src 'self'`), which listens to server-sent events and reloads the page when
 * a rebuild has finished writing.
 */
import type { Request, Response } from "express";

export const RELOAD_SCRIPT_PATH = "/.preview/reload.js";
export const RELOAD_EVENTS_PATH = "/.preview/events";

const SCRIPT = `new EventSource(${JSON.stringify(RELOAD_EVENTS_PATH)}).addEventListener("reload", () => location.reload());\n`;
const TAG = `<script src="${RELOAD_SCRIPT_PATH}" defer></script>`;

/** The page with the reload script added before `</body>` (or at the end). */
export function withReloadScript(html: string): string {
  const at = html.lastIndexOf("</body>");
  return at === -1 ? html + TAG : html.slice(0, at) + TAG + html.slice(at);
}

export class ReloadChannel {
  readonly #clients = new Set<Response>();

  script = (_request: Request, response: Response): void => {
    response.type("text/javascript; charset=utf-8").set("Cache-Control", "no-store").send(SCRIPT);
  };

  events = (request: Request, response: Response): void => {
    response.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
    });
    response.write("retry: 1000\n\n");
    this.#clients.add(response);
    request.on("close", () => this.#clients.delete(response));
  };

  /** Tells every open page to reload. */
  reload(): void {
    for (const client of this.#clients) client.write("event: reload\ndata: {}\n\n");
  }

  close(): void {
    for (const client of this.#clients) client.end();
    this.#clients.clear();
  }
}
