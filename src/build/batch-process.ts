/**
 * A lane of the build in its own process (lanes.ts starts it): renders the batches it is sent,
 * one at a time, and answers each with its result or its error. Its own process, not a thread:
 * libvips draws text under one lock per process, so only processes draw share images side by side.
 */
import "../render/fonts.ts"; // first: points fontconfig at the shipped fonts before any drawing
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { CampaignError } from "../campaign/index.ts";
import { type BatchInput, type LaneAnswer, renderBatch } from "./batch.ts";

// Every picture of a batch is drawn once (the few that recur are kept by render/memo.ts): libvips'
// cache of recent operations would only hold memory.
sharp.cache(false);

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

function answer(message: LaneAnswer): void {
  process.send?.(message);
}

/**
 * For the tests of lanes.ts: with CAMPAIGN_TEST_LANE_CRASHES="<folder>:<n>", the first n batches
 * sent to lane processes kill their process as libvips once did (SIGFPE), each claiming a file in
 * <folder> first, so that exactly n die.
 */
function crashForTests(): void {
  const setting = process.env.CAMPAIGN_TEST_LANE_CRASHES;
  if (!setting) return;
  const at = setting.lastIndexOf(":");
  const folder = setting.slice(0, at);
  for (let n = 0; n < Number(setting.slice(at + 1)); n++) {
    try {
      fs.writeFileSync(path.join(folder, `crash-${n}`), String(process.pid), { flag: "wx" });
    } catch {
      continue; // another process claimed this one
    }
    process.kill(process.pid, "SIGFPE");
  }
}

process.on("message", async (input: BatchInput) => {
  crashForTests();
  try {
    answer({ result: await renderBatch(input), cpuSeconds: cpuSeconds() });
  } catch (error) {
    if (error instanceof CampaignError) answer({ problems: error.problems, cpuSeconds: cpuSeconds() });
    else {
      const { message, stack } = error instanceof Error ? error : new Error(String(error));
      answer({ error: { message, stack }, cpuSeconds: cpuSeconds() });
    }
  }
});
// The build ended (or was stopped): nothing more will come.
process.on("disconnect", () => process.exit(0));
