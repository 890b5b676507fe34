/**
 * `build --with-admin`: the CMS copied into `<slug>/admin/` of the built site, for a team that
 * edits through its Git host. Only when asked: by default no admin is ever published. The page
 * carries its own Content-Security-Policy (Decap needs 'unsafe-eval' and inline styles, and
 * talks to the Git host's API); the campaign pages keep theirs.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import { ADMIN_SOURCE, DECAP_DIST } from "./admin-files.ts";
import { type Backend, campaignEntries, cmsConfig } from "./config.ts";

const API_ORIGINS: Record<string, string> = {
  github: "https://api.github.com https://github.com",
  gitlab: "https://gitlab.com",
};

export function adminCsp(backend: Backend): string {
  const api = backend.name === "local" ? "" : ` ${backend.baseUrl ?? API_ORIGINS[backend.name]}`;
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    // Decap reads an upload back from its blob: address before sending it.
    `connect-src 'self' blob:${api}`,
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");
}

/** "github:owner/name" or "gitlab:group/name" → a backend. */
export function parseBackend(value: string): Extract<Backend, { repo: string }> {
  const match = /^(github|gitlab):([\w.-]+\/[\w./-]+)$/.exec(value);
  if (!match) {
    throw new Error(`--admin-repo: expected github:<owner>/<name> or gitlab:<group>/<name>, got "${value}"`);
  }
  return { name: match[1] as "github" | "gitlab", repo: match[2] };
}

export async function writeAdmin(options: {
  outDir: string;
  slug: string;
  campaignsDir: string;
  repoRoot: string;
  backend: Backend;
}): Promise<string> {
  const dir = path.join(options.outDir, options.slug, "admin");
  await fs.mkdir(dir, { recursive: true });
  const html = await fs.readFile(path.join(ADMIN_SOURCE, "index.html"), "utf8");
  // The campaigns' stylesheets, for the preview, are two folders up from <slug>/admin/.
  const meta = [
    `<meta http-equiv="Content-Security-Policy" content="${adminCsp(options.backend)}">`,
    '<meta name="campaign-site-root" content="../../">',
  ].join("\n  ");
  await fs.writeFile(path.join(dir, "index.html"), html.replace("<!--csp-->", meta));
  for (const name of ["admin.js", "admin.css"])
    await fs.copyFile(path.join(ADMIN_SOURCE, name), path.join(dir, name));
  for (const name of await fs.readdir(DECAP_DIST)) {
    if (/(^|\.)decap-cms\.js$|\.wasm$/.test(name))
      await fs.copyFile(path.join(DECAP_DIST, name), path.join(dir, name));
  }
  const config = await cmsConfig({
    campaignsDir: options.campaignsDir,
    repoRoot: options.repoRoot,
    backend: options.backend,
  });
  await fs.writeFile(path.join(dir, "config.yml"), stringify(config));
  await fs.writeFile(
    path.join(dir, "campaigns.json"),
    JSON.stringify(await campaignEntries(options.campaignsDir)),
  );
  return dir;
}
