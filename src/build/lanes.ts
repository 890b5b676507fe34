/**
 * Batches of campaigns spread over the machine's cores. A build of one batch renders it in this
 * process; a larger one in child processes, one per core (bounded by os.availableParallelism()
 * and by memory), each taking the next batch as it finishes one, while this process only hands
 * them out. Processes rather than threads: libvips draws text (the share images' words) under one
 * lock per process. A child renders a few batches and is replaced by a fresh one, and none keeps
 * more than two of glibc's memory arenas: what a long run of drawing leaves scattered in memory
 * goes with the process, so memory stays that of a batch whatever the archive's size. A failure
 * stops every lane from taking more and fails the whole after the batches already started have
 * settled.
 */
import { type ChildProcess, fork } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Campaign, CampaignError } from "../campaign/index.ts";
import { type BatchInput, type BatchResult, type LaneAnswer, renderBatch } from "./batch.ts";

/** Languages per batch: a campaign is never split, and a batch is closed once it has this many. */
export const BATCH_LANGUAGES = 20;
/** Memory a lane may take at its peak, to bound the lanes on a machine with little of it. */
const LANE_BYTES = 512 * 1024 * 1024;
/** Batches a child process renders before a fresh one takes its place. */
export const BATCHES_PER_PROCESS = 8;

/** Campaigns in batches of about `size` languages, in their order. */
export function batches(campaigns: Campaign[], size = BATCH_LANGUAGES): Campaign[][] {
  const result: Campaign[][] = [];
  let current: Campaign[] = [];
  let languages = 0;
  for (const campaign of campaigns) {
    current.push(campaign);
    languages += campaign.languages.length;
    if (languages >= size) {
      result.push(current);
      current = [];
      languages = 0;
    }
  }
  if (current.length > 0) result.push(current);
  return result;
}

/** How many lanes: one per core, no more than there are batches or memory for. */
export function laneCount(batchCount: number, wanted?: number): number {
  const byMemory = Math.max(1, Math.floor(os.totalmem() / LANE_BYTES / 2));
  return Math.max(1, Math.min(wanted ?? os.availableParallelism(), byMemory, batchCount));
}

interface Lane {
  run(input: BatchInput): Promise<BatchResult>;
  /** Processor seconds of its process, when it is not this one. */
  cpuSeconds: number;
  close(): void;
}

const children = new Set<ChildProcess>();

/** Stops every lane's process at once (the build was interrupted). */
export function killLanes(): void {
  for (const child of children) child.kill("SIGKILL");
  children.clear();
}

function localLane(): Lane {
  return { run: renderBatch, cpuSeconds: 0, close: () => {} };
}

function processLane(): Lane {
  const here = fileURLToPath(import.meta.url);
  const entry = path.join(path.dirname(here), `batch-process${path.extname(here)}`);
  // Its own Node with the same flags (under tsx, its loader), talking over IPC.
  const child = fork(entry, [], {
    // glibc reads this once, as the process starts: a process drawing on several threads keeps
    // an arena of memory per thread otherwise, each holding what it freed.
    env: { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2" },
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.add(child);
  child.on("exit", () => children.delete(child));
  let waiting: { resolve: (result: BatchResult) => void; reject: (error: Error) => void } | undefined;
  const fail = (error: Error) => {
    waiting?.reject(error);
    waiting = undefined;
  };
  child.on("error", fail);
  child.on("exit", (code, signal) => fail(new LaneStopped(signal ?? `exit code ${code}`)));
  const lane: Lane = {
    cpuSeconds: 0,
    run: (input) =>
      new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        child.send(input);
      }),
    close: () => {
      if (child.connected) child.disconnect();
    },
  };
  child.on("message", (answer: LaneAnswer) => {
    lane.cpuSeconds = answer.cpuSeconds;
    const settle = waiting;
    waiting = undefined;
    if ("result" in answer) settle?.resolve(answer.result);
    else if ("problems" in answer) settle?.reject(new CampaignError(answer.problems));
    else {
      const error = new Error(answer.error.message);
      error.stack = answer.error.stack;
      settle?.reject(error);
    }
  });
  return lane;
}

/** A lane's process ended while it had a batch: killed by a signal, or exited. */
export class LaneStopped extends Error {
  constructor(readonly how: string) {
    super(`a build process stopped (${how})`);
    this.name = "LaneStopped";
  }
}

/**
 * Times a batch is drawn again in a fresh process when its process died under it. libvips'
 * text rendering can, rarely, take its process down from a native thread (SIGFPE in a font
 * lookup, libvips issue 3660): about once in a few cold builds of 50 campaigns here. A batch
 * writes only into the staging folder and the cache (renamed into place), so drawing it again
 * is safe; a batch that keeps failing fails the build.
 */
export const BATCH_RETRIES = 2;

export interface LaneReport {
  results: BatchResult[];
  lanes: number;
  /** Processor seconds used by the lanes' own processes (this process's are not counted). */
  childCpuSeconds: number;
}

/** Renders every batch, on `lanes` lanes; `done` hears of each as it finishes. */
export async function runBatches(
  inputs: BatchInput[],
  lanes: number,
  done?: (result: BatchResult) => void,
): Promise<LaneReport> {
  // One batch: here, with no process to start. More: in child processes, this one handing out.
  const inProcess = inputs.length <= 1;
  const count = inProcess ? 1 : Math.max(1, Math.min(lanes, inputs.length));
  const results: BatchResult[] = new Array(inputs.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  let childCpuSeconds = 0;
  await Promise.all(
    Array.from({ length: count }, async () => {
      let lane: Lane | undefined;
      let rendered = 0;
      try {
        while (next < inputs.length && !failure) {
          const index = next++;
          if (!lane || rendered === BATCHES_PER_PROCESS) {
            if (lane) childCpuSeconds += retire(lane);
            lane = inProcess ? localLane() : processLane();
            rendered = 0;
          }
          for (let attempt = 0; ; attempt++) {
            try {
              results[index] = await lane.run(inputs[index]);
              rendered++;
              done?.(results[index]);
              break;
            } catch (error) {
              if (!(error instanceof LaneStopped) || attempt === BATCH_RETRIES || failure) {
                failure ??= { error };
                break;
              }
              // Its process is gone: the same batch again, in a fresh one.
              const slugs = inputs[index].campaigns.map((campaign) => campaign.slug).join(", ");
              console.warn(
                `warning: ${error.message} while drawing ${slugs}; drawing them again in a fresh process`,
              );
              childCpuSeconds += retire(lane);
              lane = processLane();
              rendered = 0;
            }
          }
        }
      } finally {
        if (lane) childCpuSeconds += retire(lane);
      }
    }),
  );
  if (failure) throw failure.error;
  return { results, lanes: count, childCpuSeconds };
}

/** Closes a lane; the processor seconds its process used. */
function retire(lane: Lane): number {
  lane.close();
  return lane.cpuSeconds;
}
