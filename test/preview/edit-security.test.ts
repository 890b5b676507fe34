/**
 * The editor as an attacker finds it: a real `campaign edit` process (the compiled command) in a
 * project folder, attacked over loopback. Each test is one attack from SECURITY.md.
 */
import fs from "node:fs/promises";
import path from "node:path";
import * as assert from "uvu/assert";
import { assertCompiled, type LongRunning, startCompiled } from "../helpers/compiled.ts";
import { FIXTURES, ROOT, tempDir } from "../helpers/fixtures.ts";
import { rawRequest } from "../helpers/http.ts";
import { listeningSockets } from "../helpers/sockets.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("edit: who may write to the project");

const state = {} as {
  project: string;
  outside: string;
  editor: LongRunning;
  port: number;
  token: string;
  origin: string;
};

/** A request to the editor over 127.0.0.1 with exactly these headers. */
const request = (method: string, sitePath: string, headers: Record<string, string>, body?: unknown) =>
  rawRequest({ port: state.port, method, path: sitePath, headers, body });

const own = () => ({ Host: `localhost:${state.port}` });
const withKey = () => ({ ...own(), Cookie: `campaign-preview-${state.port}=${state.token}` });
const fromEditor = () => ({ ...withKey(), Origin: state.origin });

/** decap-server's "save this file" call, as the admin sends it. */
const persist = (file: string, raw: string) => ({
  action: "persistEntry",
  params: {
    branch: "main",
    dataFiles: [{ path: file, raw, slug: "x" }],
    assets: [],
    options: { commitMessage: `Update ${file}`, useWorkflow: false, status: "draft" },
  },
});
const upload = (file: string, content: Buffer) => ({
  action: "persistMedia",
  params: {
    branch: "main",
    asset: { path: file, content: content.toString("base64"), encoding: "base64" },
    options: { commitMessage: `Upload ${file}` },
  },
});

const exists = (file: string) =>
  fs.access(path.join(state.project, file)).then(
    () => true,
    () => false,
  );

test.before(async () => {
  assertCompiled();
  const project = await tempDir("campaign-edit-");
  await fs.cp(path.join(FIXTURES, "campaigns/minimal"), path.join(project, "campaigns/minimal"), {
    recursive: true,
  });
  await fs.cp(path.join(ROOT, "assets"), path.join(project, "assets"), { recursive: true });
  // A folder outside the project, and a link to it from inside campaigns/.
  const outside = await tempDir("campaign-outside-");
  await fs.symlink(outside, path.join(project, "campaigns/minimal/linked"), "dir");
  const editor = startCompiled(["edit", "--port", "0"], project);
  const [, port, token] = await editor.waitFor(/Editor: +http:\/\/localhost:(\d+)\/admin\/\?token=([\w-]+)/);
  Object.assign(state, {
    project,
    outside,
    editor,
    port: Number(port),
    token,
    origin: `http://localhost:${port}`,
  });
});

test.after(async () => {
  await state.editor?.stop();
  for (const dir of [state.project, state.outside])
    if (dir) await fs.rm(dir, { recursive: true, force: true });
});

test("listens on loopback only: every listening socket of the process is 127.0.0.1 or ::1", () => {
  const sockets = listeningSockets(state.editor.child.pid as number);
  assert.ok(sockets.length > 0, "no listening socket found");
  for (const socket of sockets) {
    assert.ok(socket.loopback, `listening on ${socket.address}:${socket.port}, which is not loopback`);
  }
  assert.ok(
    sockets.some((socket) => socket.port === state.port),
    `the printed port ${state.port} is not among ${JSON.stringify(sockets)}`,
  );
  assert.match(state.editor.output(), "Only this computer can open them (127.0.0.1 and ::1).");
});

test("a forged Host is refused before anything else, even with the key", async () => {
  for (const host of [
    `evil.example:${state.port}`,
    "localhost:1",
    `localhost.evil.example:${state.port}`,
    "",
  ]) {
    const reply = await request("GET", "/minimal/en/", { ...withKey(), Host: host });
    assert.is(reply.status, 403, `Host "${host}" got ${reply.status}`);
    assert.match(reply.body, "answers only at its own address");
  }
  const api = await request(
    "POST",
    "/api/v1",
    { ...fromEditor(), Host: `evil.example:${state.port}` },
    persist("campaigns/minimal/content/page.en.md", "x"),
  );
  assert.is(api.status, 403);
  // The server's own names are answered.
  for (const host of [`localhost:${state.port}`, `127.0.0.1:${state.port}`, `[::1]:${state.port}`]) {
    assert.is((await request("GET", "/minimal/en/", { Host: host })).status, 200, host);
  }
});

test("the editor and its API need this run's key", async () => {
  const before = await fs.readFile(path.join(state.project, "campaigns/minimal/content/page.en.md"), "utf8");
  const noKey = await request(
    "POST",
    "/api/v1",
    { ...own(), Origin: state.origin },
    persist("campaigns/minimal/content/page.en.md", "---\ntitle: Taken\n---\n"),
  );
  assert.is(noKey.status, 401);
  const wrongKey = await request(
    "POST",
    "/api/v1",
    { ...own(), Origin: state.origin, Cookie: `campaign-preview-${state.port}=guess` },
    persist("campaigns/minimal/content/page.en.md", "x"),
  );
  assert.is(wrongKey.status, 401);
  assert.is(
    await fs.readFile(path.join(state.project, "campaigns/minimal/content/page.en.md"), "utf8"),
    before,
  );
  assert.is((await request("GET", "/admin/", own())).status, 401);
  assert.is((await request("GET", "/admin/status.json", own())).status, 401);
  assert.is((await request("GET", "/admin/?token=guess", own())).status, 401);
  // The printed address sets the key as a cookie and leaves the address bar without it.
  const opened = await request("GET", `/admin/?token=${state.token}`, own());
  assert.is(opened.status, 303);
  assert.is(opened.headers.location, "/admin/");
  assert.match(String(opened.headers["set-cookie"]), /HttpOnly/i);
  assert.match(String(opened.headers["set-cookie"]), /SameSite=Strict/i);
  assert.is((await request("GET", "/admin/", withKey())).status, 200);
  // The preview pages themselves are open on loopback.
  assert.is((await request("GET", "/minimal/en/", own())).status, 200);
});

test("writes come only from the editor's own pages: no other origin, no CORS grant", async () => {
  const file = "campaigns/minimal/content/page.en.md";
  for (const origin of ["http://localhost:9999", "http://evil.example", "null"]) {
    const reply = await request("POST", "/api/v1", { ...withKey(), Origin: origin }, persist(file, "x"));
    assert.is(reply.status, 403, origin);
    assert.is(reply.headers["access-control-allow-origin"], undefined);
  }
  const crossSite = await request(
    "POST",
    "/api/v1",
    { ...withKey(), "Sec-Fetch-Site": "cross-site" },
    persist(file, "x"),
  );
  assert.is(crossSite.status, 403);
  const preflight = await request("OPTIONS", "/api/v1", {
    ...own(),
    Origin: "http://localhost:9999",
    "Access-Control-Request-Method": "POST",
  });
  assert.is(preflight.status, 403);
  assert.is(preflight.headers["access-control-allow-origin"], undefined);
});

test("with the key and the right origin: templates, code, CI and package files stay out of reach", async () => {
  const targets = [
    "templates/default/exit.js",
    "src/cli.ts",
    "scripts/bench.ts",
    ".github/workflows/pages.yml",
    ".ci/run",
    "package.json",
    "campaigns/../package.json",
    "campaigns/minimal/.hidden.md",
    "/etc/passwd",
    "campaigns/minimal/content/page.en.js",
  ];
  for (const target of targets) {
    const reply = await request(
      "POST",
      "/api/v1",
      fromEditor(),
      persist(target, "document.body.hidden = false;"),
    );
    assert.ok(reply.status >= 400 && reply.status < 500, `${target} got ${reply.status}`);
    assert.match(JSON.parse(reply.body).error, /"/, `${target}: the refusal should name the path`);
  }
  assert.not.ok(await exists("templates"), "templates/ was created in the project");
  assert.not.ok(await exists("src"));
  // Reading outside campaigns/ and assets/ is refused too.
  const read = await request("POST", "/api/v1", fromEditor(), {
    action: "getEntry",
    params: { path: "package.json" },
  });
  assert.is(read.status, 403);
});

test("a path through a symbolic link is refused, for writing and reading", async () => {
  const write = await request(
    "POST",
    "/api/v1",
    fromEditor(),
    persist("campaigns/minimal/linked/page.en.md", "---\ntitle: Out\n---\n"),
  );
  assert.is(write.status, 403);
  assert.match(JSON.parse(write.body).error, "symbolic link");
  assert.equal(await fs.readdir(state.outside), []);
  const read = await request("POST", "/api/v1", fromEditor(), {
    action: "entriesByFolder",
    params: { folder: "campaigns/minimal/linked", extension: "md", depth: 1 },
  });
  assert.is(read.status, 403);
});

test("an SVG logo with a script is refused at upload, with the reason; a clean one is saved", async () => {
  const unsafe = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
  );
  const refused = await request(
    "POST",
    "/api/v1",
    fromEditor(),
    upload("campaigns/minimal/logos/bad.svg", unsafe),
  );
  assert.is(refused.status, 422);
  assert.match(JSON.parse(refused.body).error, "the SVG contains <script>");
  assert.not.ok(await exists("campaigns/minimal/logos/bad.svg"));
  const entities = Buffer.from(
    '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
  );
  const bomb = await request(
    "POST",
    "/api/v1",
    fromEditor(),
    upload("campaigns/minimal/logos/bomb.svg", entities),
  );
  assert.is(bomb.status, 422);
  const notAnImage = await request(
    "POST",
    "/api/v1",
    fromEditor(),
    upload("campaigns/minimal/logos/x.png", Buffer.from("<html>")),
  );
  assert.is(notAnImage.status, 422);

  const clean = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
  );
  const saved = await request(
    "POST",
    "/api/v1",
    fromEditor(),
    upload("campaigns/minimal/logos/good.svg", clean),
  );
  assert.is(saved.status, 200, saved.body);
  assert.ok(await exists("campaigns/minimal/logos/good.svg"));
});

test("the editor's own save still works: the words change on disk", async () => {
  const file = path.join(state.project, "campaigns/minimal/content/page.en.md");
  const before = await fs.readFile(file, "utf8");
  const after = before.replace(/^title: .*$/m, "title: Saved by the editor");
  const reply = await request(
    "POST",
    "/api/v1",
    fromEditor(),
    persist("campaigns/minimal/content/page.en.md", after),
  );
  assert.is(reply.status, 200, reply.body);
  assert.match(await fs.readFile(file, "utf8"), "title: Saved by the editor");
});

test.run();
