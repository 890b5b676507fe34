/**
 * Lighthouse (pinned to 12.2.3, the last line that runs on Node 20) over pages of a served site,
 * in Debian's Chromium. Used by `npm run lighthouse` (every example page) and the browser suite.
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { browserEnvironment, findBrowser } from "./browser.ts";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

export interface PageScores {
  url: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Audits that lost points: "category: audit title". */
  failing: string[];
}

/** Runs Lighthouse over each URL in turn, in one Chromium; Lighthouse's default mobile settings (simulated slow 4G). */
export async function lighthouseScores(urls: string[]): Promise<PageScores[]> {
  const chromePath = findBrowser();
  if (!chromePath) throw new Error("No Chromium found (set CHROME_PATH or apt-get install chromium).");
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"],
    // The machine's default fonts, never the share images' (browser.ts).
    envVars: browserEnvironment("system"),
  });
  try {
    const results: PageScores[] = [];
    for (const url of urls) {
      // A loaded machine makes timings vary: a page below 100 is run twice more and its median
      // run counts (Lighthouse's advice on variability).
      let runs = [await run(chrome.port, url)];
      if (Object.values(runs[0].scores).some((score) => score < 100))
        runs.push(await run(chrome.port, url), await run(chrome.port, url));
      runs = runs.sort((a, b) => total(a) - total(b));
      results.push(runs[Math.floor(runs.length / 2)]);
    }
    return results;
  } finally {
    chrome.kill();
  }
}

const total = (result: PageScores) => Object.values(result.scores).reduce((sum, score) => sum + score, 0);

async function run(port: number, url: string): Promise<PageScores> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: [...CATEGORIES],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits } = result.lhr;
  const scores = Object.fromEntries(
    CATEGORIES.map((name) => [name, Math.round((categories[name]?.score ?? 0) * 100)]),
  ) as PageScores["scores"];
  const failing: string[] = [];
  for (const name of CATEGORIES) {
    for (const ref of categories[name]?.auditRefs ?? []) {
      const audit = audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1)
        failing.push(
          `${name}: ${audit.title} (${audit.displayValue ?? audit.score})${itemsOf(audit.details)}`,
        );
    }
  }
  return { url, scores, failing };
}

/** The URLs or descriptions an audit lists, to say what to fix. */
function itemsOf(details: unknown): string {
  const items =
    (details as { items?: Array<{ url?: string; description?: string; source?: string }> })?.items ?? [];
  const named = items.map((item) => item.url || item.description || item.source).filter(Boolean);
  return named.length > 0 ? `: ${named.slice(0, 5).join(", ")}` : "";
}
