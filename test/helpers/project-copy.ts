/**
 * Fresh copies of the project for builds that must share nothing (not even .cache/), and the
 * hashes of a build's output to compare two builds file by file.
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { ROOT } from "./fixtures.ts";

/** The SHA-256 of every file under `dir`, by path. */
export async function folderHashes(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const file of (await fs.readdir(dir, { recursive: true })).sort()) {
    const full = path.join(dir, file);
    if ((await fs.stat(full)).isFile()) {
      result[file] = crypto
        .createHash("sha256")
        .update(await fs.readFile(full))
        .digest("hex");
    }
  }
  return result;
}

/** A fresh copy of the project (sources, templates, config) with its own empty .cache/. */
export async function projectCopy(work: string, name: string): Promise<string> {
  const root = path.join(work, name);
  await fs.mkdir(root, { recursive: true });
  for (const entry of ["src", "templates", "eleventy.config.ts", "package.json", "tsconfig.json"])
    await fs.cp(path.join(ROOT, entry), path.join(root, entry), { recursive: true });
  await fs.symlink(path.join(ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
  return root;
}
