/**
 * The kit in the built examples: every language has its posters, calendar, frame and zips, read
 * back by independent readers (jsqr, pdf-lib, yauzl), and the share page links them.
 */
import fs from "node:fs/promises";
import path from "node:path";
import jsqr from "jsqr";
import { parse } from "node-html-parser";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import yauzl from "yauzl";
import { makeKitZips, type ZipPage } from "../../src/kit/zip.ts";
import { tempDir } from "../helpers/fixtures.ts";
import { exampleSite } from "../helpers/site.ts";

const jsQR = ((jsqr as unknown as { default?: typeof jsqr.default }).default ??
  jsqr) as unknown as typeof jsqr.default;

const EXAMPLES = {
  "benelux-2021": { url: "https://www.example.org/benelux-2021/", languages: ["fr", "nl", "en"] },
  "blue-heart-2023-be": {
    url: "https://www.example.be/blue-heart-2023/",
    languages: ["fr", "nl", "de", "en", "ar", "lb"],
  },
};

/**
 * Entry names of a zip, in their order, read by yauzl; checks every entry has the fixed time and
 * no data descriptor (general-purpose bit 3), which streaming readers refuse after a stored entry.
 */
function zipNames(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const names: string[] = [];
      zip.on("entry", (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        if (entry.generalPurposeBitFlag & 0x8)
          reject(new Error(`${file}: ${entry.fileName} is followed by a data descriptor`));
        const time = entry.getLastModDate();
        if (
          time.getFullYear() !== 2000 ||
          time.getMonth() !== 0 ||
          time.getDate() !== 1 ||
          time.getHours() !== 0
        )
          reject(new Error(`${file}: ${entry.fileName} is dated ${time.toISOString()}, not the fixed time`));
        zip.readEntry();
      });
      zip.on("end", () => resolve(names));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

const test = suite("launch-day kit in the built site");

test("every language of both examples has posters, calendar, frame and kit", async () => {
  const site = await exampleSite();
  for (const [slug, { languages }] of Object.entries(EXAMPLES)) {
    await fs.stat(path.join(site, slug, "kit.zip"));
    for (const lang of languages) {
      for (const file of [
        "poster-a4.pdf",
        "poster-a3.pdf",
        "poster-a4-print.pdf",
        "poster-a3-print.pdf",
        "poster-a4.png",
        "calendar.ics",
        "frame/frame.png",
        "kit.zip",
      ])
        assert.ok((await fs.stat(path.join(site, slug, lang, file))).size > 0, `${slug}/${lang}/${file}`);
    }
  }
});

test("the posters' QR codes open their own page, in a left-to-right and a right-to-left language", async () => {
  const site = await exampleSite();
  for (const lang of ["fr", "ar"]) {
    const { data, info } = await sharp(path.join(site, "blue-heart-2023-be", lang, "poster-a4.png"))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const found = jsQR(
      new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
      info.width,
      info.height,
    );
    assert.is(found?.data, `${EXAMPLES["blue-heart-2023-be"].url}${lang}/`, lang);
  }
});

test("the PDFs are one page of exact ISO size, A4 under 5 MB", async () => {
  const site = await exampleSite();
  const file = (name: string) => path.join(site, "blue-heart-2023-be", "ar", name);
  const a4 = await fs.readFile(file("poster-a4.pdf"));
  assert.ok(a4.length < 5 * 1024 * 1024);
  for (const [name, size] of [
    ["poster-a4.pdf", [595.28, 841.89]],
    ["poster-a3.pdf", [841.89, 1190.55]],
  ] as const) {
    const pdf = await PDFDocument.load(await fs.readFile(file(name)));
    assert.is(pdf.getPageCount(), 1);
    const { width, height } = pdf.getPage(0).getSize();
    assert.equal([width, height], [...size], name);
  }
});

test("the frame is 1080 × 1080, transparent in the middle and opaque at the edge", async () => {
  const site = await exampleSite();
  const { data, info } = await sharp(path.join(site, "benelux-2021", "en", "frame", "frame.png"))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  assert.equal([info.width, info.height], [1080, 1080]);
  const alpha = (x: number, y: number) => data[(y * info.width + x) * 4 + 3];
  assert.is(alpha(540, 540), 0);
  assert.is(alpha(5, 540), 255);
});

test("the zips list the language's files in sorted order, with the texts and the read-me", async () => {
  const site = await exampleSite();
  const names = await zipNames(path.join(site, "blue-heart-2023-be", "ar", "kit.zip"));
  assert.equal(names, [...names].sort());
  for (const name of [
    "README.txt",
    "calendar.ics",
    "frame/frame.png",
    "poster-a3-print.pdf",
    "poster-a3.pdf",
    "poster-a4-print.pdf",
    "poster-a4.pdf",
    "poster-a4.png",
    "share/blue-heart-2023-be-ar-og.png",
    "texts.txt",
  ])
    assert.ok(names.includes(name), name);
  assert.is(names.filter((name) => name.startsWith("logos/")).length, 5);
  const all = await zipNames(path.join(site, "blue-heart-2023-be", "kit.zip"));
  for (const lang of EXAMPLES["blue-heart-2023-be"].languages)
    assert.ok(all.includes(`${lang}/poster-a4.pdf`), lang);
});

test("the read-me says which posters go to a print shop, in the language", async () => {
  const site = await exampleSite();
  const readme = await new Promise<string>((resolve, reject) => {
    yauzl.open(
      path.join(site, "blue-heart-2023-be", "fr", "kit.zip"),
      { lazyEntries: true },
      (error, zip) => {
        if (error || !zip) return reject(error);
        zip.on("entry", (entry: yauzl.Entry) => {
          if (entry.fileName !== "README.txt") return zip.readEntry();
          zip.openReadStream(entry, (failed, stream) => {
            if (failed || !stream) return reject(failed);
            const chunks: Buffer[] = [];
            stream.on("data", (chunk: Buffer) => chunks.push(chunk));
            stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
          });
        });
        zip.on("end", () => reject(new Error("no README.txt")));
        zip.readEntry();
      },
    );
  });
  // In French typography: a narrow no-break space before each colon, the file list's too.
  assert.match(
    readme,
    "poster-a4-print.pdf, poster-a3-print.pdf\u202f: pour un imprimeur\u202f: fond perdu de 3 mm et traits de coupe",
  );
});

test("the share page links the kit with sizes, the campaign page links the calendar", async () => {
  const site = await exampleSite();
  const share = parse(
    await fs.readFile(path.join(site, "blue-heart-2023-be", "de", "share", "index.html"), "utf8"),
  );
  const links = share.querySelectorAll(".kit-files a").map((a) => a.getAttribute("href"));
  assert.ok(links.includes("../poster-a4.pdf") && links.includes("../../kit.zip"), links.join(" "));
  // The print shop's copies: named as their poster, then what they are for.
  const printLink = share.querySelector('.kit-files a[href="../poster-a3-print.pdf"]');
  assert.is(
    printLink?.text,
    "Plakat zum Drucken, A3 (PDF) – für die Druckerei: 3 mm Beschnitt und Schnittmarken",
  );
  assert.match(share.querySelector(".kit-files")?.text ?? "", /\d+(?:,\d)?\s(?:kB|MB)/);
  const page = parse(await fs.readFile(path.join(site, "blue-heart-2023-be", "de", "index.html"), "utf8"));
  assert.is(page.querySelector(".kit-calendar a")?.getAttribute("href"), "calendar.ics");
  assert.is(page.querySelector(".kit-calendar a")?.text, "Zum Kalender hinzufügen");
});

test("the calendar gives the line's hours where the campaign sets them, in the page's language", async () => {
  const site = await exampleSite();
  const read = (slug: string, lang: string) =>
    fs
      .readFile(path.join(site, slug, lang, "calendar.ics"), "utf8")
      .then((text) => text.replace(/\r?\n[ \t]/g, ""));
  // blue-heart-2023-be's line is open "Mo-Fr 09:00-17:00": the French file writes the days in French.
  const fr = await read("blue-heart-2023-be", "fr");
  assert.match(fr, /078 055 800 \(lun\.?.+09:00.+17:00\)/);
  // benelux-2021 sets no hours: nothing is added after the number.
  assert.match(await read("benelux-2021", "fr"), /078 055 800\\n/);
});

test("two zips of the same files are byte-identical", async () => {
  const dir = await tempDir("kit-zip-");
  const source = path.join(dir, "a.png");
  await fs.writeFile(
    source,
    await sharp({ create: { width: 4, height: 4, channels: 3, background: "#123456" } })
      .png()
      .toBuffer(),
  );
  const page: ZipPage = {
    campaign: { slug: "x", path: "/x/", logos: [] },
    lang: { tag: "en", path: "/x/en/", url: "https://example.org/x/en/" },
    content: { title: "T", tagline: "G", description: "D" },
    shareImages: [{ path: "/x/en/share/x-en-og.png", alt: "A" }],
    share: { text: "D https://example.org/x/en/" },
    hotlines: [{ number: "078 055 800", region: "Belgium" }],
    kit: [],
    t: (key) => key,
  };
  const files: Array<[string, string]> = [[source, "/x/en/share/x-en-og.png"]];
  const first = await makeKitZips([page], files, path.join(dir, "one"));
  const second = await makeKitZips([page], files, path.join(dir, "two"));
  assert.is(first.made, 2);
  for (const [index, [file]] of first.files.entries())
    assert.ok((await fs.readFile(file)).equals(await fs.readFile(second.files[index][0])));
  await fs.rm(dir, { recursive: true, force: true });
});

test.run();
