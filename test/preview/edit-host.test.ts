/**
 * `edit --host <address>`: opened to a network on purpose. It says so, listens there as well as
 * on loopback, and then shows nothing, not even the preview, without this run's key. The
 * address used here, 127.0.0.2, is a loopback address standing in for a network's.
 */
import fs from "node:fs/promises";
import path from "node:path";
import * as assert from "uvu/assert";
import { assertCompiled, type LongRunning, startCompiled } from "../helpers/compiled.ts";
import { FIXTURES, tempDir } from "../helpers/fixtures.ts";
import { rawRequest } from "../helpers/http.ts";
import { listeningSockets } from "../helpers/sockets.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("edit --host: opened to a network on purpose");
const HOST = "127.0.0.2";
const state = {} as { project: string; editor: LongRunning; port: number; token: string };

const get = (sitePath: string, headers: Record<string, string> = {}) =>
  rawRequest({
    address: HOST,
    port: state.port,
    method: "GET",
    path: sitePath,
    headers: { Host: `${HOST}:${state.port}`, ...headers },
  });

test.before(async () => {
  assertCompiled();
  const project = await tempDir("campaign-edit-host-");
  await fs.cp(path.join(FIXTURES, "campaigns/minimal"), path.join(project, "campaigns/minimal"), {
    recursive: true,
  });
  const editor = startCompiled(["edit", "--port", "0", "--host", HOST], project);
  const [, port, token] = await editor.waitFor(/Editor: +http:\/\/localhost:(\d+)\/admin\/\?token=([\w-]+)/);
  await editor.waitFor(/warning: --host/);
  Object.assign(state, { project, editor, port: Number(port), token });
});

test.after(async () => {
  await state.editor?.stop();
  if (state.project) await fs.rm(state.project, { recursive: true, force: true });
});

test("warns, and prints the address to use from the network with its key", () => {
  const output = state.editor.output();
  assert.match(
    output,
    `warning: --host ${HOST}: this server can be reached from other computers on that network`,
  );
  assert.match(output, `http://${HOST}:${state.port}/admin/?token=${state.token}`);
});

test("listens on the address given and on loopback, nowhere else", () => {
  const addresses = listeningSockets(state.editor.child.pid as number).map((socket) => socket.address);
  assert.ok(addresses.includes(HOST), addresses.join(", "));
  assert.ok(addresses.includes("127.0.0.1"), addresses.join(", "));
  assert.not.ok(addresses.includes("0.0.0.0"), addresses.join(", "));
});

test("every page needs the key, the preview too; with it the pages open", async () => {
  assert.is((await get("/minimal/en/")).status, 401);
  assert.is((await get("/admin/")).status, 401);
  const opened = await get(`/minimal/en/?token=${state.token}`);
  assert.is(opened.status, 303);
  const cookie = String(opened.headers["set-cookie"]).split(";")[0];
  assert.is((await get("/minimal/en/", { Cookie: cookie })).status, 200);
  // A Host that is not the server's is still refused, key or not.
  assert.is((await get("/minimal/en/", { Cookie: cookie, Host: `evil.example:${state.port}` })).status, 403);
});

test.run();
