/**
 * The site's address as people type it: host and path, without the protocol or a closing slash
 * (`https://www.mensenhandel.be/2023/` → `www.mensenhandel.be/2023`). An internationalised host
 * is written in its own letters rather than as punycode.
 */
import { domainToUnicode } from "node:url";

export function siteAddress(url: string): string {
  const parsed = new URL(url);
  const host = domainToUnicode(parsed.hostname) || parsed.hostname;
  const port = parsed.port ? `:${parsed.port}` : "";
  return `${host}${port}${readablePath(parsed.pathname)}`.replace(/\/+$/, "");
}

function readablePath(pathname: string): string {
  try {
    return decodeURI(pathname);
  } catch {
    return pathname; // a malformed escape stays as written
  }
}
