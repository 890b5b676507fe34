/**
 * The checks every page must pass in a real browser, written once and used both on the example
 * site and on a deliberately broken page (which must fail them).
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { BrowserContext } from "playwright-core";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

export interface Audit {
  /** "rule-id: help (n nodes)" for every axe violation. */
  violations: string[];
  /** Requests to any origin other than the site's. */
  foreignRequests: string[];
  cookies: number;
  /** How far the page scrolls sideways at the context's width (0 is right). */
  horizontalOverflow: number;
}

/**
 * Loads `url` in `context` and audits it. Requests to other origins are blocked and recorded.
 * `axe: false` leaves axe out (it takes most of the time) and reports no violations.
 */
export async function auditPage(
  context: BrowserContext,
  url: string,
  { axe = true }: { axe?: boolean } = {},
): Promise<Audit> {
  const origin = new URL(url).origin;
  const foreignRequests: string[] = [];
  const page = await context.newPage();
  await page.route("**/*", (route) => {
    const requested = route.request().url();
    if (new URL(requested).origin === origin || requested.startsWith("data:")) return route.continue();
    foreignRequests.push(requested);
    return route.abort();
  });
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  const violations = axe ? (await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations : [];
  const horizontalOverflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  const cookies = (await context.cookies()).length;
  await page.close();
  return {
    violations: violations.map(
      (violation) => `${violation.id}: ${violation.help} (${violation.nodes.length} nodes)`,
    ),
    foreignRequests,
    cookies,
    horizontalOverflow,
  };
}
