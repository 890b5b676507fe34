/**
 * Finds Debian's Chromium (or CHROME_PATH) for playwright-core; nothing is downloaded. Without a
 * browser the browser suites are skipped with a loud warning, or fail when REQUIRE_BROWSER=1.
 */
import fs from "node:fs";
import { type Browser, chromium } from "playwright-core";

const CANDIDATES = [
  process.env.CHROME_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
];

export function findBrowser(): string | undefined {
  return CANDIDATES.find(
    (candidate): candidate is string => Boolean(candidate) && fs.existsSync(candidate as string),
  );
}

/** The browser, or undefined after printing why the browser tests do not run. */
export async function launchBrowser(): Promise<Browser | undefined> {
  const executablePath = findBrowser();
  if (!executablePath) {
    const message =
      "No Chromium found (set CHROME_PATH or apt-get install chromium): BROWSER TESTS DID NOT RUN.";
    if (process.env.REQUIRE_BROWSER === "1")
      throw new Error(`${message} REQUIRE_BROWSER=1 makes this a failure.`);
    console.warn(`\n${"!".repeat(80)}\n${message}\n${"!".repeat(80)}\n`);
    return undefined;
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
