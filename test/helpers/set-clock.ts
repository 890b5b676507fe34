/**
 * Preloaded with `node --import` into a child process (runInZone in time-zones.ts): the clock
 * starts at the instant CLOCK_START (ISO 8601) and runs on from there. `Date.now()`, `new Date()`
 * and `Date()` read it; a date built from its parts or a number is left alone.
 */
const start = process.env.CLOCK_START;
if (start) {
  const RealDate = Date;
  const offset = RealDate.parse(start) - RealDate.now();
  if (Number.isNaN(offset)) throw new Error(`CLOCK_START=${start} is not an ISO 8601 instant`);
  const now = () => RealDate.now() + offset;
  globalThis.Date = new Proxy(RealDate, {
    construct: (target, args, newTarget) =>
      Reflect.construct(target, args.length > 0 ? args : [now()], newTarget),
    apply: () => new RealDate(now()).toString(),
    get: (target, key, receiver) => (key === "now" ? now : Reflect.get(target, key, receiver)),
  });
}
