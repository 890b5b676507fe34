/**
 * uvu's `suite`, with one fix: in uvu 0.5 a `before` hook that throws (no browser under
 * REQUIRE_BROWSER=1, a build that fails) is swallowed, and the suite shows only "N failed" with
 * no reason. Here the hook's error is printed at once, and every test of the suite fails with it.
 */
import { type Callback, type Test, suite as uvuSuite } from "uvu";

type Context = Record<string, unknown>;

export function suite<T = Context>(name: string, context?: T): Test<T> {
  const test = uvuSuite<T>(name, context);
  const before = test.before;
  let failure: Error | undefined;
  const guarded = ((hook: Callback<T>) =>
    before(async (state) => {
      try {
        await hook(state);
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
        console.error(
          `\n✘ ${name}: the before hook failed, so no test of this suite ran:\n${failure.stack ?? failure.message}\n`,
        );
      }
    })) as Test<T>["before"];
  guarded.each = before.each;
  test.before = guarded;
  before.each(() => {
    if (failure) throw new Error(`before hook failed: ${failure.message}`, { cause: failure });
  });
  return test;
}
