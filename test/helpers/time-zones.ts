/**
 * Time zones for the tests of everything that depends on the date or the time of day: the date
 * written on pages, share images and posters, calendar files, opening hours and "open now", the
 * date of next year's edition. A result that follows the zone of the machine running the build,
 * or of the visitor's browser, differs between these zones, whatever zone the tests run in.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { ROOT } from "./fixtures.ts";

/** UTC+14 and UTC−11, all year: 25 hours apart, so no instant has the same date in both. */
export const FAR_ZONES = ["Pacific/Kiritimati", "Pacific/Pago_Pago"] as const;

/** Zones that change their clocks, in opposite seasons (New Zealand's summer is in January). */
export const CLOCK_CHANGING_ZONES = ["Pacific/Auckland", "America/Los_Angeles"] as const;

const run = promisify(execFile);
const SET_CLOCK = path.join(ROOT, "test/helpers/set-clock.ts");

/**
 * Runs a TypeScript file with `args` in a new Node process (tsx's loader) whose time zone is
 * `zone` and whose clock starts at the instant `now`; resolves to what it printed.
 */
export async function runInZone(
  zone: string,
  now: string,
  script: string,
  args: string[] = [],
  cwd = ROOT,
): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "--import", SET_CLOCK, script, ...args],
    {
      cwd,
      env: { ...process.env, TZ: zone, CLOCK_START: now },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return stdout;
}

/** The zone and the clock a child process of runInZone reports, to check they were applied. */
export function environment(): { zone: string; now: string; localDate: string } {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    now: now.toISOString(),
    localDate: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
  };
}

/**
 * A page of a new browser context whose time zone is `zone` and whose clock stands still at the
 * instant `now`; close its context when done (`page.context().close()`).
 */
export async function pageInZone(
  browser: Browser,
  zone: string,
  now: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ ...options, timezoneId: zone });
  await context.clock.setFixedTime(new Date(now));
  return context.newPage();
}

/** What the page's scripts see: their time zone and the time. */
export function browserEnvironment(page: Page): Promise<{ zone: string; now: string }> {
  return page.evaluate(() => ({
    zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    now: new Date().toISOString(),
  }));
}
