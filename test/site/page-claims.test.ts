/**
 * What the README promises of every page: the CSP and referrer policy, the hotline block (toll-free
 * label, emergency number, several hotlines, a left-to-right number on a right-to-left page) and
 * share links without tracking parameters.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { type HTMLElement, parse } from "node-html-parser";
import * as assert from "uvu/assert";
import { build } from "../../src/build/build.ts";
import { fixtureCampaign, ROOT, tempDir } from "../helpers/fixtures.ts";
import { exampleSite, htmlPages } from "../helpers/site.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("page claims");

let out = "";
let examples = "";
test.before(async () => {
  const { campaignsDir, cleanup } = await fixtureCampaign({
    yaml: (text) =>
      text
        .replace("[en, fr]", "[en, ar]")
        .replace(
          '  - number: "078 055 800"\n    country: BE\n',
          '  - number: "078 055 800"\n    country: BE\n  - number: "0800 12 345"\n    country: BE\n  - number: "0800 0222"\n    country: NL\n',
        )
        .concat('emergencyNumber: "101"\n'),
    files: {
      "content/page.ar.md":
        "---\ntitle: حملة صغيرة\ntagline: كل ضحية مهمة\ndescription: حملة صغيرة للاختبار.\n---\n\nالمساعدة متاحة.\n",
      "content/page.fr.md": null,
    },
  });
  out = path.join(await tempDir("page-claims-"), "_site");
  await build({ root: ROOT, campaignsDir, outDir: out });
  await cleanup();
  examples = await exampleSite();
});

test.after(() => fs.rm(path.dirname(out), { recursive: true, force: true }));

const page = async (dir: string, sitePath: string): Promise<HTMLElement> =>
  parse(await fs.readFile(path.join(dir, sitePath, sitePath.endsWith(".html") ? "" : "index.html"), "utf8"));
const text = (element: HTMLElement | null | undefined) =>
  (element?.text ?? "")
    .replace(/[\u2066-\u2069]/g, "")
    .replace(/\u00a0/g, " ")
    .trim();

test("every page of every site sets the CSP and no-referrer, with nothing inline", async () => {
  let checked = 0;
  for (const dir of [out, examples]) {
    for (const sitePath of await htmlPages(dir)) {
      const root = await page(dir, sitePath);
      const csp =
        root.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "";
      assert.match(csp, /^default-src 'self';/, `${sitePath}: ${csp}`);
      assert.not.match(csp, /unsafe-inline|unsafe-eval|\*|https?:/, `${sitePath}: ${csp}`);
      assert.is(
        root.querySelector('meta[name="referrer"]')?.getAttribute("content"),
        "no-referrer",
        sitePath,
      );
      // The CSP must come before anything it governs.
      const head = root
        .querySelector("head")
        ?.childNodes.filter((node) => node.nodeType === 1) as HTMLElement[];
      const cspAt = head.findIndex((node) => node.getAttribute("http-equiv") === "Content-Security-Policy");
      const firstResource = head.findIndex((node) =>
        ["link", "script", "style"].includes(node.tagName.toLowerCase()),
      );
      assert.ok(
        cspAt >= 0 && (firstResource < 0 || cspAt < firstResource),
        `${sitePath}: CSP after a resource`,
      );
      assert.equal(root.querySelectorAll("style, [style]").length, 0, `${sitePath}: inline style`);
      // A JSON-LD data block is not run by browsers, so CSP does not govern it; anything else inline is.
      assert.equal(
        root.querySelectorAll('script:not([src]):not([type="application/ld+json"])').length,
        0,
        `${sitePath}: inline script`,
      );
      for (const block of root.querySelectorAll('script[type="application/ld+json"]'))
        assert.not.match(block.text, /</, `${sitePath}: unescaped "<" in JSON-LD`);
      checked++;
    }
  }
  assert.ok(checked > 40, `only ${checked} pages`);
});

test("several hotlines, each with its region; the toll-free one is labelled free", async () => {
  const en = await page(out, "minimal/en/");
  const items = en.querySelectorAll(".hotline-item");
  assert.equal(
    items.map((item) => [
      text(item.querySelector(".hotline-label")),
      text(item.querySelector(".hotline-number")),
      item.querySelector(".hotline-number")?.getAttribute("href"),
      text(item.querySelector(".hotline-free")),
    ]),
    [
      ["Helpline · Belgium", "078 055 800", "tel:+3278055800", ""],
      ["Helpline · Belgium", "0800 12 345", "tel:+3280012345", "Free and confidential"],
      ["Helpline · Netherlands", "0800 0222", "tel:+318000222", "Free and confidential"],
    ],
  );
});

test("the emergency number is named under the hotline", async () => {
  assert.is(
    text((await page(out, "minimal/en/")).querySelector(".hotline-emergency")),
    "In immediate danger, call 101.",
  );
  const examplePage = await page(examples, "benelux-2021/en/");
  assert.is(text(examplePage.querySelector(".hotline-emergency")), "In immediate danger, call 112.");
});

test("on a right-to-left page the numbers stay left-to-right", async () => {
  const ar = await page(out, "minimal/ar/");
  assert.is(ar.querySelector("html")?.getAttribute("dir"), "rtl");
  for (const number of ar.querySelectorAll(".hotline-number")) assert.is(number.getAttribute("dir"), "ltr");
  // In running Arabic text, numbers are wrapped in left-to-right isolates so the bidi algorithm keeps their order.
  const emergency = ar.querySelector(".hotline-emergency")?.text ?? "";
  assert.match(emergency, "\u2066101\u2069");
  for (const international of ar.querySelectorAll(".hotline-international"))
    assert.match(international.text, /\u2066\+\d[\d\u00a0]+\u2069/);
});

test("share links go to the networks with the page address and no tracking parameters", async () => {
  for (const dir of [out, examples]) {
    for (const sitePath of (await htmlPages(dir)).filter((p) => p.endsWith("/share/"))) {
      const links = (await page(dir, sitePath)).querySelectorAll(".share-links a");
      assert.is(links.length, 6, sitePath);
      for (const link of links) {
        const href = link.getAttribute("href") ?? "";
        const url = new URL(href);
        assert.ok(
          ["wa.me", "www.facebook.com", "x.com", "www.linkedin.com", "t.me", ""].includes(url.hostname),
          `${sitePath}: ${href}`,
        );
        const keys = [...url.searchParams.keys()];
        assert.ok(keys.length > 0, `${sitePath}: ${href} shares nothing`);
        for (const key of keys)
          assert.ok(
            ["text", "u", "url", "subject", "body"].includes(key),
            `${sitePath}: ${href} has "${key}"`,
          );
        assert.not.match(href, /utm_|fbclid|gclid|[?&]ref=|[?&]via=|mc_eid/i, `${sitePath}: ${href}`);
        assert.match(
          decodeURIComponent(href),
          /https:\/\/[^ ]+\//,
          `${sitePath}: ${href} lacks the page address`,
        );
        assert.match(link.getAttribute("rel") ?? "", "noreferrer");
      }
    }
  }
});

test.run();
