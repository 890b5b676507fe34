/**
 * Hostile and broken input, one fixture folder each under test/fixtures/hostile/: every case is
 * either refused with a clear line and the previous output left byte-identical, or built with
 * nothing dangerous in the output.
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { parse } from "node-html-parser";
import * as assert from "uvu/assert";
import { build } from "../src/build/build.ts";
import { CampaignError, formatProblem } from "../src/campaign/index.ts";
import { FIXTURES, fixtureCampaign, ROOT, tempDir } from "./helpers/fixtures.ts";
import { suite } from "./helpers/suite.ts";

interface Case {
  outcome: "refused" | "sanitised";
  expect: string[];
  yaml?: Array<[string, string]>;
}

const HOSTILE = path.join(FIXTURES, "hostile");
const cases = (await fs.readdir(HOSTILE)).sort();

/** Hash of every file in a folder, to prove it did not change. */
async function folderHash(dir: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  const files = (await fs.readdir(dir, { recursive: true })).sort();
  for (const file of files) {
    const full = path.join(dir, file);
    if ((await fs.stat(full)).isFile()) hash.update(file).update(await fs.readFile(full));
  }
  return hash.digest("hex");
}

async function overlay(from: string, to: string) {
  await fs.cp(from, to, { recursive: true }).catch((error) => {
    if (error.code !== "ENOENT") throw error;
  });
}

const test = suite("hostile input");

let out = "";
let goodHash = "";
test.before(async () => {
  const { campaignsDir, cleanup } = await fixtureCampaign();
  out = path.join(await tempDir("hostile-site-"), "_site");
  await build({ root: ROOT, campaignsDir, outDir: out });
  goodHash = await folderHash(out);
  await cleanup();
});

test.after(() => fs.rm(path.dirname(out), { recursive: true, force: true }));

for (const name of cases) {
  test(name, async () => {
    const spec = JSON.parse(await fs.readFile(path.join(HOSTILE, name, "case.json"), "utf8")) as Case;
    const { campaignsDir, dir, cleanup } = await fixtureCampaign({
      yaml: (text) => (spec.yaml ?? []).reduce((current, [from, to]) => current.replace(from, to), text),
    });
    await overlay(path.join(HOSTILE, name, "files"), dir);
    // Cases too large or too system-specific to commit as files are made here.
    if (name === "yaml-10-mb") {
      const yaml = path.join(dir, "campaign.yaml");
      await fs.appendFile(yaml, `# ${"padding ".repeat((10 * 1024 * 1024) / 8)}\n`);
    }
    if (name === "logo-symlink-out") await fs.symlink("/etc/hostname", path.join(dir, "logos/linked.svg"));

    try {
      if (spec.outcome === "refused") {
        try {
          await build({ root: ROOT, campaignsDir, outDir: out });
          assert.unreachable("expected the build to refuse this input");
        } catch (error) {
          assert.instance(error, CampaignError, String(error));
          const lines = (error as CampaignError).problems
            .map((problem) => formatProblem(problem, campaignsDir))
            .join("\n");
          for (const pattern of spec.expect) assert.match(lines, new RegExp(pattern), lines);
          assert.is(await folderHash(out), goodHash, "the previous output changed");
          const left = (await fs.readdir(path.dirname(out))).filter((entry) => entry.includes(".building-"));
          assert.equal(left, [], "a staging folder was left behind");
        }
        return;
      }
      const sanitisedOut = path.join(path.dirname(out), `${name}-site`);
      const report = await build({ root: ROOT, campaignsDir, outDir: sanitisedOut });
      const warnings = report.warnings.map((warning) => `warning: ${formatProblem(warning)}`).join("\n");
      for (const pattern of spec.expect) assert.match(warnings, new RegExp(pattern), warnings);
      const files = await fs.readdir(sanitisedOut, { recursive: true });
      assert.equal(
        // The template's own emblem, served as the page icon, is the one SVG allowed.
        files.filter((file) => file.endsWith(".svg") && !file.endsWith(path.join("assets", "icon.svg"))),
        [],
        "an SVG was published",
      );
      for (const file of files.filter((f) => f.endsWith(".html"))) {
        const root = parse(await fs.readFile(path.join(sanitisedOut, file), "utf8"));
        for (const element of root.querySelectorAll("*")) {
          const attributes = Object.entries(element.attributes);
          const handlers = attributes.filter(([attribute]) => attribute.toLowerCase().startsWith("on"));
          assert.equal(handlers, [], `${file} <${element.tagName}> has event handlers`);
          for (const [attribute, value] of attributes) {
            if (["href", "src"].includes(attribute))
              assert.not.match(value, /^\s*javascript:/i, `${file} ${attribute}`);
          }
        }
        for (const script of root.querySelectorAll("script")) {
          if (script.getAttribute("type") === "application/ld+json") {
            // A data block: never run, but it must not be able to close itself or hold markup.
            assert.not.match(script.textContent, "<", `${file} JSON-LD holds a "<"`);
            JSON.parse(script.textContent);
            continue;
          }
          assert.match(
            script.getAttribute("src") ?? "",
            /^(?:\.\.\/)*assets\/[a-z]+\.js$/,
            `${file} has an inline or foreign script`,
          );
        }
        assert.equal(root.querySelectorAll('img[src="x"]'), [], `${file} rendered the <img> from the text`);
      }
      if (name === "html-in-text") {
        const fr = await fs.readFile(path.join(sanitisedOut, "minimal/fr/index.html"), "utf8");
        assert.match(fr, "<h1>&lt;img src=x onerror=alert(1)&gt; Titre</h1>");
        assert.match(fr, '<meta property="og:title" content="&lt;img src=x onerror=alert(1)&gt; Titre">');
        const data = parse(fr).querySelector('script[type="application/ld+json"]')?.textContent ?? "";
        assert.ok(data.includes("\\u003cimg src=x onerror=alert(1)>"), "the JSON-LD title is not escaped");
        await fs.access(path.join(sanitisedOut, "minimal/fr/share/minimal-fr-og.png"));
      }
      await fs.rm(sanitisedOut, { recursive: true });
    } finally {
      await cleanup();
    }
  });
}

test.run();
