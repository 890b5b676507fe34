/**
 * `serve` (npm start), the compiled command in a project folder: on loopback only; an invalid
 * edit prints its problems and the server keeps the last good pages; a valid edit is picked up.
 */
import fs from "node:fs/promises";
import path from "node:path";
import * as assert from "uvu/assert";
import { assertCompiled, type LongRunning, startCompiled } from "./helpers/compiled.ts";
import { FIXTURES, tempDir } from "./helpers/fixtures.ts";
import { listeningSockets } from "./helpers/sockets.ts";
import { suite } from "./helpers/suite.ts";

const test = suite("serve");

let work = "";
let server: LongRunning | undefined;
let origin = "";

/** Waits until `check` holds, polling; fails with the server's output when it never does. */
async function until(what: string, check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.unreachable(`${what} did not happen within ${ms / 1000} s. Server output:\n${server?.output()}`);
}

const get = async (sitePath: string) => {
  const response = await fetch(origin + sitePath).catch(() => undefined);
  return response?.ok ? response.text() : undefined;
};

test.before(async () => {
  assertCompiled();
  work = await tempDir("serve-");
  await fs.cp(path.join(FIXTURES, "campaigns/minimal"), path.join(work, "campaigns/minimal"), {
    recursive: true,
  });
  server = startCompiled(["serve", "--port", "0"], work);
  const [, port] = await server.waitFor(/Preview: http:\/\/localhost:(\d+)\//, 150_000);
  origin = `http://127.0.0.1:${port}`;
  // Words first: the pages are served at once, and written again when their kit follows.
  await server.waitFor(/✓ pictures of minimal/, 150_000);
});

test.after(async () => {
  await server?.stop();
  await fs.rm(work, { recursive: true, force: true });
});

test("listens on loopback only, and says so", () => {
  const sockets = listeningSockets(server?.child.pid as number);
  assert.ok(sockets.length > 0);
  for (const socket of sockets) assert.ok(socket.loopback, `listening on ${socket.address}`);
  assert.match(server?.output() ?? "", "Only this computer can open them (127.0.0.1 and ::1).");
});

test("pages carry the live-reload script, which is served from the same origin", async () => {
  const page = (await get("/minimal/en/")) ?? "";
  assert.match(page, '<script src="/.preview/reload.js" defer></script></body>');
  assert.match((await get("/.preview/reload.js")) ?? "", "EventSource");
});

test("an invalid edit prints its problem and the last good pages stay served", async () => {
  const good = await get("/minimal/en/");
  assert.match(good ?? "", "<h1>Minimal campaign</h1>");
  const content = path.join(work, "campaigns/minimal/content/page.en.md");
  const yaml = path.join(work, "campaigns/minimal/campaign.yaml");
  const words = await fs.readFile(content, "utf8");

  const before = server?.output().length ?? 0;
  // The broken date first: the words saved after it are then part of an invalid campaign however
  // far apart the two saves are heard.
  await fs.writeFile(yaml, (await fs.readFile(yaml, "utf8")).replace("2024-07-30", "2024-02-30"));
  await fs.writeFile(content, words.replace("Minimal campaign", "Half-typed title"));
  await until("the problem being printed", () =>
    /campaign\.yaml:1 date: this date does not exist in the calendar/.test(
      server?.output().slice(before) ?? "",
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.is(await get("/minimal/en/"), good, "the page changed after an invalid edit");
  assert.is(server?.child.exitCode, null, "the server stopped");

  // Fixed: the edit shows.
  await fs.writeFile(yaml, (await fs.readFile(yaml, "utf8")).replace("2024-02-30", "2024-07-30"));
  await until(
    "the fixed page",
    async () => (await get("/minimal/en/"))?.includes("<h1>Half-typed title</h1>") ?? false,
  );
});

test.run();
