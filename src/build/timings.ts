/**
 * Time spent per phase of a build (validate, logos, share images, pages, checks, swap…), for
 * `build --timings`. Phases measured more than once (or in parallel) add up their wall time.
 */
export class Timings {
  readonly #phases = new Map<string, number>();

  /** Runs `work` and adds its wall time to `phase`. */
  async measure<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.add(phase, performance.now() - started);
    }
  }

  add(phase: string, milliseconds: number): void {
    this.#phases.set(phase, (this.#phases.get(phase) ?? 0) + milliseconds);
  }

  /** Phases in the order they first ran, with milliseconds. */
  entries(): Array<[phase: string, milliseconds: number]> {
    return [...this.#phases];
  }
}

/** One line per phase, aligned, with its share of the total. */
export function formatTimings(entries: Array<[string, number]>): string {
  const total = entries.reduce((sum, [, ms]) => sum + ms, 0);
  const width = Math.max(...entries.map(([phase]) => phase.length), "total".length);
  const line = (phase: string, ms: number) =>
    `  ${phase.padEnd(width)}  ${(ms / 1000).toFixed(3).padStart(7)} s  ${total > 0 ? ((100 * ms) / total).toFixed(0).padStart(3) : "  0"} %`;
  return ["Timings:", ...entries.map(([phase, ms]) => line(phase, ms)), line("total", total)].join("\n");
}
