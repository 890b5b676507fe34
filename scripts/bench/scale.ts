/**
 * A growing archive: cold builds of the synthetic load (scripts/synthetic.ts, 10 languages each)
 * at two sizes, each the compiled command in a fresh process in a fresh project folder (empty
 * .cache/), timed from outside with the peak resident memory of its whole process tree and its
 * processor time (processes.ts). The sizes take turns when there are several runs.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { writeSyntheticCampaigns } from "../synthetic.ts";
import { loadAverage, type Measured, measure } from "./processes.ts";

export interface ColdBuild extends Measured {
  campaigns: number;
  pages: number;
  /** The build's own account of its processor share (build --timings), in %. */
  reportedCpuPercent: number;
  loadBefore: number;
  loadAfter: number;
}

export async function coldBuilds(root: string, sizes: number[], runs: number): Promise<ColdBuild[]> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), "campaign-bench-scale-"));
  const results: ColdBuild[] = [];
  try {
    for (const size of sizes) await writeSyntheticCampaigns(path.join(work, `campaigns-${size}`), size, 10);
    for (let run = 0; run < runs; run++) {
      for (const size of sizes) {
        const project = path.join(work, "project");
        await fs.rm(project, { recursive: true, force: true });
        await fs.mkdir(project);
        const loadBefore = loadAverage();
        const measured = await measure(
          process.execPath,
          [
            path.join(root, "bin/campaign.js"),
            "build",
            "--timings",
            "--campaigns",
            path.join(work, `campaigns-${size}`),
            "--out",
            path.join(project, "_site"),
          ],
          project,
        );
        if (measured.code !== 0)
          throw new Error(`the build of ${size} campaigns failed:\n${measured.stderr}`);
        results.push({
          ...measured,
          campaigns: size,
          pages: Number(/Built (\d+) pages/.exec(measured.stdout)?.[1] ?? 0),
          reportedCpuPercent: Number(/\((\d+) % of one core/.exec(measured.stdout)?.[1] ?? 0),
          loadBefore,
          loadAfter: loadAverage(),
        });
        await fs.rm(project, { recursive: true, force: true });
      }
    }
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
  return results;
}
