/**
 * `_headers` as the hosts read it: Netlify's own parser (@netlify/headers-parser), and Cloudflare
 * Pages' documented rules (at most 100 rules, one splat or placeholder per rule, 2,000 characters
 * a line; every matching rule's headers apply, `! Name` detaches one set by an earlier rule).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parseAllHeaders } from "@netlify/headers-parser";
import { parse } from "node-html-parser";
import * as assert from "uvu/assert";
import { ARCHIVE_FONTS_FOLDER } from "../../src/site/font-folders.ts";
import {
  apacheConfig,
  CLOUDFLARE_LIMITS,
  type HostRules,
  headersFile,
  hostRules,
  LONG_CACHE,
  nginxConfig,
  parsePolicy,
  unionPolicy,
} from "../../src/site/headers.ts";
import { ROOT } from "../helpers/fixtures.ts";
import { exampleSite, htmlPages } from "../helpers/site.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("_headers");

interface Rule {
  pattern: string;
  lines: Array<{ detach: string } | { name: string; value: string }>;
}

/** Reads `_headers` as Cloudflare Pages documents it. */
function cloudflareRules(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), lines: [] });
    else if (line.trim().startsWith("!"))
      rules[rules.length - 1].lines.push({ detach: line.trim().slice(1).trim() });
    else {
      const colon = line.indexOf(":");
      rules[rules.length - 1].lines.push({
        name: line.slice(0, colon).trim(),
        value: line.slice(colon + 1).trim(),
      });
    }
  }
  return rules;
}

/** Cloudflare's matching: a splat matches any run of characters. */
function matches(pattern: string, sitePath: string): boolean {
  const regex = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${regex}$`).test(sitePath);
}

/** The headers Cloudflare Pages sends at `sitePath`: all matching rules, in order, detaches applied. */
function cloudflareHeaders(rules: Rule[], sitePath: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const rule of rules.filter((each) => matches(each.pattern, sitePath))) {
    for (const line of rule.lines) {
      if ("detach" in line) found.delete(line.detach.toLowerCase());
      else found.set(line.name.toLowerCase(), [...(found.get(line.name.toLowerCase()) ?? []), line.value]);
    }
  }
  return found;
}

let site = "";
let text = "";
test.before(async () => {
  site = await exampleSite();
  text = await fs.readFile(path.join(site, "_headers"), "utf8");
});

test("Netlify's parser accepts the whole file, with every rule", async () => {
  const { headers, errors } = await parseAllHeaders({
    headersFiles: [path.join(site, "_headers")],
    configHeaders: [],
    minimal: false,
  });
  assert.equal(errors, []);
  assert.is(headers.length, cloudflareRules(text).length);
});

test("within Cloudflare Pages' limits: rules, wildcards per rule, line length", () => {
  const rules = cloudflareRules(text);
  assert.ok(rules.length <= CLOUDFLARE_LIMITS.rules, `${rules.length} rules`);
  for (const rule of rules) {
    const wildcards = (rule.pattern.match(/\*|:[A-Za-z]\w*/g) ?? []).length;
    assert.ok(
      wildcards <= CLOUDFLARE_LIMITS.wildcardsPerRule,
      `${rule.pattern}: ${wildcards} splats or placeholders`,
    );
  }
  for (const line of text.split("\n")) {
    assert.ok(line.length <= CLOUDFLARE_LIMITS.lineLength, `a line of ${line.length} characters`);
  }
});

test("every page gets one policy that allows what its meta allows, plus frame-ancestors 'none'", async () => {
  const rules = cloudflareRules(text);
  const pages = await htmlPages(site);
  assert.ok(pages.length > 30, `only ${pages.length} pages`);
  for (const page of pages) {
    const file = path.join(site, page.endsWith("/") ? `${page}index.html` : page);
    const meta = parse(await fs.readFile(file, "utf8"))
      .querySelector('meta[http-equiv="Content-Security-Policy"]')
      ?.getAttribute("content") as string;
    assert.ok(meta, `${page} has no meta policy`);
    for (const address of page.endsWith("/") ? [page, `${page}index.html`] : [page]) {
      const csp = cloudflareHeaders(rules, address).get("content-security-policy") ?? [];
      assert.is(csp.length, 1, `${address}: ${csp.length} policies (hosts join them, enforcing both)`);
      const header = parsePolicy(csp[0]);
      assert.equal(header.get("frame-ancestors"), ["'none'"], address);
      for (const [directive, sources] of parsePolicy(meta)) {
        const allowed = header.get(directive) ?? header.get("default-src") ?? [];
        for (const source of sources.filter((each) => each !== "'none'")) {
          assert.ok(
            allowed.includes(source),
            `${address}: the header blocks ${directive} ${source}, which its meta allows`,
          );
        }
      }
    }
  }
});

test("every response gets nosniff, no referrer and a Permissions-Policy", () => {
  const rules = cloudflareRules(text);
  for (const address of ["/", "/benelux-2021/fr/", "/benelux-2021/assets/site.css", "/missing"]) {
    const headers = cloudflareHeaders(rules, address);
    assert.equal(headers.get("x-content-type-options"), ["nosniff"], address);
    assert.equal(headers.get("referrer-policy"), ["no-referrer"], address);
    const permissions = headers.get("permissions-policy")?.[0] ?? "";
    for (const feature of ["camera", "microphone", "geolocation", "payment"]) {
      assert.match(permissions, `${feature}=()`, address);
    }
  }
});

test("files named by their content are cached for a year, pages are not", async () => {
  const rules = cloudflareRules(text);
  const named = async (folder: string) =>
    (await fs.readdir(path.join(site, folder))).map((name) => `/${folder}/${name}`);
  // Logos, and the web fonts of a campaign and of the archive.
  const logos = [
    ...(await named("blue-heart-2023-be/assets/logos")),
    ...(await named("many-languages/assets/fonts")),
    ...(await named(ARCHIVE_FONTS_FOLDER)),
  ];
  assert.ok(logos.some((file) => file.endsWith(".woff2")));
  assert.ok(logos.length > 0);
  for (const logo of logos)
    assert.equal(cloudflareHeaders(rules, logo).get("cache-control"), [LONG_CACHE], logo);
  assert.is(cloudflareHeaders(rules, "/blue-heart-2023-be/fr/").get("cache-control"), undefined);
});

test("a campaign packed as a site of its own carries its rules from the top of the site", async () => {
  const folder = path.join(site, "blue-heart-2023-be");
  const file = headersFile(await hostRules(folder, { campaign: true })).text;
  const written = path.join(site, "packed-headers.tmp");
  await fs.writeFile(written, file);
  const { headers, errors } = await parseAllHeaders({
    headersFiles: [written],
    configHeaders: [],
    minimal: false,
  });
  await fs.rm(written);
  assert.equal(errors, []);
  const rules = cloudflareRules(file);
  assert.is(headers.length, rules.length);
  const pages = (await htmlPages(site))
    .filter((page) => page.startsWith("/blue-heart-2023-be/"))
    .map((page) => page.slice("/blue-heart-2023-be".length));
  assert.ok(pages.length > 10, `only ${pages.length} pages`);
  for (const page of pages) {
    const meta = parse(
      await fs.readFile(path.join(folder, page.endsWith("/") ? `${page}index.html` : page), "utf8"),
    )
      .querySelector('meta[http-equiv="Content-Security-Policy"]')
      ?.getAttribute("content") as string;
    const csp = cloudflareHeaders(rules, page).get("content-security-policy") ?? [];
    assert.is(csp.length, 1, page);
    const header = parsePolicy(csp[0]);
    for (const [directive, sources] of parsePolicy(meta)) {
      const allowed = header.get(directive) ?? header.get("default-src") ?? [];
      for (const source of sources.filter((each) => each !== "'none'"))
        assert.ok(allowed.includes(source), `${page}: the header blocks ${directive} ${source}`);
    }
  }
  const logo = (await fs.readdir(path.join(folder, "assets/logos")))[0];
  assert.equal(cloudflareHeaders(rules, `/assets/logos/${logo}`).get("cache-control"), [LONG_CACHE]);
  assert.is(cloudflareHeaders(rules, "/fr/").get("cache-control"), undefined);
});

test("an admin's own policy replaces the site's on both hosts: detached first on Cloudflare", () => {
  const rules: HostRules = {
    common: [["Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'"]],
    sections: [
      {
        what: "the editor",
        folders: ["x"],
        under: "admin/",
        headers: [["Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-eval'"]],
      },
    ],
    notes: [],
  };
  const file = headersFile(rules).text;
  const csp = cloudflareHeaders(cloudflareRules(file), "/x/admin/index.html").get("content-security-policy");
  assert.equal(csp, ["default-src 'self'; script-src 'self' 'unsafe-eval'"]);
  assert.match(file, "/x/admin/*\n  ! Content-Security-Policy\n  Content-Security-Policy:");
});

test("an archive of 150 campaigns stays within 100 rules, and says what it left out", () => {
  const slugs = Array.from({ length: 150 }, (_, i) => `campaign-${i}`);
  const { text: file, notes } = headersFile({
    common: [["X-Content-Type-Options", "nosniff"]],
    sections: [
      { what: "logos", folders: slugs, under: "assets/logos/", headers: [["Cache-Control", LONG_CACHE]] },
    ],
    notes: [],
  });
  assert.is(cloudflareRules(file).length, CLOUDFLARE_LIMITS.rules);
  assert.equal(notes, [
    "_headers: logos of 51 campaign(s) left out to stay within Cloudflare Pages' 100 rules",
  ]);
});

test("the union of policies: sources joined, default-src standing in, unrestricted directives dropped", () => {
  assert.is(
    unionPolicy([
      "default-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'",
      "default-src 'self'; img-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'",
      "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'",
    ]),
    "default-src 'self'; img-src 'self' blob:; object-src 'none'; base-uri 'none'; script-src 'self'",
  );
  assert.is(unionPolicy(["object-src 'none'", "object-src 'self'"]), "object-src 'self'");
});

test("the rules are read from the built pages, not assumed", async () => {
  const rules = await hostRules(site);
  assert.equal(
    rules.common.map(([name]) => name),
    ["X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "Content-Security-Policy"],
  );
  assert.equal(
    rules.sections.map((section) => section.under),
    ["assets/logos/", "assets/fonts/", ""],
  );
});

test("the README shows what server-config prints for the examples, not a hand-kept copy", async () => {
  const readme = await fs.readFile(path.join(ROOT, "README.md"), "utf8");
  // The test site also holds copies of an example in other templates; the README shows the examples.
  const examples = await fs.readdir(path.join(ROOT, "campaigns"));
  const all = await hostRules(site);
  const rules = {
    ...all,
    sections: all.sections.map((section) => ({
      ...section,
      folders: section.folders.filter(
        (folder) => examples.includes(folder) || folder === ARCHIVE_FONTS_FOLDER,
      ),
    })),
  };
  for (const [language, made] of [
    ["nginx", nginxConfig(rules)],
    ["apache", apacheConfig(rules)],
  ]) {
    const block = new RegExp(`\`\`\`${language}\n([\\s\\S]*?)\`\`\``).exec(readme)?.[1];
    assert.is(
      block,
      made,
      `the README's ${language} block differs from npm run server-config -- ${language}`,
    );
  }
});

test.run();
