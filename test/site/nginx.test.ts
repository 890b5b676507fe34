/**
 * The built examples served by a real nginx (Debian's package) with the configuration that
 * `campaign server-config nginx` prints, each header checked over HTTP on loopback. Without nginx
 * the suite is skipped with a warning, or fails when REQUIRE_BROWSER=1 or REQUIRE_NGINX=1 (as in CI).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import * as assert from "uvu/assert";
import { hostRules, LONG_CACHE, nginxConfig } from "../../src/site/headers.ts";
import { tempDir } from "../helpers/fixtures.ts";
import { freePort } from "../helpers/http.ts";
import { exampleSite } from "../helpers/site.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("nginx with the generated configuration");

function findNginx(): string | undefined {
  for (const candidate of ["/usr/sbin/nginx", "/usr/bin/nginx"]) {
    try {
      execFileSync(candidate, ["-v"], { stdio: "ignore" });
      return candidate;
    } catch {}
  }
  return undefined;
}

const NGINX = findNginx();
const required = process.env.REQUIRE_BROWSER === "1" || process.env.REQUIRE_NGINX === "1";
if (!NGINX) {
  const message = "No nginx found (apt-get install nginx): THE NGINX TESTS DID NOT RUN.";
  if (required) throw new Error(`${message} REQUIRE_BROWSER=1 or REQUIRE_NGINX=1 makes this a failure.`);
  console.warn(`\n${"!".repeat(80)}\n${message}\n${"!".repeat(80)}\n`);
}
const it = NGINX ? test : test.skip;
const state = {} as { dir: string; port: number; nginx: ChildProcess; site: string; log: string };

const get = (sitePath: string) => fetch(`http://127.0.0.1:${state.port}${sitePath}`, { redirect: "manual" });

test.before(async () => {
  if (!NGINX) return;
  state.site = await exampleSite();
  state.dir = await tempDir("campaign-nginx-");
  state.port = await freePort();
  const snippet = path.join(state.dir, "campaign-headers.conf");
  await fs.writeFile(snippet, nginxConfig(await hostRules(state.site)));
  const conf = path.join(state.dir, "nginx.conf");
  await fs.writeFile(
    conf,
    [
      // Run as whoever runs the tests (root in CI): the site is in a private temporary folder.
      ...(process.getuid?.() === 0 ? ["user root;"] : []),
      "daemon off;",
      "worker_processes 1;",
      `pid ${path.join(state.dir, "nginx.pid")};`,
      `error_log ${path.join(state.dir, "error.log")} warn;`,
      "events { worker_connections 64; }",
      "http {",
      "  include /etc/nginx/mime.types;",
      "  access_log off;",
      `  client_body_temp_path ${state.dir}; proxy_temp_path ${state.dir}; fastcgi_temp_path ${state.dir}; uwsgi_temp_path ${state.dir}; scgi_temp_path ${state.dir};`,
      "  server {",
      `    listen 127.0.0.1:${state.port};`,
      `    root ${state.site};`,
      "    index index.html;",
      `    include ${snippet};`,
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  execFileSync(NGINX, ["-t", "-q", "-c", conf, "-p", state.dir], { stdio: "pipe" });
  state.nginx = spawn(NGINX, ["-c", conf, "-p", state.dir], { stdio: "ignore" });
  for (let attempt = 0; attempt < 100; attempt++) {
    if (
      await get("/").then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `nginx did not answer: ${await fs.readFile(path.join(state.dir, "error.log"), "utf8").catch(() => "")}`,
  );
});

test.after(async () => {
  if (state.nginx && state.nginx.exitCode === null) {
    const exited = new Promise((resolve) => state.nginx.once("exit", resolve));
    state.nginx.kill("SIGQUIT");
    await exited;
  }
  if (state.dir) await fs.rm(state.dir, { recursive: true, force: true });
});

/** What every response must carry, as _headers gives it. */
async function expectedCommon(): Promise<Array<[string, string]>> {
  return (await hostRules(state.site)).common;
}

it("pages, assets, logos and the 404 carry every security header", async () => {
  const common = await expectedCommon();
  const logo = (await fs.readdir(path.join(state.site, "blue-heart-2023-be/assets/logos")))[0];
  for (const [address, status] of [
    ["/", 200],
    ["/blue-heart-2023-be/fr/", 200],
    ["/benelux-2021/nl/frame/", 200],
    ["/blue-heart-2023-be/assets/site.css", 200],
    [`/blue-heart-2023-be/assets/logos/${logo}`, 200],
    ["/no-such-page/", 404],
  ] as const) {
    const response = await get(address);
    assert.is(response.status, status, address);
    for (const [name, value] of common) assert.is(response.headers.get(name), value, `${address} ${name}`);
  }
});

it("logos are cached for a year, pages are not", async () => {
  const logo = (await fs.readdir(path.join(state.site, "benelux-2021/assets/logos")))[0];
  assert.is((await get(`/benelux-2021/assets/logos/${logo}`)).headers.get("cache-control"), LONG_CACHE);
  assert.is((await get("/benelux-2021/fr/")).headers.get("cache-control"), null);
});

it("a missing page gets the site's own 'page not found'", async () => {
  const response = await get("/no-such-page/");
  assert.match(await response.text(), await fs.readFile(path.join(state.site, "404.html"), "utf8"));
});

test.run();
