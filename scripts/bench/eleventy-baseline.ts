/** Eleventy's own start-up and build of a one-page site, in a fresh process: the yardstick for a
 * warm rebuild. Prints wall time. */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";

const started = performance.now();
const dir = await fs.mkdtemp(path.join(os.tmpdir(), "eleventy-baseline-"));
await fs.writeFile(path.join(dir, "index.njk"), "<!doctype html><title>One page</title><p>{{ 1 + 1 }}</p>");
// From the site's own folder: in the project's folder Eleventy would read the project's
// eleventy.config.ts and build every campaign.
process.chdir(dir);
const eleventy = new Eleventy(dir, path.join(dir, "_site"), { quietMode: true });
await eleventy.write();
console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000 }));
await fs.rm(dir, { recursive: true });
