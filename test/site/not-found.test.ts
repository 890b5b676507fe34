import fs from "node:fs/promises";
import path from "node:path";
import { parse } from "node-html-parser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { exampleSite } from "../helpers/site.ts";

const test = suite("404 pages");

const CAMPAIGNS: Record<string, { languages: string[]; url: string; tel: string }> = {
  "blue-heart-2023-be": {
    languages: ["fr", "nl", "de", "en", "ar", "lb"],
    url: "https://www.example.be/blue-heart-2023/",
    tel: "tel:+3278055800",
  },
  "benelux-2021": {
    languages: ["fr", "nl", "en"],
    url: "https://www.example.org/benelux-2021/",
    tel: "tel:+3278055800",
  },
};

async function page(file: string) {
  return parse(await fs.readFile(path.join(await exampleSite(), file), "utf8"));
}

test("every campaign folder has a 404.html in each of its languages, with the hotline", async () => {
  for (const [slug, expected] of Object.entries(CAMPAIGNS)) {
    const html = await page(`${slug}/404.html`);
    assert.is(html.querySelector("html")?.getAttribute("lang"), expected.languages[0]);
    const sections = html.querySelectorAll("main section[lang]");
    assert.equal(
      sections.map((section) => section.getAttribute("lang")),
      expected.languages,
    );
    for (const section of sections) {
      const lang = section.getAttribute("lang");
      const strings = JSON.parse(
        await fs.readFile(path.join("src/i18n/strings", `${lang}.json`), "utf8"),
      ) as { strings: { notFound: { title: string } } };
      assert.is(section.querySelector("h1, h2")?.text, strings.strings.notFound.title, `${slug} ${lang}`);
      assert.ok(section.querySelector(`a[href="${expected.tel}"]`), `${slug} ${lang}: no hotline`);
      assert.ok(section.querySelector(`a[href="${expected.url}${lang}/"]`), `${slug} ${lang}: no link home`);
    }
    assert.is(html.querySelectorAll("h1").length, 1);
  }
});

test("the site's 404.html is the newest campaign's, and no 404 page links relatively", async () => {
  const root = await page("404.html");
  assert.equal(
    root.querySelectorAll("main section[lang]").map((s) => s.getAttribute("lang")),
    CAMPAIGNS["blue-heart-2023-be"].languages,
  );
  for (const file of ["404.html", ...Object.keys(CAMPAIGNS).map((slug) => `${slug}/404.html`)]) {
    const html = await page(file);
    for (const link of html.querySelectorAll("a[href], link[href], script[src], img[src]")) {
      const target = link.getAttribute("href") ?? link.getAttribute("src") ?? "";
      assert.ok(
        /^(https?:|tel:|#)/.test(target),
        `${file} links to ${target}, which depends on the address it is served at`,
      );
    }
  }
});

test.run();
