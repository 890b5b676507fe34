/**
 * `serve` on a temporary copy of the project: an invalid edit prints its problems and the server
 * keeps the last good pages; a valid edit is picked up.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import * as assert from "uvu/assert";
import { FIXTURES, ROOT, tempDir } from "./helpers/fixtures.ts";
import { suite } from "./helpers/suite.ts";

const test = suite("serve");

let work = "";
let child: ChildProcess | undefined;
let output = "";
let origin = "";

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Waits until `check` holds, polling; fails with the server's output when it never does. */
async function until(what: string, check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.unreachable(`${what} did not happen within ${ms / 1000} s. Server output:\n${output}`);
}

const get = async (sitePath: string) => {
  const response = await fetch(origin + sitePath).catch(() => undefined);
  return response?.ok ? response.text() : undefined;
};

test.before(async () => {
  work = await tempDir("serve-");
  for (const entry of ["src", "templates", "eleventy.config.ts", "package.json", "tsconfig.json"])
    await fs.cp(path.join(ROOT, entry), path.join(work, entry), { recursive: true });
  await fs.symlink(path.join(ROOT, "node_modules"), path.join(work, "node_modules"), "dir");
  await fs.cp(path.join(FIXTURES, "campaigns/minimal"), path.join(work, "campaigns/minimal"), {
    recursive: true,
  });
  const port = await freePort();
  child = spawn(
    path.join(ROOT, "node_modules/.bin/tsx"),
    [path.join(work, "src/cli.ts"), "serve", "--port", String(port)],
    {
      cwd: work,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  // The server answers on the port asked for (or, if Eleventy had to take another, the one it
  // names). Polled rather than read from the log, which a quiet logger may leave out; the first
  // build and the watcher come first, which can take a while on a busy machine.
  origin = `http://localhost:${port}`;
  await until(
    "the first page",
    async () => {
      const named = /Server at http:\/\/localhost:(\d+)\//.exec(output)?.[1];
      if (named) origin = `http://localhost:${named}`;
      return Boolean(await get("/minimal/en/"));
    },
    150_000,
  );
});

test.after(async () => {
  if (child?.pid && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((resolve) => child?.once("exit", resolve));
  }
  await fs.rm(work, { recursive: true, force: true });
});

test("an invalid edit prints its problem and the last good pages stay served", async () => {
  const good = await get("/minimal/en/");
  assert.match(good ?? "", "<h1>Minimal campaign</h1>");
  const content = path.join(work, "campaigns/minimal/content/page.en.md");
  const yaml = path.join(work, "campaigns/minimal/campaign.yaml");
  const words = await fs.readFile(content, "utf8");

  const before = output.length;
  await fs.writeFile(content, words.replace("Minimal campaign", "Half-typed title"));
  await fs.writeFile(yaml, (await fs.readFile(yaml, "utf8")).replace("2024-07-30", "2024-02-30"));
  await until("the problem being printed", () =>
    /campaign\.yaml:1 date: this date does not exist in the calendar/.test(output.slice(before)),
  );
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.is(await get("/minimal/en/"), good, "the page changed after an invalid edit");
  assert.is(child?.exitCode, null, "the server stopped");

  // Fixed: the edit shows.
  await fs.writeFile(yaml, (await fs.readFile(yaml, "utf8")).replace("2024-02-30", "2024-07-30"));
  await until(
    "the fixed page",
    async () => (await get("/minimal/en/"))?.includes("<h1>Half-typed title</h1>") ?? false,
  );
});

test.run();
