import fs from "node:fs/promises";
import path from "node:path";
import { parse } from "node-html-parser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../../src/build/build.ts";
import { translator } from "../../src/i18n/strings.ts";
import { fixtureCampaign, ROOT, tempDir } from "../helpers/fixtures.ts";
import { REQUIRED_LANGUAGES } from "./strings.test.ts";

const test = suite("one campaign in all 35 languages");

test("every language gets its page, direction, own page chrome and share images", async () => {
  // The content of each language is written in its own script (taken from its UI strings), so
  // that the share images exercise every shipped font.
  const files: Record<string, string> = {};
  for (const tag of REQUIRED_LANGUAGES) {
    const t = translator(tag);
    files[`content/page.${tag}.md`] =
      `---\ntitle: ${JSON.stringify(t("exit.pageTitle"))}\ntagline: ${JSON.stringify(t("hotline.free"))}\ndescription: ${JSON.stringify(t("footer.privacy"))}\n---\n\n${t("exit.pageIntro")}\n`;
  }
  const { campaignsDir, cleanup } = await fixtureCampaign({
    yaml: (text) => text.replace("languages: [en, fr]", `languages: [${REQUIRED_LANGUAGES.join(", ")}]`),
    files,
  });
  const out = path.join(await tempDir("all-languages-"), "_site");
  await build({ root: ROOT, campaignsDir, outDir: out });

  const chrome = async (tag: string) => {
    const root = parse(await fs.readFile(path.join(out, "minimal", tag, "index.html"), "utf8"));
    return {
      root,
      text: [".skip-link", ".exit-button", "#hotline-heading", ".footer p"].map(
        (selector) => root.querySelector(selector)?.text,
      ),
    };
  };
  const english = await chrome("en");
  for (const tag of REQUIRED_LANGUAGES) {
    const page = await chrome(tag);
    const html = page.root.querySelector("html");
    assert.is(html?.getAttribute("lang"), tag);
    assert.is(html?.getAttribute("dir"), tag === "ar" || tag === "fa" ? "rtl" : "ltr", tag);
    if (tag !== "en") assert.not.equal(page.text, english.text, `${tag} page chrome is the English one`);
    for (const format of ["og", "square", "story"]) {
      await fs.access(path.join(out, "minimal", tag, "share", `minimal-${tag}-${format}.png`));
    }
  }
  await cleanup();
  await fs.rm(path.dirname(out), { recursive: true });
});

test.run();
