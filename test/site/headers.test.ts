import fs from "node:fs/promises";
import path from "node:path";
import { parse } from "node-html-parser";
import * as assert from "uvu/assert";
import { ROOT } from "../helpers/fixtures.ts";
import { exampleSite, htmlPages } from "../helpers/site.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("_headers");
const LONG_CACHE_VALUE = "public, max-age=31536000, immutable";

/** Reads a Netlify/Cloudflare `_headers` file: [path pattern, [name, value][]] in order. */
function parseHeaders(text: string): Array<[string, Array<[string, string]>]> {
  const rules: Array<[string, Array<[string, string]>]> = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) rules.push([line.trim(), []]);
    else {
      const colon = line.indexOf(":");
      rules[rules.length - 1][1].push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/** The host's matching: `*` is any run of characters (a splat). */
function matches(pattern: string, sitePath: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
  return regex.test(sitePath);
}

/** Every header value a response at `sitePath` gets, by name. */
function headersFor(rules: ReturnType<typeof parseHeaders>, sitePath: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [pattern, headers] of rules) {
    if (!matches(pattern, sitePath)) continue;
    for (const [name, value] of headers)
      found.set(name.toLowerCase(), [...(found.get(name.toLowerCase()) ?? []), value]);
  }
  return found;
}

let site = "";
let rules: ReturnType<typeof parseHeaders> = [];
test.before(async () => {
  site = await exampleSite();
  rules = parseHeaders(await fs.readFile(path.join(site, "_headers"), "utf8"));
});

test("every page's Content-Security-Policy header is its meta policy plus frame-ancestors 'none'", async () => {
  const pages = await htmlPages(site);
  assert.ok(pages.length > 30, `only ${pages.length} pages`);
  for (const page of pages) {
    const file = path.join(site, page.endsWith("/") ? `${page}index.html` : page);
    const meta = parse(await fs.readFile(file, "utf8"))
      .querySelector('meta[http-equiv="Content-Security-Policy"]')
      ?.getAttribute("content");
    assert.ok(meta, `${page} has no meta policy`);
    const directives = (policy: string) =>
      policy
        .split(";")
        .map((d) => d.trim().replace(/\s+/g, " "))
        .filter(Boolean)
        .sort();
    for (const address of page.endsWith("/") ? [page, `${page}index.html`] : [page]) {
      const csp = headersFor(rules, address).get("content-security-policy") ?? [];
      assert.is(csp.length, 1, `${address}: ${csp.length} policies (hosts join them, enforcing both)`);
      assert.equal(directives(csp[0]), directives(`${meta}; frame-ancestors 'none'`), address);
    }
  }
});

test("every response gets nosniff, no referrer and a Permissions-Policy", () => {
  for (const address of ["/", "/benelux-2021/fr/", "/benelux-2021/assets/site.css", "/missing"]) {
    const headers = headersFor(rules, address);
    assert.equal(headers.get("x-content-type-options"), ["nosniff"], address);
    assert.equal(headers.get("referrer-policy"), ["no-referrer"], address);
    const permissions = headers.get("permissions-policy")?.[0] ?? "";
    for (const feature of ["camera", "microphone", "geolocation", "payment"]) {
      assert.match(permissions, `${feature}=()`, address);
    }
  }
});

test("files named by their content are cached for a year, pages are not", async () => {
  const logos = (await fs.readdir(path.join(site, "blue-heart-2023-be/assets/logos"))).map(
    (name) => `/blue-heart-2023-be/assets/logos/${name}`,
  );
  assert.ok(logos.length > 0);
  for (const logo of logos) {
    assert.match(
      headersFor(rules, logo).get("cache-control")?.[0] ?? "",
      /max-age=31536000.*immutable/,
      logo,
    );
  }
  assert.is(headersFor(rules, "/blue-heart-2023-be/fr/").get("cache-control"), undefined);
});

test("the README's nginx and Apache snippets send the same headers as _headers", async () => {
  const readme = await fs.readFile(path.join(ROOT, "README.md"), "utf8");
  const page = headersFor(rules, "/benelux-2021/fr/");
  for (const language of ["nginx", "apache"]) {
    const block = new RegExp(`\`\`\`${language}\n([\\s\\S]*?)\`\`\``).exec(readme)?.[1] ?? "";
    assert.ok(block, `no ${language} block in the README`);
    for (const name of [
      "Content-Security-Policy",
      "X-Content-Type-Options",
      "Referrer-Policy",
      "Permissions-Policy",
    ]) {
      const value = new RegExp(`${name} "([^"]+)"`).exec(block)?.[1];
      assert.is(value, page.get(name.toLowerCase())?.[0], `${language} ${name}`);
    }
    assert.match(block, LONG_CACHE_VALUE);
  }
});

test.run();
