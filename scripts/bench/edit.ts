/**
 * Save → preview, as a person waits for it: a real `campaign serve` process on a copy of the
 * examples and a real `npx @11ty/eleventy --serve` process on a one-page site, side by side. Each
 * turn changes a file (the French title of blue-heart-2023-be; the one page's heading) and polls
 * the page over HTTP on 127.0.0.1 until the change shows, the two taking turns so the machine's
 * noise falls on both alike. Uses the compiled dist/ (npm run compile).
 */
import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../test/helpers/http.ts";

const SLUG = "blue-heart-2023-be";
const POLL_MS = 5;

export interface EditTimes {
  /** Seconds from the write to the page showing it, for the preview and for bare Eleventy. */
  preview: number[];
  eleventy: number[];
}

function start(command: string, args: string[], cwd: string): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  return { child, output: () => output };
}

async function page(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { headers: { "Cache-Control": "no-cache" } });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

/** Polls `url` until its text has `needle`; seconds since `since`. */
async function until(url: string, needle: string, since: number, limitMs = 120_000): Promise<number> {
  for (;;) {
    const text = await page(url);
    if (text?.includes(needle)) return (performance.now() - since) / 1000;
    if (performance.now() - since > limitMs) throw new Error(`${url} never showed "${needle}"`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function saveToPreview(root: string, runs: number): Promise<EditTimes> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), "campaign-bench-edit-"));
  const project = path.join(work, "project");
  for (const folder of ["campaigns", "assets"])
    await fs.cp(path.join(root, folder), path.join(project, folder), { recursive: true });
  const reference = path.join(work, "eleventy");
  await fs.mkdir(reference, { recursive: true });
  await fs.writeFile(path.join(reference, "index.md"), "# One page\n\nA bare Eleventy site.\n");

  const preview = start(
    process.execPath,
    [path.join(root, "bin/campaign.js"), "serve", "--port", "0"],
    project,
  );
  const eleventyPort = await freePort();
  const eleventy = start(
    process.execPath,
    [
      path.join(root, "node_modules/@11ty/eleventy/cmd.cjs"),
      "--serve",
      "--quiet",
      "--port",
      String(eleventyPort),
    ],
    reference,
  );
  try {
    const deadline = Date.now() + 300_000;
    let previewPort = 0;
    while (!previewPort && Date.now() < deadline) {
      previewPort = Number(/Preview: http:\/\/localhost:(\d+)\//.exec(preview.output())?.[1] ?? 0);
      if (preview.child.exitCode !== null) throw new Error(`serve stopped:\n${preview.output()}`);
      await pause(50);
    }
    const previewUrl = `http://127.0.0.1:${previewPort}/${SLUG}/fr/`;
    const eleventyUrl = `http://127.0.0.1:${eleventyPort}/`;
    await until(previewUrl, "<h1", performance.now(), 300_000);
    await until(eleventyUrl, "One page", performance.now(), 60_000);
    // The first build's pictures finish in the background: let them.
    await pause(3000);

    const words = path.join(project, "campaigns", SLUG, "content/page.fr.md");
    const original = await fs.readFile(words, "utf8");
    const times: EditTimes = { preview: [], eleventy: [] };
    for (let i = 0; i < runs; i++) {
      const mark = crypto.randomBytes(4).toString("hex");
      const title = `Journée mondiale ${mark}`;
      let since = performance.now();
      await fs.writeFile(words, original.replace(/^title: .*$/m, `title: ${title}`));
      times.preview.push(await until(previewUrl, title, since));
      await pause(700);
      since = performance.now();
      await fs.writeFile(path.join(reference, "index.md"), `# One page ${mark}\n\nA bare Eleventy site.\n`);
      times.eleventy.push(await until(eleventyUrl, `One page ${mark}`, since));
      await pause(700);
    }
    return times;
  } finally {
    for (const { child } of [preview, eleventy]) {
      child.kill("SIGTERM");
      if (child.exitCode === null) await new Promise((resolve) => child.once("exit", resolve));
    }
    await fs.rm(work, { recursive: true, force: true });
  }
}
