/**
 * The example posters read by machines: every poster of the built examples (each language, A4
 * and A3, the screen copy and the print shop's) checked with poppler, qpdf and pdf.js against the
 * words of its language's page (test/helpers/poster-readers.ts): the text in reading order, the
 * tagged structure of PDF/UA-1, the languages, and the print copies' boxes and crop marks. A
 * poster broken on purpose fails the same checks.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parse } from "node-html-parser";
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  type PDFRef,
} from "pdf-lib";
import sharp from "sharp";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { tempDir } from "../helpers/fixtures.ts";
import {
  type PosterExpectation,
  pdftotext,
  posterProblems,
  readWithPdfjs,
  toolBytes,
} from "../helpers/poster-readers.ts";
import { exampleSite } from "../helpers/site.ts";

const PAPERS = {
  a4: { width: 595.28, height: 841.89 },
  a3: { width: 841.89, height: 1190.55 },
};

/** Every poster PDF of the built site: [file, its language's folder, paper, print copy]. */
async function posters(site: string) {
  const files = await fs.readdir(site, { recursive: true });
  return files
    .map((file) => ({ file, match: /^(.+)[/\\]poster-(a4|a3)(-print)?\.pdf$/.exec(file) }))
    .filter(({ match }) => match !== null)
    .map(({ file, match }) => ({
      file: path.join(site, file),
      folder: path.join(site, match?.[1] ?? ""),
      paper: match?.[2] as "a4" | "a3",
      print: Boolean(match?.[3]),
    }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** What the poster of a language must say, read from that language's page. */
async function expectation(folder: string, paper: "a4" | "a3", print: boolean): Promise<PosterExpectation> {
  const page = parse(await fs.readFile(path.join(folder, "index.html"), "utf8"));
  const text = (selector: string) => {
    const element = page.querySelector(selector);
    if (!element) throw new Error(`${folder}: no ${selector}`);
    return element.text.trim();
  };
  const html = page.querySelector("html");
  return {
    lang: html?.getAttribute("lang") ?? "",
    dir: html?.getAttribute("dir") === "rtl" ? "rtl" : "ltr",
    title: text("h1"),
    tagline: text(".tagline"),
    date: text(".hero-date time"),
    label: text(".hero-call-label"),
    number: text(".call-button"),
    url: page.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? "",
    partners: page.querySelectorAll(".partner-list img").map((img) => img.getAttribute("alt") ?? ""),
    ...PAPERS[paper],
    print,
  };
}

const test = suite("posters read by machines");

test("every example poster reads right in poppler, qpdf and pdf.js: words, structure, languages, boxes", async () => {
  const site = await exampleSite();
  const found = await posters(site);
  // Both examples (nine languages) and the template copies, four PDFs each.
  assert.ok(found.length >= 4 * 10 && found.length % 4 === 0, `${found.length} posters`);
  for (const poster of ["blue-heart-2023-be/fr/poster-a4.pdf", "blue-heart-2023-be/ar/poster-a3-print.pdf"])
    assert.ok(
      found.some(({ file }) => file.endsWith(path.normalize(poster))),
      poster,
    );
  for (const { file, folder, paper, print } of found) {
    const problems = await posterProblems(file, await expectation(folder, paper, print));
    assert.equal(problems, [], path.relative(site, file));
  }
});

test("French and Arabic: pdftotext gives the words in reading order, the number as digits", async () => {
  const site = await exampleSite();
  const read = async (lang: string) =>
    (await pdftotext(path.join(site, "blue-heart-2023-be", lang, "poster-a4.pdf")))
      // Directional marks poppler adds around right-to-left lines and numbers.
      .replace(/[\u202A-\u202E]/g, "");
  const fr = await read("fr");
  assert.match(fr, /^Journée mondiale\ncontre la traite des\nêtres humains 2023\n/);
  assert.match(fr, /\n078 055 800\nhttps:\/\/www\.example\.be\/blue-heart-2023\/fr\/\n/);
  const ar = (await read("ar")).split("\n");
  assert.equal(ar.slice(0, 2), ["اليوم العالمي لمناهضة", "الاتجار بالأشخاص 2023"]);
  // The tagline next, over however many lines it takes. poppler puts the Arabic comma in a
  // left-to-right run, its space before it ("مهمة ،لا"): compared without spaces.
  const tagline = "كل ضحية للاتجار بالأشخاص مهمة، لا تتركوا أحدًا خلف الركب";
  const unspaced = (text: string) => text.replace(/\s/g, "");
  assert.ok(
    unspaced(ar.slice(2).join("\n")).startsWith(unspaced(tagline)),
    `the tagline is not next, in reading order: ${ar.slice(2, 5).join(" / ")}`,
  );
  assert.ok(ar.includes("078 055 800") && ar.includes("https://www.example.be/blue-heart-2023/ar/"));
});

test("a partner's name in another script than the poster's names its language", async () => {
  const site = await exampleSite();
  const figures = async (lang: string) => {
    const { structure } = await readWithPdfjs(
      await fs.readFile(path.join(site, "blue-heart-2023-be", lang, "poster-a4.pdf")),
    );
    const document = (structure as { children: Array<{ children: Array<Record<string, string>> }> })
      .children[0];
    return document.children.filter((node) => node.role === "Figure").slice(1);
  };
  // On the Arabic poster: Payoke as the default language (French) shows it; FPS Justice and
  // Social Inspection are their English names (French, Dutch and German have names of their own).
  const ar = await figures("ar");
  assert.equal(
    ar.map(({ alt, lang }) => [alt, lang]),
    [
      ["Payoke", "fr"],
      ["Pag-asa", "fr"],
      ["Surya", "fr"],
      ["FPS Justice", "en"],
      ["Social Inspection", "en"],
    ],
  );
  // On the French poster every name is in French: no language of its own.
  const fr = await figures("fr");
  assert.equal(
    fr.map(({ alt, lang }) => [alt, lang]),
    ["Payoke", "Pag-asa", "Surya", "SPF Justice", "Inspection sociale"].map((name) => [name, undefined]),
  );
});

/** A copy of a poster, changed with pdf-lib, written beside the test's other files. */
async function broken(file: string, change: (pdf: PDFDocument) => void, dir: string, name: string) {
  const pdf = await PDFDocument.load(await fs.readFile(file), { updateMetadata: false });
  change(pdf);
  const out = path.join(dir, name);
  await fs.writeFile(out, await pdf.save({ useObjectStreams: false }));
  return out;
}

/** The structure element whose Alt is the QR code's. */
function qrFigure(pdf: PDFDocument): PDFDict {
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of("S")) === PDFName.of("Figure")) return object;
  }
  throw new Error("no figure");
}

test("the checks fail on posters broken on purpose", async () => {
  const site = await exampleSite();
  const dir = await tempDir("broken-posters-");
  const folder = path.join(site, "blue-heart-2023-be", "ar");
  const a4 = path.join(folder, "poster-a4.pdf");
  const expected = await expectation(folder, "a4", false);
  assert.equal(await posterProblems(a4, expected), [], "the poster as built");
  const cases: Array<[string, (pdf: PDFDocument) => void, RegExp, PosterExpectation?]> = [
    [
      "no structure tree",
      (pdf) => {
        pdf.catalog.delete(PDFName.of("StructTreeRoot"));
        pdf.catalog.delete(PDFName.of("MarkInfo"));
      },
      /Tagged is "no"[\s\S]*MarkInfo[\s\S]*no Document element/,
    ],
    [
      "the QR code's Alt missing",
      (pdf) => qrFigure(pdf).delete(PDFName.of("Alt")),
      /QR code is not a Figure/,
    ],
    [
      "the QR code tagged as a paragraph",
      (pdf) => qrFigure(pdf).set(PDFName.of("S"), PDFName.of("P")),
      /QR code/,
    ],
    ["no language", (pdf) => pdf.catalog.delete(PDFName.of("Lang")), /catalog: \/Lang is/],
    [
      "the text layer's map to Unicode missing",
      (pdf) => {
        for (const [, object] of pdf.context.enumerateIndirectObjects())
          if (object instanceof PDFDict && object.get(PDFName.of("Subtype")) === PDFName.of("Type0"))
            object.delete(PDFName.of("ToUnicode"));
      },
      /pdftotext: the title[\s\S]*pdffonts/,
    ],
    ["no tab order", (pdf) => pdf.getPage(0).node.delete(PDFName.of("Tabs")), /28-008/],
    [
      "a colour area neither artifact nor tagged",
      (pdf) => pdf.getPage(0).node.addContentStream(pdf.context.register(pdf.context.stream("0 0 9 9 re f"))),
      /01-005/,
    ],
    [
      "a width in /W that the font program does not have",
      (pdf) => {
        for (const [, object] of pdf.context.enumerateIndirectObjects())
          if (object instanceof PDFDict && object.get(PDFName.of("Subtype")) === PDFName.of("CIDFontType2"))
            object.set(PDFName.of("W"), pdf.context.obj([1, [9999]]));
      },
      /31-016/,
    ],
    [
      "a language of its own on every logo",
      (pdf) => void pdf,
      /logo "Payoke" has \/Lang/,
      { ...expected, lang: "fr" },
    ],
  ];
  for (const [index, [name, change, problem, expectation]] of cases.entries()) {
    const file = await broken(a4, change, dir, `case-${index}.pdf`);
    const problems = await posterProblems(file, expectation ?? expected);
    assert.match(problems.join("\n"), problem, name);
  }
  // A print copy without its bleed: the boxes say so.
  const print = path.join(folder, "poster-a4-print.pdf");
  const printExpected = await expectation(folder, "a4", true);
  assert.equal(await posterProblems(print, printExpected), [], "the print copy as built");
  const noBleed = await broken(
    print,
    (pdf) => {
      const page = pdf.getPage(0);
      page.node.delete(PDFName.of("BleedBox"));
    },
    dir,
    "no-bleed.pdf",
  );
  assert.match((await posterProblems(noBleed, printExpected)).join("\n"), /BleedBox/);
  // The screen copy passed off as the print copy: no trim, no marks.
  assert.match((await posterProblems(a4, printExpected)).join("\n"), /BleedBox[\s\S]*crop marks/);
  await fs.rm(dir, { recursive: true, force: true });
});

/** The page drawn by pdftoppm at `dpi`, as raw RGB; optionally a square of it. */
async function drawn(file: string, dpi: number, crop: string[] = []) {
  const png = await toolBytes("pdftoppm", ["-r", String(dpi), ...crop, "-png", "-singlefile", file]);
  return sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
}

test("the invisible text changes nothing drawn, and the print copy's page is the screen copy", async () => {
  const site = await exampleSite();
  const dir = await tempDir("poster-pixels-");
  for (const lang of ["fr", "ar"]) {
    const a4 = path.join(site, "blue-heart-2023-be", lang, "poster-a4.pdf");
    // The same PDF with every text object taken out of the page's content.
    const withoutText = await broken(
      a4,
      (pdf) => {
        const page = pdf.getPage(0);
        const contents = page.node.Contents();
        const refs = contents instanceof PDFArray ? contents.asArray() : [];
        for (const ref of refs) {
          const stream = pdf.context.lookup(ref as PDFRef);
          if (!(stream instanceof PDFRawStream)) continue;
          const operators = Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
          const stripped = operators.replace(/\bBT\b[\s\S]*?\bET\b/g, "");
          pdf.context.assign(ref as PDFRef, pdf.context.stream(Buffer.from(stripped, "latin1")));
        }
      },
      dir,
      `${lang}-without-text.pdf`,
    );
    const [withText, without] = await Promise.all([drawn(a4, 100), drawn(withoutText, 100)]);
    assert.ok(withText.data.equals(without.data), `${lang}: the text layer draws nothing`);
    // At 127 dpi the print copy's 10 mm around the page are 50 whole pixels: its page, cut out,
    // is the screen copy pixel for pixel.
    const screen = await drawn(a4, 127);
    const { width, height } = screen.info;
    const print = await drawn(path.join(site, "blue-heart-2023-be", lang, "poster-a4-print.pdf"), 127, [
      ..."-x 50 -y 50".split(" "),
      "-W",
      String(width),
      "-H",
      String(height),
    ]);
    assert.equal([print.info.width, print.info.height], [width, height]);
    // Only where an edge falls: the screen copy's last column and row are partly outside its
    // page, and on the larger sheet an edge on a pixel's border may fall a little differently. So
    // every value must lie, give or take 8, within the values one pixel around in the other drawing.
    const value = (data: Buffer, x: number, y: number, channel: number) =>
      data[(y * width + x) * 3 + channel];
    let unmatched = 0;
    for (let y = 1; y < height - 1; y++) {
      for (let x = 1; x < width - 1; x++) {
        for (let channel = 0; channel < 3; channel++) {
          const wanted = value(screen.data, x, y, channel);
          if (Math.abs(value(print.data, x, y, channel) - wanted) <= 8) continue;
          let [low, high] = [255, 0];
          for (let dy = -1; dy <= 1; dy++) {
            for (let dx = -1; dx <= 1; dx++) {
              const around = value(print.data, x + dx, y + dy, channel);
              [low, high] = [Math.min(low, around), Math.max(high, around)];
            }
          }
          if (wanted < low - 8 || wanted > high + 8) unmatched++;
        }
      }
    }
    assert.is(unmatched, 0, `${lang}: values of the screen copy not in the print copy's page`);
  }
  await fs.rm(dir, { recursive: true, force: true });
});

test.run();
