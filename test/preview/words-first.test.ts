/**
 * The preview writes a save's words first and its pictures after: the page shows the new words
 * and open pages are told to reload; then the language's share images and kit are drawn, copied
 * in, the pages that list them written again, and open pages told which files and pages changed.
 * Nothing of another campaign is written again, nor another language's pages but those that list
 * the campaign's zip of every language.
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import * as assert from "uvu/assert";
import { type RunningPreview, startPreview } from "../../src/preview/index.ts";
import { FIXTURES, tempDir } from "../helpers/fixtures.ts";
import { suite } from "../helpers/suite.ts";

const test = suite("the preview: words first, pictures after");
const state = {} as { preview: RunningPreview; root: string; output: string };

test.before(async () => {
  state.root = await tempDir("campaign-words-first-");
  for (const slug of ["minimal", "second"]) {
    const dir = path.join(state.root, "campaigns", slug);
    await fs.cp(path.join(FIXTURES, "campaigns/minimal"), dir, { recursive: true });
    const yaml = await fs.readFile(path.join(dir, "campaign.yaml"), "utf8");
    await fs.writeFile(path.join(dir, "campaign.yaml"), yaml.replace("/minimal/", `/${slug}/`));
  }
  state.output = path.join(state.root, ".cache/preview");
  state.preview = await startPreview({ contentRoot: state.root, port: 0 });
  await state.preview.idle();
});

test.after(async () => {
  await state.preview?.close();
  await fs.rm(state.root, { recursive: true, force: true });
});

/** Every file of the preview with a hash of its bytes. */
async function snapshot(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const file of await fs.readdir(state.output, { recursive: true })) {
    const full = path.join(state.output, file);
    if (!(await fs.stat(full)).isFile()) continue;
    files[file.split(path.sep).join("/")] = crypto
      .createHash("sha256")
      .update(await fs.readFile(full))
      .digest("hex");
  }
  return files;
}

/** The server-sent events of the live reload, as they come. */
async function listen(): Promise<{ events: Array<{ event: string; data: unknown }>; stop: () => void }> {
  const controller = new AbortController();
  const response = await fetch(`${state.preview.url}.preview/events`, { signal: controller.signal });
  const events: Array<{ event: string; data: unknown }> = [];
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event) events.push({ event, data: data ? JSON.parse(data) : undefined });
        }
      }
    } catch {
      // stopped
    }
  })();
  return { events, stop: () => controller.abort() };
}

test("a save of the French words: the French pages, then their pictures; nothing else", async () => {
  const before = await snapshot();
  const stream = await listen();
  const file = path.join(state.root, "campaigns/minimal/content/page.fr.md");
  const words = await fs.readFile(file, "utf8");
  await fs.writeFile(file, words.replace(/^title: .*$/m, "title: Campagne enregistrée"));

  const deadline = Date.now() + 30_000;
  let page = "";
  while (!page.includes("<h1>Campagne enregistrée</h1>") && Date.now() < deadline) {
    page = await (await fetch(`${state.preview.url}minimal/fr/`)).text();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.match(page, "<h1>Campagne enregistrée</h1>");
  await state.preview.idle();
  await new Promise((resolve) => setTimeout(resolve, 100));
  stream.stop();

  // Told to reload for the words, then which pictures and pages followed.
  assert.is(stream.events[0]?.event, "reload");
  const pictures = stream.events.find((event) => event.event === "pictures")?.data as {
    files: string[];
    pages: string[];
  };
  assert.ok(pictures, JSON.stringify(stream.events));
  assert.ok(pictures.files.includes("/minimal/fr/share/minimal-fr-og.png"), pictures.files.join(" "));
  assert.ok(pictures.files.includes("/minimal/fr/poster-a4.pdf"));
  assert.ok(pictures.pages.includes("/minimal/fr/share/"), pictures.pages.join(" "));

  const after = await snapshot();
  const changed = Object.keys(after).filter((name) => after[name] !== before[name]);
  assert.ok(changed.includes("minimal/fr/index.html"));
  assert.ok(changed.includes("minimal/fr/share/minimal-fr-og.png"));
  assert.ok(changed.includes("minimal/fr/share/index.html"));
  // Besides the French folder: the campaign's zip of every language and the share pages that
  // list its size, the campaign's "page not found" (it names every language's title) and the
  // site's (the newest campaign's own).
  const elsewhere = changed.filter(
    (name) =>
      !name.startsWith("minimal/fr/") &&
      !["minimal/kit.zip", "minimal/404.html", "404.html", "minimal/en/share/index.html"].includes(name),
  );
  assert.equal(elsewhere, [], "files of another language or campaign were written again");
  assert.not.ok(changed.includes("minimal/en/index.html"));
  // The share page lists the kit as drawn: the poster's size as the file is.
  const share = await fs.readFile(path.join(state.output, "minimal/fr/share/index.html"), "utf8");
  const bytes = (await fs.stat(path.join(state.output, "minimal/fr/poster-a4.pdf"))).size;
  const shown = new Intl.NumberFormat("fr", {
    style: "unit",
    unit: "kilobyte",
    maximumFractionDigits: 1,
  }).format(Math.max(1, Math.round(bytes / 1e3)));
  assert.match(share, shown);
  // The fonts followed too: the page written first preloads its fonts again, and they are there.
  const written = await fs.readFile(path.join(state.output, "minimal/fr/index.html"), "utf8");
  const preloads = [...written.matchAll(/<link rel="preload" href="([^"]+\.woff2)"/g)].map(
    (match) => match[1],
  );
  assert.ok(preloads.length > 0, "the French page preloads no font");
  for (const href of preloads) await fs.access(path.join(state.output, "minimal/fr", href));
  assert.match(
    await fs.readFile(path.join(state.output, "minimal/assets/site.css"), "utf8"),
    /^\/\* Web fonts: /,
  );
});

test("a save of the default language's words keeps the campaign's fonts while they are cut again", async () => {
  const stylesheet = path.join(state.output, "minimal/assets/site.css");
  const file = path.join(state.root, "campaigns/minimal/content/page.en.md");
  const words = await fs.readFile(file, "utf8");
  const stream = await listen();
  // Ω: a character no page showed, so the fonts are cut again after the words are written.
  await fs.writeFile(file, words.replace(/^title: .*$/m, "title: Minimal campaign Ω"));
  const deadline = Date.now() + 30_000;
  while (!stream.events.some((event) => event.event === "reload") && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 5));
  // When open pages are told to reload, the page shows the words and its stylesheet (written
  // again: it is the campaign's own and this is its default language) still declares the fonts.
  const css = await fs.readFile(stylesheet, "utf8");
  assert.match(await (await fetch(`${state.preview.url}minimal/en/`)).text(), "<h1>Minimal campaign Ω</h1>");
  assert.match(css, /^\/\* Web fonts: /);
  await state.preview.idle();
  await new Promise((resolve) => setTimeout(resolve, 100));
  stream.stop();
  // Then the fonts are cut again with Ω, and the campaign's open pages told to reload.
  const after = await fs.readFile(stylesheet, "utf8");
  const ranges = [...after.matchAll(/unicode-range: ([^;]+);/g)].map((match) => match[1]).join(", ");
  assert.match(ranges, /U\+3A9\b/, "the new fonts do not cover Ω");
  const pictures = stream.events.find((event) => event.event === "pictures")?.data as { pages: string[] };
  assert.ok(pictures?.pages.includes("/minimal/fr/"), JSON.stringify(stream.events));
  await fs.writeFile(file, words);
  await state.preview.idle();
});

test.run();
