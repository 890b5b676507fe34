/**
 * `npm run bench`: share-image cost against a satori + resvg baseline, the launch-day kit's cost
 * against the share images, cold and warm builds of the example campaigns against Eleventy's own
 * start-up, and peak memory; then save → preview against a bare Eleventy dev server, and cold
 * builds of 50 and 200 synthetic campaigns. Medians of several runs; the machines are shared, so
 * single timings mean little. `-- --wall` times whole processes only; `-- --kit` the share images
 * and the kit; `-- --synthetic` the synthetic load of 50 campaigns only; `-- --edit` save →
 * preview only; `-- --scale` the cold builds of 50 and 200 campaigns only.
 */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import sharp from "sharp";
import "../src/render/fonts.ts";
import { renderCalendar } from "../src/kit/calendar.ts";
import { loadKitDesign } from "../src/kit/design.ts";
import { renderFrame } from "../src/kit/frame.ts";
import { PRINT_DPI, renderPoster } from "../src/kit/poster.ts";
import { layoutPoster } from "../src/kit/poster-layout.ts";
import { pdfImage, writePosterPdf } from "../src/kit/poster-pdf.ts";
import { makeKitZips } from "../src/kit/zip.ts";
import { renderCard } from "../src/social/card.ts";
import { FORMATS, loadDesign } from "../src/social/design.ts";
import { saveToPreview } from "./bench/edit.ts";
import { loadAverage } from "./bench/processes.ts";
import { satoriCard } from "./bench/satori-card.ts";
import { coldBuilds } from "./bench/scale.ts";
import { writeSyntheticCampaigns } from "./synthetic.ts";

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (seconds: number) => `${(seconds * 1000).toFixed(0)} ms`;

async function timeEach(count: number, task: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  await task(); // warm-up: loads fonts and code
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await task();
    times.push((performance.now() - started) / 1000);
  }
  return times;
}

async function child(script: string, ...args: string[]) {
  const { stdout } = await run(tsx, [path.join(root, "scripts/bench", script), ...args], { cwd: root });
  return JSON.parse(stdout.trim().split("\n").pop() as string);
}

console.log(
  `Benchmark: medians of ${RUNS} runs on ${os.availableParallelism()} cores, Node ${process.version}\n`,
);

// `--synthetic` runs only the synthetic load (section 3), which needs a cold build of 2602 pages.
if (process.argv.includes("--synthetic")) {
  await syntheticLoad();
  process.exit(0);
}
// `--edit` only save → preview (section 4); `--scale` only the growing archive (section 5).
if (process.argv.includes("--edit")) {
  await saveToPreviewSection();
  process.exit(0);
}
if (process.argv.includes("--scale")) {
  await scaleSection();
  process.exit(0);
}

// 0. What a person waits for, Enter to prompt: whole processes, measured side by side.
// `--share` skips them and stops after the share images (section 1).
const shareOnly = process.argv.includes("--share");
if (!shareOnly && !process.argv.includes("--kit")) await wholeProcesses();
if (process.argv.includes("--wall")) process.exit(0);

// libvips caches identical operations; every timed card differs and the cache is off, so each
// image is really drawn.
sharp.cache(false);
let serial = 0;

// 1. Share images: cost per image and per format, against satori + resvg.
const design = await loadDesign(path.join(root, "templates/default"));
const text = {
  title: "World Day against Trafficking in Persons",
  tagline: "Every victim of trafficking counts, leave no one behind",
  label: "Helpline",
  number: "078 055 800",
};
const card = (format: (typeof FORMATS)[number]) => ({
  ...cardText(),
  format: design.formats[format],
  emblem: design.emblem,
  lang: "en",
  dir: "ltr" as const,
  background: "#1d4ed8",
  foreground: "#ffffff",
  logos: [],
});
/** The card's words with a serial number, so no two timed renders are the same. */
function cardText() {
  serial++;
  return {
    title: `${text.title} ${serial}`,
    tagline: text.tagline,
    date: "30 July 2023",
    address: "www.example.be/2023",
    hotlineLabel: text.label,
    hotlineNumber: text.number,
  };
}
console.log("Share image render cost (one image, median):");
const perFormat: Record<string, number> = {};
for (const format of FORMATS) {
  perFormat[format] = median(await timeEach(RUNS * 2, () => renderCard(card(format))));
  console.log(`  ${format.padEnd(7)} ${ms(perFormat[format])}`);
}
const baseline = median(
  await timeEach(RUNS * 2, () => satoriCard(text, design.emblem.replaceAll("currentColor", "#ffffff"))),
);
console.log(
  `  og with satori + resvg (baseline): ${ms(baseline)}  → ours is ${(perFormat.og / baseline).toFixed(2)}× the baseline`,
);
// The story with the example campaign's five partner logos.
const partnerLogos = ["payoke", "pag-asa", "surya", "fps-justice", "social-inspection"].map((name) =>
  path.join(root, `assets/partners/${name}.svg`),
);
const storyWithLogos = median(
  await timeEach(RUNS * 2, () => renderCard({ ...card("story"), logos: partnerLogos })),
);
console.log(`  story with five partner logos: ${ms(storyWithLogos)}`);
// The same og card with the colour emoji 💙 in its title (drawn from Noto Color Emoji's COLR glyphs).
const withEmoji = median(
  await timeEach(RUNS * 2, () => {
    const input = card("og");
    return renderCard({ ...input, title: `${input.title} 💙` });
  }),
);
console.log(
  `  og with 💙 in the title: ${ms(withEmoji)} (without: ${ms(perFormat.og)}, ${(withEmoji / perFormat.og).toFixed(2)}×)\n`,
);
if (shareOnly) process.exit(0);

// 1b. The launch-day kit of one language: posters, calendar, frame and its zip, against the three
// share images of the same language.
const kitDesign = await loadKitDesign(path.join(root, "templates/default"));
const theme = { primary: "#1d4ed8", background: "#ffffff", text: "#111827" };
const logos = ["payoke", "pag-asa", "surya"].map((name) => path.join(root, `assets/partners/${name}.svg`));
const kitParts: Record<string, () => Promise<unknown>> = {
  // One layout gives the A4 and A3 PDFs, their print shop's copies and the A4 preview PNG.
  posters: () => renderPoster(poster()),
  frame: () => renderFrame({ design: kitDesign.frame, lang: "en", theme, tagline: cardText().tagline }),
  calendar: async () =>
    renderCalendar({
      date: "2023-07-30",
      lang: "en",
      title: cardText().title,
      tagline: text.tagline,
      hotlines: [text.number],
      url: "https://www.example.be/x/en/",
      uid: `x-${serial}@example.be`,
    }),
  zip: () => benchZip(),
};
function poster() {
  const words = cardText();
  return {
    design: kitDesign.poster,
    lang: "en",
    dir: "ltr" as const,
    theme,
    title: words.title,
    tagline: words.tagline,
    dateText: "30 July 2023",
    hotlineLabel: words.hotlineLabel,
    hotlines: [{ number: text.number, region: "Belgium" }],
    url: `https://www.example.be/blue-heart-2023/en/${serial}`,
    qrAlt: `QR code that opens https://www.example.be/blue-heart-2023/en/${serial}`,
    logos: logos.map((file) => ({ file, name: path.basename(file, ".svg") })),
  };
}
// The zips hold what a language's kit really holds: the files this benchmark's kit and share
// images draw (posters, preview, frame, calendar, three share images).
const zipWork = await fs.mkdtemp(path.join(os.tmpdir(), "campaign-bench-zip-"));
const zipSources = await (async () => {
  const drawn: Record<string, Buffer> = {
    ...(await renderPoster(poster()).then(({ a4, a3, a4Print, a3Print, preview }) => ({
      "poster-a4.pdf": a4,
      "poster-a3.pdf": a3,
      "poster-a4-print.pdf": a4Print,
      "poster-a3-print.pdf": a3Print,
      "poster-a4.png": preview,
    }))),
    "frame.png": await kitParts.frame().then((png) => png as Buffer),
    "calendar.ics": await kitParts.calendar().then((ics) => ics as Buffer),
  };
  for (const format of FORMATS) drawn[`${format}.png`] = await renderCard(card(format));
  return Promise.all(
    Object.entries(drawn).map(async ([name, data]) => {
      const file = path.join(zipWork, name);
      await fs.writeFile(file, data);
      return file;
    }),
  );
})();
async function benchZip() {
  serial++;
  const page = {
    campaign: { slug: "x", path: "/x/", logos: [] },
    lang: { tag: "en", path: "/x/en/", url: "https://www.example.be/x/en/" },
    content: { title: `${text.title} ${serial}`, tagline: text.tagline, description: text.tagline },
    shareImages: [],
    share: { text: text.tagline },
    hotlines: [{ number: text.number, region: "Belgium" }],
    kit: zipSources.map((file) => ({ name: path.basename(file), path: `/x/en/${path.basename(file)}` })),
    t: (key: string) => key,
  };
  const files = zipSources.map((file): [string, string] => [file, `/x/en/${path.basename(file)}`]);
  await makeKitZips([page], files, path.join(zipWork, `cache-${serial}`));
}
// The kit and the three share images of one language take turns, so the machine's noise falls on
// both alike; each part of the kit is also timed on its own.
console.log("Launch-day kit, one language (median):");
for (const [name, task] of Object.entries(kitParts)) {
  console.log(`  ${name.padEnd(15)} ${ms(median(await timeEach(RUNS * 2, task)))}`);
}
// Within the posters: the four PDFs of a laid-out poster (its invisible text, tags and print
// copies included), each poster laid out beforehand so only the writing is timed.
const laidOut = await Promise.all(
  Array.from({ length: RUNS * 2 + 1 }, async () => {
    const input = poster();
    const layout = await layoutPoster(input, "a3", PRINT_DPI, pdfImage);
    const images = await Promise.all(
      layout.items.map((item) => (item.kind === "image" ? item.encoded : undefined)),
    );
    return { input, layout, images };
  }),
);
const written = await timeEach(RUNS * 2, async () => {
  const { input, layout, images } = laidOut.pop() as (typeof laidOut)[number];
  for (const print of [false, true])
    for (const paper of ["a4", "a3"] as const) await writePosterPdf(input, layout, images, paper, print);
});
console.log(`    of which the four PDFs of a laid-out poster: ${ms(median(written))}`);
const share = { wall: [] as number[], cpu: [] as number[] };
const kit = { wall: [] as number[], cpu: [] as number[] };
/**
 * Seconds the tasks take one after another, as a language's share images or kit: wall time, and
 * processor time of every thread of the process (libvips and zlib work beside the main thread).
 */
async function inTurn(tasks: Array<() => Promise<unknown>>, into: { wall: number[]; cpu: number[] }) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const task of tasks) await task();
  const used = process.cpuUsage(cpu);
  into.wall.push((performance.now() - started) / 1000);
  into.cpu.push((used.user + used.system) / 1e6);
}
// Thirty turns at least: a turn lasts some 30 ms, and the machine's noise is of that order.
for (let i = 0; i < Math.max(30, RUNS * 6); i++) {
  // One language of one campaign: its share images carry the same partners' logos as its posters.
  await inTurn(
    FORMATS.map((format) => () => renderCard({ ...card(format), logos })),
    share,
  );
  await inTurn(Object.values(kitParts), kit);
}
const ratio = (of: number[], to: number[]) => (median(of) / median(to)).toFixed(2);
console.log(
  `  whole kit       ${ms(median(kit.wall))} against ${ms(median(share.wall))} for the three share images: ${ratio(kit.wall, share.wall)}× (target < 1×)`,
);
console.log(
  `  processor time  ${ms(median(kit.cpu))} against ${ms(median(share.cpu))}: ${ratio(kit.cpu, share.cpu)}×\n`,
);
await fs.rm(zipWork, { recursive: true, force: true });
await kitInBuilds();
if (process.argv.includes("--kit")) process.exit(0);

/**
 * The same comparison as a build makes it: the share-images and kit phases of cold builds (each a
 * fresh process, caches emptied) of 5 campaigns × 10 languages in every script the tool draws.
 */
async function kitInBuilds() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "campaign-bench-kit-"));
  await writeSyntheticCampaigns(path.join(dir, "campaigns"), 5, 10);
  const phases = { share: [] as number[], kit: [] as number[] };
  for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
    await clearCaches(path.join(dir, "_site"));
    const { timings } = (await child(
      "build-once.ts",
      path.join(dir, "campaigns"),
      path.join(dir, "_site"),
    )) as {
      timings: Array<[string, number]>;
    };
    const phase = (name: string) => (timings.find(([label]) => label === name)?.[1] ?? 0) / 1000;
    phases.share.push(phase("share images"));
    phases.kit.push(phase("kit"));
  }
  await clearCaches(path.join(dir, "_site"));
  await fs.rm(dir, { recursive: true, force: true });
  console.log(
    `  in cold builds of 5 campaigns × 10 languages: the kit phase ${ms(median(phases.kit))} against ${ms(median(phases.share))} for the share images: ${ratio(phases.kit, phases.share)}× (target < 1×)\n`,
  );
}

// 2. Builds of the example campaigns, each in a fresh process.
const work = await fs.mkdtemp(path.join(os.tmpdir(), "campaign-bench-"));
const out = path.join(work, "_site");
const campaignsDir = path.join(root, "campaigns");
const cold: Array<{
  seconds: number;
  maxRssMb: number;
  pages: number;
  rendered: number;
  timings: Array<[string, number]>;
}> = [];
const warm: Array<{ seconds: number; maxRssMb: number; reused: number; kitRendered: number }> = [];
/** A cold build: no output, no cached images, logos or build records. */
async function clearCaches(outDir: string) {
  await fs.rm(outDir, { recursive: true, force: true });
  for (const folder of ["social", "kit", "logos", "builds", "checked-images.txt"]) {
    await fs.rm(path.join(root, ".cache", folder), { recursive: true, force: true });
  }
}
for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
  await clearCaches(out);
  cold.push(await child("build-once.ts", campaignsDir, out));
}
for (let i = 0; i < RUNS; i++) warm.push(await child("build-once.ts", campaignsDir, out));
const withoutKit: number[] = [];
for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
  await clearCaches(out);
  withoutKit.push((await child("build-once.ts", campaignsDir, out, "--no-kit")).seconds);
}
await clearCaches(out);
const eleventy: number[] = [];
for (let i = 0; i < RUNS; i++) eleventy.push((await child("eleventy-baseline.ts")).seconds);

const images = cold[0].rendered;
console.log(
  `Example campaigns: ${cold[0].pages} pages, ${images} share images (${images / FORMATS.length} per format)`,
);
console.log(`  cold build (empty cache):   ${ms(median(cold.map((r) => r.seconds)))}, ${images} rendered`);
for (const [phase] of cold[0].timings) {
  const each = cold.map((r) => (r.timings.find(([name]) => name === phase)?.[1] ?? 0) / 1000);
  console.log(`    ${phase.padEnd(24)}${ms(median(each))}`);
}
console.log(`  cold build without the kit: ${ms(median(withoutKit))}`);
console.log(
  `  warm rebuild (no change):   ${ms(median(warm.map((r) => r.seconds)))}, ${warm[0].reused} reused, ${warm[0].kitRendered} kit files rendered`,
);
console.log(`  Eleventy one-page build:    ${ms(median(eleventy))}`);
console.log(
  `  warm rebuild / Eleventy:    ${(median(warm.map((r) => r.seconds)) / median(eleventy)).toFixed(2)}× (target ≤ 1.5×)`,
);
const peak = Math.max(...cold.map((r) => r.maxRssMb), ...warm.map((r) => r.maxRssMb));
console.log(`  peak memory (max RSS):      ${peak.toFixed(0)} MB (target < 512 MB)`);
await fs.rm(work, { recursive: true, force: true });

// 3. A synthetic load: 50 campaigns × 10 languages, against one campaign of the same shape.
if (process.env.BENCH_SYNTHETIC !== "0") await syntheticLoad();
// 4. Save → preview, against a bare Eleventy dev server.
await saveToPreviewSection();
// 5. A growing archive: cold builds of 50 and 200 campaigns.
if (process.env.BENCH_SYNTHETIC !== "0") await scaleSection();

/**
 * Save → preview: a real `campaign serve` and a real `npx @11ty/eleventy --serve` of a one-page
 * site, each save polled over HTTP until the page shows it, the two taking turns.
 */
async function saveToPreviewSection() {
  const saves = Math.max(7, RUNS);
  const before = loadAverage();
  const times = await saveToPreview(root, saves);
  const range = (values: number[]) =>
    `${ms(Math.min(...values))}–${ms(Math.max(...values)).replace(" ms", "")} ms`;
  console.log(
    `\nSave → preview (the French title of blue-heart-2023-be; ${saves} saves each, taking turns with a bare Eleventy --serve of one page):`,
  );
  console.log(`  campaign serve:             ${ms(median(times.preview))} (${range(times.preview)})`);
  console.log(`  bare Eleventy --serve:      ${ms(median(times.eleventy))} (${range(times.eleventy)})`);
  console.log(
    `  save → preview / Eleventy:  ${(median(times.preview) / median(times.eleventy)).toFixed(2)}× (target ≤ 1.5×); load average ${before.toFixed(1)} → ${loadAverage().toFixed(1)}`,
  );
}

/** Cold builds of 50 and 200 campaigns × 10 languages: time, peak memory of the process tree, CPU. */
async function scaleSection() {
  const runs = Number(process.env.BENCH_SCALE_RUNS ?? 1);
  const sizes = [50, 200];
  const builds = await coldBuilds(root, sizes, runs);
  const of = (size: number) => builds.filter((build) => build.campaigns === size);
  console.log(
    `\nA growing archive: cold builds of the synthetic load, 10 languages each (whole processes, ${runs} run(s) each, medians):`,
  );
  for (const size of sizes) {
    const list = of(size);
    const seconds = median(list.map((build) => build.seconds));
    const peak = Math.max(...list.map((build) => build.peakMb));
    const cpu = median(list.map((build) => build.cpuPercent));
    const reported = median(list.map((build) => build.reportedCpuPercent));
    const loads = list
      .map((build) => `${build.loadBefore.toFixed(1)}→${build.loadAfter.toFixed(1)}`)
      .join(", ");
    console.log(
      `  ${String(size).padStart(3)} campaigns: ${seconds.toFixed(1)} s, ${list[0].pages} pages; peak memory ${peak.toFixed(0)} MB (target < 1024 MB); processor ${cpu.toFixed(0)} % (target ≥ 180 % on 2 cores; build --timings says ${reported.toFixed(0)} %); load average ${loads}`,
    );
  }
  const ratio = median(of(200).map((build) => build.seconds)) / median(of(50).map((build) => build.seconds));
  console.log(`  200 / 50 campaigns:         ${ratio.toFixed(2)}× (target ≤ 4.4×)`);
}

async function syntheticLoad() {
  const synthetic = await fs.mkdtemp(path.join(os.tmpdir(), "campaign-synthetic-"));
  const one = path.join(synthetic, "one");
  const many = path.join(synthetic, "many");
  await writeSyntheticCampaigns(one, 1, 10);
  await writeSyntheticCampaigns(many, 50, 10);
  const syntheticOut = path.join(synthetic, "_site");
  const runs = Math.max(3, Math.ceil(RUNS / 2));
  await clearCaches(syntheticOut);
  const coldMany = await child("build-once.ts", many, syntheticOut);
  const warmMany: Array<{ seconds: number; maxRssMb: number; pages: number }> = [];
  for (let i = 0; i < runs; i++) warmMany.push(await child("build-once.ts", many, syntheticOut));
  await child("build-once.ts", one, syntheticOut);
  const warmOne: number[] = [];
  for (let i = 0; i < runs; i++) warmOne.push((await child("build-once.ts", one, syntheticOut)).seconds);
  const warmManyMedian = median(warmMany.map((r) => r.seconds));
  console.log(
    `\nSynthetic load: 50 campaigns × 10 languages, ${coldMany.pages} pages, ${coldMany.rendered} share images`,
  );
  console.log(`  cold build:                 ${ms(coldMany.seconds)} (one run)`);
  console.log(`  warm rebuild:               ${ms(warmManyMedian)}`);
  console.log(`  warm rebuild of 1 campaign: ${ms(median(warmOne))}`);
  console.log(
    `  50 / 1 warm rebuild:        ${(warmManyMedian / median(warmOne)).toFixed(2)}× (target < 3×)`,
  );
  const syntheticPeak = Math.max(coldMany.maxRssMb, ...warmMany.map((r) => r.maxRssMb));
  console.log(`  peak memory (max RSS):      ${syntheticPeak.toFixed(0)} MB (target < 1024 MB)`);
  await fs.rm(synthetic, { recursive: true, force: true });
}

/** Wall time of whole processes, each command and the bare Eleventy reference taking turns so
 * the machine's noise falls on all of them alike. Uses the compiled dist/ (npm run compile). */
async function wholeProcesses(): Promise<void> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), "campaign-wall-"));
  const out = path.join(work, "_site");
  const reference = path.join(work, "eleventy");
  await fs.mkdir(reference);
  await fs.writeFile(path.join(reference, "index.md"), "# One page\n\nA bare Eleventy build.\n");
  const eleventyCmd = path.join(root, "node_modules/@11ty/eleventy/cmd.cjs");
  const cli = path.join(root, "bin/campaign.js");
  const target = ["--campaigns", path.join(root, "campaigns"), "--out", out];
  await run(process.execPath, [cli, "build", ...target], { cwd: root }); // the build nothing changes after
  const commands: Array<[label: string, file: string, args: string[], cwd: string, ok?: boolean]> = [
    ["bare Eleventy, one Markdown page", process.execPath, [eleventyCmd, "--quiet"], reference],
    ["npm run build, nothing changed", "npm", ["run", "--silent", "build", "--", ...target], root],
    ["campaign build, nothing changed", process.execPath, [cli, "build", ...target], root],
    ["npm run check", "npm", ["run", "--silent", "check"], root],
    ["campaign --help", process.execPath, [cli, "--help"], root],
    ["campaign nonsense (unknown command)", process.execPath, [cli, "nonsense"], root, false],
  ];
  const times = commands.map((): number[] => []);
  for (let i = 0; i < Math.max(5, RUNS); i++) {
    for (const [index, [, file, args, cwd, ok]] of commands.entries()) {
      const started = performance.now();
      await run(file, args, { cwd }).catch((error) => {
        if (ok !== false) throw error;
      });
      times[index].push((performance.now() - started) / 1000);
    }
  }
  // Cold builds of the examples (no output, empty cache) as whole processes: the command, and one
  // build through the benchmark's entry point with and without the kit, the kit's share of a cold
  // build.
  const once = path.join(root, "scripts/bench/build-once.ts");
  const examples = path.join(root, "campaigns");
  const colds: Array<[label: string, args: string[]]> = [
    ["campaign build, cold (empty cache)", [cli, "build", ...target]],
    ["one build, cold, with the kit", ["--import", "tsx", once, examples, out]],
    ["one build, cold, without the kit", ["--import", "tsx", once, examples, out, "--no-kit"]],
  ];
  const coldTimes = colds.map((): number[] => []);
  for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
    for (const [index, [, args]] of colds.entries()) {
      await clearCaches(out);
      const started = performance.now();
      await run(process.execPath, args, { cwd: root });
      coldTimes[index].push((performance.now() - started) / 1000);
    }
  }
  const reference0 = median(times[0]);
  const targets = [undefined, 1.0, 1.0, 1.0, 0.3, 0.3];
  console.log("Whole processes, Enter to prompt (wall time, median):");
  for (const [index, [label]] of commands.entries()) {
    const value = median(times[index]);
    const ratio = index === 0 ? "reference" : `${(value / reference0).toFixed(2)}×`;
    const goal = targets[index] === undefined ? "" : ` (target ≤ ${targets[index]?.toFixed(1)}×)`;
    console.log(`  ${label.padEnd(38)} ${ms(value).padStart(7)}  ${ratio}${goal}`);
  }
  for (const [index, [label]] of colds.entries()) {
    console.log(`  ${label.padEnd(38)} ${ms(median(coldTimes[index])).padStart(7)}`);
  }
  const share = median(coldTimes[1]) - median(coldTimes[2]);
  console.log(`  the kit's share of a cold build       ${ms(share).padStart(7)}`);
  console.log("");
  await fs.rm(work, { recursive: true, force: true });
}
