import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { parse } from "node-html-parser";
import sharp from "sharp";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { build } from "../../src/build/build.ts";
import { codePoints } from "../../src/render/code-points.ts";
import { EMOJI_FONT_FILE, uncoveredCharacters } from "../../src/render/fonts.ts";
import { type CardInput, renderCard } from "../../src/social/card.ts";
import { loadDesign } from "../../src/social/design.ts";
import { glyphProblems, planShareImages } from "../../src/social/index.ts";
import { fixtureCampaign, ROOT, TEMPLATES } from "../helpers/fixtures.ts";

const design = await loadDesign(path.join(TEMPLATES, "default"));

function card(title: string): CardInput {
  return {
    format: design.formats.og,
    emblem: design.emblem,
    lang: "en",
    dir: "ltr",
    // White card, near-black text: nothing on it is blue but the emoji.
    background: "#ffffff",
    foreground: "#111827",
    title,
    tagline: "Every victim counts",
    date: "30 July 2023",
    address: "www.example.be/2023",
    hotlineLabel: "Helpline",
    hotlineNumber: "078 055 800",
    logos: [],
  };
}

/** Pixels that are clearly blue: the emoji's colour, not the text's or the card's. */
async function bluePixels(png: Buffer): Promise<number> {
  const { data } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let blue = 0;
  for (let i = 0; i < data.length; i += 3) {
    const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
    if (b > 150 && b - r > 80 && b - g > 30) blue++;
  }
  return blue;
}

const test = suite("emoji on share images");

test("the colour emoji font is unpacked to TrueType and maps 💙", () => {
  const font = fs.readFileSync(EMOJI_FONT_FILE);
  assert.is(font.readUInt32BE(0), 0x00010000);
  assert.ok(codePoints(font).has(0x1f499));
});

test("💙 is drawn blue, in colour", async () => {
  const plain = await renderCard(card("Blue Heart Day"));
  const heart = await renderCard(card("Blue Heart Day 💙"));
  assert.is(await bluePixels(plain), 0);
  // The heart is drawn about 60 px wide in the title: thousands of blue pixels.
  const blue = await bluePixels(heart);
  assert.ok(blue > 1500, `only ${blue} blue pixels where the heart should be`);
});

test("emoji sequences (flags, skin tones, ZWJ) need no other font", () => {
  assert.equal(uncoveredCharacters("💙 ❤️ 🇧🇪 👩🏽‍⚕️ 🫶"), []);
});

test("an emoji no shipped font draws is refused with file, field and code point", () => {
  const jobs = planShareImages({
    slug: "x",
    languagePath: "en",
    lang: "en",
    dir: "ltr",
    theme: { primary: "#1d4ed8", background: "#ffffff" },
    title: "Day \u{1FAFF}",
    tagline: "Fine 💙",
    dateText: "30 July 2023",
    url: "https://www.example.be/2023/",
    hotlineLabel: "Helpline",
    hotlineNumber: "078 055 800",
    logos: [],
    contentFile: "campaigns/x/content/page.en.md",
    design,
  });
  const problems = glyphProblems(jobs[0]);
  assert.is(problems.length, 1);
  assert.is(problems[0].file, "campaigns/x/content/page.en.md");
  assert.is(problems[0].key, "title");
  assert.match(problems[0].message, "(U+1FAFF)");
});

test.run();

const built = suite("a campaign with emoji");

built("a title with 💙 builds: the page shows it as text, the share images draw it blue", async () => {
  const { campaignsDir, cleanup } = await fixtureCampaign({
    // A brown card, so any blue on the image is the heart's.
    yaml: (text) => text.replace('primary: "#1d4ed8"', 'primary: "#7c2d12"'),
    files: {
      "content/page.en.md":
        "---\ntitle: Blue Heart Day 💙\ntagline: Every victim counts 🫶\ndescription: Help for victims 💙\n---\n\nCall the helpline.\n",
    },
  });
  try {
    const outDir = path.join(path.dirname(campaignsDir), "_site");
    await build({ root: ROOT, campaignsDir, outDir });
    const page = parse(await fsp.readFile(path.join(outDir, "minimal/en/index.html"), "utf8"));
    assert.is(page.querySelector("h1")?.text.trim(), "Blue Heart Day 💙");
    assert.is(page.querySelector('meta[name="description"]')?.getAttribute("content"), "Help for victims 💙");
    const image = page.querySelector('meta[property="og:image"]')?.getAttribute("content") ?? "";
    const file = path.join(outDir, new URL(image).pathname.replace(/^\/minimal\//, "minimal/"));
    assert.ok((await bluePixels(await fsp.readFile(file))) > 1500, "no blue heart on the share image");
  } finally {
    await cleanup();
  }
});

built.run();
