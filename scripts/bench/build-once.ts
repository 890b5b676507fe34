/** One build in a fresh process, for the benchmark: prints wall time, peak memory and counts. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "../../src/build/build.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const [campaignsDir, outDir, flag] = process.argv.slice(2);
const started = performance.now();
const report = await build({ root, campaignsDir, outDir, kit: flag !== "--no-kit" });
console.log(
  JSON.stringify({
    seconds: (performance.now() - started) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    pages: report.pages,
    rendered: report.shareImages.rendered,
    reused: report.shareImages.reused,
    timings: report.timings,
    kitRendered: report.kit.rendered,
  }),
);
