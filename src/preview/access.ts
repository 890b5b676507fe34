/**
 * Who may talk to the preview server, checked before any other handler runs:
 *
 * - the `Host` header must name the server itself (localhost, 127.0.0.1, [::1], or the address
 *   given with --host) on its own port, so a web page cannot reach it through DNS rebinding;
 * - where a key is required (the editor, or any server opened to a network), the request must
 *   carry this run's key: once as `?token=` in the printed address, then as a cookie;
 * - anything that is not a plain read (every call to the editor's API is a POST) must come from
 *   the server's own pages: `Origin` equal to its own, or `Sec-Fetch-Site: same-origin`.
 *
 * No response grants CORS to another origin.
 */
import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";

export const TOKEN_PARAMETER = "token";

export interface AccessRules {
  /** Lower-case host names the server answers to (IPv6 addresses in brackets). */
  hostNames: ReadonlySet<string>;
  /** The port the server listens on, known once it listens. */
  port: () => number;
  /** This run's key. */
  token: string;
  /** Whether a request to this path needs the key. */
  needsToken: (pathname: string) => boolean;
}

/** The cookie that carries the key; named by port, since cookies do not tell ports apart. */
export function tokenCookie(port: number): string {
  return `campaign-preview-${port}`;
}

/** A new random key for one run of the server. */
export function newToken(): string {
  return crypto.randomBytes(24).toString("base64url");
}

/** Compares keys in constant time. */
function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const digest = (value: string) => crypto.createHash("sha256").update(value).digest();
  return crypto.timingSafeEqual(digest(given), digest(token));
}

/** "localhost:8080" → ["localhost", 8080]; "[::1]:8080" → ["[::1]", 8080]; no port → 80. */
export function parseHost(header: string | undefined): { name: string; port: number } | undefined {
  if (!header) return undefined;
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(header.trim());
  if (!match) return undefined;
  return { name: match[1].toLowerCase(), port: match[2] === undefined ? 80 : Number(match[2]) };
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

function refuse(response: Response, status: number, message: string): void {
  response
    .status(status)
    .type("text/plain; charset=utf-8")
    .set("Cache-Control", "no-store")
    .send(`${message}\n`);
}

const READS = new Set(["GET", "HEAD"]);

/** The middleware that applies the rules; mounted first. */
export function accessGuard(rules: AccessRules) {
  return (request: Request, response: Response, next: NextFunction) => {
    const port = rules.port();
    const host = parseHost(request.headers.host);
    if (!host || !rules.hostNames.has(host.name) || host.port !== port) {
      refuse(
        response,
        403,
        `This preview answers only at its own address (such as http://localhost:${port}/), not "${request.headers.host ?? ""}".`,
      );
      return;
    }
    // Nothing here may be framed by, or read from, another site.
    response.set({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "X-Frame-Options": "SAMEORIGIN",
      "Cross-Origin-Resource-Policy": "same-origin",
    });

    if (!READS.has(request.method)) {
      const origin = request.headers.origin;
      const fetchSite = request.headers["sec-fetch-site"];
      const own = `http://${request.headers.host}`;
      const sameOrigin = origin !== undefined ? origin === own : fetchSite === "same-origin";
      if (!sameOrigin) {
        refuse(response, 403, "Changes are accepted only from the editor's own pages.");
        return;
      }
    }

    const url = new URL(request.originalUrl, "http://localhost");
    if (!rules.needsToken(url.pathname)) return next();
    const cookie = tokenCookie(port);
    const given = url.searchParams.get(TOKEN_PARAMETER);
    if (given !== null && READS.has(request.method)) {
      if (!sameToken(given, rules.token)) {
        refuse(response, 401, "This key is not the one of the running editor: open the address it printed.");
        return;
      }
      // The key moves into a cookie and out of the address bar and the browser's history.
      url.searchParams.delete(TOKEN_PARAMETER);
      response
        .cookie(cookie, rules.token, { httpOnly: true, sameSite: "strict", path: "/" })
        .set("Cache-Control", "no-store")
        .redirect(303, url.pathname + url.search);
      return;
    }
    if (!sameToken(cookieValue(request.headers.cookie, cookie), rules.token)) {
      refuse(
        response,
        401,
        "Open the address the editor printed when it started (it carries this run's key), such as " +
          `http://localhost:${port}/admin/?${TOKEN_PARAMETER}=…`,
      );
      return;
    }
    next();
  };
}
