/**
 * The one loop every artefact goes through (share images, posters, calendars, frames): each
 * task's key is computed from everything that changes its bytes, identical tasks are made once,
 * what the cache already has is reused, and the rest is made with a bounded number at once.
 * Every task is awaited before the loop returns; a failure the caller does not turn into a
 * problem fails the whole loop after the tasks already started have settled.
 */
import os from "node:os";
import type { Problem } from "../problems/problem.ts";
import type { ImageCache } from "./cache.ts";
import { mapBounded } from "./queue.ts";

export interface RenderLoop<T> {
  cache: ImageCache;
  tasks: readonly T[];
  /** The artefact's cache key (a hash of everything that changes its bytes) and extension. */
  key(task: T): Promise<{ key: string; extension: string }>;
  /** Makes the artefact's bytes. */
  make(task: T): Promise<Buffer>;
  /** The problem to report for an error instead of failing the build, or undefined to fail. */
  problem(task: T, error: unknown): Problem | undefined;
  /** Called when a task is settled: made, reused or failed. */
  settled?(task: T): void;
}

export interface RenderResult {
  /** The cache file of each task, in the order of the tasks. */
  files: string[];
  made: number;
  reused: number;
  /** Each problem once. */
  problems: Problem[];
}

/** At most four at once: libvips spreads each drawing over the cores itself. */
export const RENDER_CONCURRENCY = Math.max(1, Math.min(4, os.availableParallelism()));

export async function renderCached<T>(loop: RenderLoop<T>): Promise<RenderResult> {
  let made = 0;
  let reused = 0;
  const problems: Problem[] = [];
  const reported = new Set<string>();
  const inFlight = new Map<string, Promise<void>>();
  const files = await mapBounded(loop.tasks, RENDER_CONCURRENCY, async (task) => {
    const { key, extension } = await loop.key(task);
    let work = inFlight.get(key);
    if (work) {
      reused++;
    } else {
      work = (async () => {
        if (loop.cache.has(key, extension)) {
          reused++;
          return;
        }
        try {
          loop.cache.put(key, extension, await loop.make(task));
          made++;
        } catch (error) {
          const problem = loop.problem(task, error);
          if (!problem) throw error;
          const id = `${problem.file}:${problem.key}:${problem.message}`;
          if (!reported.has(id)) problems.push(problem);
          reported.add(id);
        }
      })();
      inFlight.set(key, work);
    }
    try {
      await work;
    } finally {
      loop.settled?.(task);
    }
    return loop.cache.path(key, extension);
  });
  return { files, made, reused, problems };
}
