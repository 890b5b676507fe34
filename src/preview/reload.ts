/**
 * Live reload: every page the preview serves gets one small same-origin script (allowed by the
 * pages' own `script-src 'self'`), which listens to server-sent events. "reload" (a save's words
 * are written) reloads the page. "pictures" (its share images, posters and kit followed) names the
 * files and pages written again: the page reloads if it is one of them, and otherwise loads again
 * each of its images that changed.
 */
import type { Request, Response } from "express";

export const RELOAD_SCRIPT_PATH = "/.preview/reload.js";
export const RELOAD_EVENTS_PATH = "/.preview/events";

const SCRIPT = `const events = new EventSource(${JSON.stringify(RELOAD_EVENTS_PATH)});
events.addEventListener("reload", () => location.reload());
events.addEventListener("pictures", (event) => {
  const { files, pages } = JSON.parse(event.data);
  if (pages.includes(location.pathname)) return location.reload();
  const changed = new Set(files);
  for (const image of document.images) {
    const url = new URL(image.currentSrc || image.src, location.href);
    if (url.origin === location.origin && changed.has(url.pathname)) image.src = \`\${url.pathname}?v=\${Date.now()}\`;
  }
});
`;
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
    this.#send("reload", {});
  }

  /** Tells every open page which files (site paths) and pages (folder addresses) were written again. */
  pictures(files: string[], pages: string[]): void {
    this.#send("pictures", { files, pages });
  }

  #send(event: string, data: unknown): void {
    for (const client of this.#clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  close(): void {
    for (const client of this.#clients) client.end();
    this.#clients.clear();
  }
}
