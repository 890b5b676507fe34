/**
 * The safety exit (templates/default/exit.js and the button in base.njk), claim by claim: the
 * button leaves with and without JavaScript, three Shift presses within two seconds leave and
 * nothing else does, the page blanks before the exit site answers, and Back does not return.
 * Then the mutation check: the script is served with each of its statements removed in turn, and
 * at least one of these checks must fail for each.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import * as assert from "uvu/assert";
import { exampleBrowserSuite } from "../helpers/example-browser.ts";
import { TEMPLATES } from "../helpers/fixtures.ts";
import { exampleSite } from "../helpers/site.ts";

// The machine's default fonts (browser.ts): this suite checks behaviour, not layout.
const { test, it, state } = exampleBrowserSuite("safety exit", "system");

const EXIT_SCRIPT = path.join(TEMPLATES, "default/exit.js");

/** A campaign's home page in French, and its frame page (where Shift + arrows move the photo). */
const campaignPage = () =>
  state.pages.find((page) => /^\/[^/]+\/fr\/$/.test(page) && state.pages.includes(`${page}frame/`)) as string;
const framePage = () => `${campaignPage()}frame/`;

/**
 * What the campaign page reported of itself: when it started a navigation (the Navigation API's
 * navigate event, fired synchronously inside location.replace or a link's activation), and again
 * in the task after that one, once the exit script's handler has returned and the page waits for
 * the exit site. The page reports through a binding because, while a navigation is pending,
 * Chromium holds back every command sent to the page (page.evaluate would wait until it ends).
 */
interface Report {
  when: "navigate" | "after";
  /** The reporting document. */
  href: string;
  /** navigate: "push" or "replace", and where to. */
  type?: string;
  destination?: string;
  visible: boolean;
  title: string;
}

/**
 * A page opened in a fresh context, the exit site stubbed and held: its request is seen at once,
 * its answer waits for release(), so that what the page shows meanwhile can be checked. The page's
 * clock is paused: presses are timed with fastForward.
 */
interface Visit {
  context: BrowserContext;
  page: Page;
  url: string;
  /** The page opened before, if any. */
  previous?: string;
  exitUrl: string;
  exitRequested: Promise<void>;
  release: () => void;
  /** The reports of this page, once every key press sent so far has been handled. */
  reports: () => Promise<Report[]>;
  /** The report made in the task after the navigation started. */
  afterReport: Promise<Report>;
  /** Passes when the page did not start leaving. */
  stays: (after: string) => Promise<void>;
}

interface VisitOptions {
  sitePath?: string;
  /** exit.js served instead of the built one (the mutation check). */
  script?: string;
  javaScriptEnabled?: boolean;
  /** A page opened first, so that Back has somewhere to go. */
  openFirst?: string;
}

const CLOCK_START = new Date("2025-07-30T08:00:00Z");

/** A promise and the function that resolves it. */
function signal() {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

async function visit(options: VisitOptions = {}): Promise<Visit> {
  const { sitePath = campaignPage(), script, javaScriptEnabled = true, openFirst } = options;
  const context = await state.browser.newContext({ javaScriptEnabled });
  context.setDefaultTimeout(5000);
  if (script !== undefined)
    await context.route("**/assets/exit.js", (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: script }),
    );
  const url = state.origin + sitePath;
  const received: Report[] = [];
  const leaving = signal();
  let reportAfter = (_report: Report) => {};
  const afterReport = new Promise<Report>((resolve) => {
    reportAfter = resolve;
  });
  await context.exposeBinding("exitTestReport", (_source, report: Report) => {
    if (report.href !== url) return;
    received.push(report);
    if (report.when === "navigate") leaving.resolve();
    else reportAfter(report);
  });
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  await context.addInitScript(() => {
    const report = Reflect.get(window, "exitTestReport");
    navigation.addEventListener("navigate", (event) => {
      report({
        when: "navigate",
        href: location.href,
        type: event.navigationType,
        destination: event.destination.url,
        visible: document.body.checkVisibility(),
        title: document.title,
      });
      const channel = new MessageChannel();
      channel.port1.onmessage = () =>
        report({
          when: "after",
          href: location.href,
          visible: document.body.checkVisibility(),
          title: document.title,
        });
      channel.port2.postMessage(0);
    });
  });
  const page = await context.newPage();
  if (javaScriptEnabled) {
    await page.clock.install({ time: CLOCK_START });
    await page.clock.pauseAt(new Date(CLOCK_START.getTime() + 60_000));
  }
  if (openFirst) await page.goto(state.origin + openFirst);
  await page.goto(url);
  const exitUrl = (await page.getAttribute("[data-exit-page]", "href")) as string;
  const requested = signal();
  const released = signal();
  await context.route(`${new URL(exitUrl).origin}/**`, async (route) => {
    requested.resolve();
    await released.promise;
    await route
      .fulfill({ status: 200, contentType: "text/html", body: "<title>Weather</title><p>Sunny" })
      .catch(() => {});
  });
  // A round trip to the page returns after the reports of the key presses before it; when the
  // page has started leaving it does not return (see Report), but the report has come.
  const reports = async () => {
    await Promise.race([page.evaluate(() => 0), leaving.promise]);
    return received;
  };
  const stays = async (after: string) => {
    const navigations = (await reports()).filter((report) => report.when === "navigate");
    assert.equal(navigations, [], `${after}: the page started leaving`);
  };
  return {
    context,
    page,
    url,
    previous: openFirst && state.origin + openFirst,
    exitUrl,
    exitRequested: requested.promise,
    release: released.resolve,
    reports,
    afterReport,
    stays,
  };
}

async function closeVisit(v: Visit) {
  v.release();
  await v.context.close();
}

/** Fails with `message` unless `promise` settles within `ms`. */
function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The page started leaving for the exit site; returns how (the navigate report). */
async function startedLeaving(v: Visit, after: string): Promise<Report> {
  const navigation = (await v.reports()).find((report) => report.when === "navigate");
  assert.ok(navigation, `${after}: the page did not start leaving`);
  assert.is(navigation.destination, v.exitUrl, `${after}: left for another address`);
  return navigation;
}

/**
 * After `trigger`: the page starts leaving, already blank (no content shown, no title) when the
 * navigation starts and still blank while the exit site has not answered; then Back goes to the
 * page before the campaign page, not to the campaign page.
 */
async function leavesBlankForGood(v: Visit, what: string, trigger: () => Promise<void>) {
  await trigger();
  const navigation = await startedLeaving(v, what);
  assert.is(navigation.visible, false, `${what}: the page was still visible when it started leaving`);
  assert.is(navigation.title, "", `${what}: the title was still shown when the page started leaving`);
  await within(v.exitRequested, 5000, `${what}: the exit site was never requested`);
  const meanwhile = await within(v.afterReport, 5000, `${what}: no report while leaving`);
  assert.is(meanwhile.visible, false, `${what}: the page was visible again while the exit site loaded`);
  assert.is(meanwhile.title, "", `${what}: the title was back while the exit site loaded`);
  v.release();
  await v.page.waitForURL(v.exitUrl, { timeout: 5000 });
  await v.page.goBack({ timeout: 5000 });
  const navigations = (await v.reports()).filter((report) => report.when === "navigate");
  const how = `navigations started: ${navigations.map((report) => report.type).join(", ")}`;
  assert.is(
    v.page.url(),
    v.previous,
    `${what}: Back did not go to the page before the campaign page (${how})`,
  );
}

async function pressShift(v: Visit, times: number) {
  for (let i = 0; i < times; i++) await v.page.keyboard.press("Shift");
}

/**
 * Each claim as a check on a fresh context, given the script to serve (undefined: the built one).
 * Every check that expects the page to stay ends by leaving with three presses, so that a script
 * that does nothing at all cannot pass it.
 */
const CHECKS: { name: string; run: (v: Visit) => Promise<void>; options?: VisitOptions }[] = [
  {
    name: "the button blanks the page at once, leaves, and Back does not return",
    options: { openFirst: "/" },
    run: (v) =>
      leavesBlankForGood(v, "button", () => v.page.click("[data-exit-page]", { noWaitAfter: true })),
  },
  {
    name: "three Shift presses within two seconds blank the page at once, leave, and Back does not return",
    options: { openFirst: "/" },
    run: (v) =>
      leavesBlankForGood(v, "Shift at 0, 0.95 and 1.9 s", async () => {
        await pressShift(v, 1);
        await v.page.clock.fastForward(950);
        await pressShift(v, 1);
        await v.page.clock.fastForward(950);
        await pressShift(v, 1);
      }),
  },
  {
    name: "two Shift presses do not leave; the third does",
    run: async (v) => {
      await pressShift(v, 2);
      await v.stays("Shift twice");
      await pressShift(v, 1);
      await startedLeaving(v, "Shift a third time");
    },
  },
  {
    name: "three Shift presses spread over more than two seconds do not leave",
    run: async (v) => {
      await pressShift(v, 1);
      await v.page.clock.fastForward(1100);
      await pressShift(v, 1);
      await v.page.clock.fastForward(1100);
      await pressShift(v, 1);
      await v.stays("Shift at 0, 1.1 and 2.2 s");
      // The second and third presses are still within two seconds of a fourth.
      await v.page.clock.fastForward(100);
      await pressShift(v, 1);
      await startedLeaving(v, "Shift at 0, 1.1, 2.2 and 2.3 s");
    },
  },
  {
    name: "other keys do not count, nor Shift held with another key (capitals, Shift + arrows)",
    options: { sitePath: "frame" },
    run: async (v) => {
      for (const word of ["Hi", "Ann", "Bo"]) {
        await v.page.keyboard.press(`Shift+Key${word[0]}`);
        await v.page.keyboard.type(`${word.slice(1)} `);
      }
      await v.stays('typing "Hi Ann Bo"');
      // The frame page moves the photo with the arrow keys, 100 px at a time with Shift.
      await v.page.focus("canvas");
      for (let i = 0; i < 3; i++) await v.page.keyboard.press("Shift+ArrowRight");
      await v.stays("Shift + ArrowRight three times");
      for (const key of ["a", "Control", "Alt", "Control", "a", "Alt"]) await v.page.keyboard.press(key);
      await v.stays("a, Control, Alt twice");
      for (const key of ["Shift", "Shift", "a", "Shift"]) await v.page.keyboard.press(key);
      await v.stays("Shift, Shift, a, Shift");
      await pressShift(v, 3);
      await startedLeaving(v, "then Shift three times");
    },
  },
  {
    name: "a held Shift (key repeat) counts as one press",
    run: async (v) => {
      for (let i = 0; i < 5; i++) await v.page.keyboard.down("Shift");
      await v.page.keyboard.up("Shift");
      await pressShift(v, 1);
      await v.stays("Shift held, then pressed once");
      await pressShift(v, 1);
      await startedLeaving(v, "Shift held, then pressed twice");
    },
  },
];

/** Runs one check; returns why it failed, or undefined when it passed. */
async function runCheck(check: (typeof CHECKS)[number], script?: string): Promise<string | undefined> {
  const options = { ...check.options, script };
  if (options.sitePath === "frame") options.sitePath = framePage();
  const v = await visit(options);
  try {
    await check.run(v);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await closeVisit(v);
  }
}

/** The checks that passed on the built script: a mutant is only caught by a check that passes. */
const passed = new Set<string>();

for (const check of CHECKS)
  it(check.name, async () => {
    const failure = await runCheck(check);
    assert.is(failure, undefined, failure);
    passed.add(check.name);
  });

it("without JavaScript the button is a plain link to the exit site", async () => {
  const v = await visit({ javaScriptEnabled: false });
  try {
    await v.page.click("[data-exit-page]", { noWaitAfter: true });
    await within(v.exitRequested, 5000, "the exit site was never requested");
    v.release();
    await v.page.waitForURL(v.exitUrl, { timeout: 5000 });
  } finally {
    await closeVisit(v);
  }
});

// exit.js does not look for a missing button: every page that loads it has one.
it("every page that loads exit.js has one exit button", async () => {
  const site = await exampleSite();
  let withScript = 0;
  for (const page of state.pages) {
    const html = await fs.readFile(path.join(site, page.endsWith("/") ? `${page}index.html` : page), "utf8");
    if (!/assets\/exit\.js"/.test(html)) continue;
    withScript++;
    assert.is(html.match(/data-exit-page/g)?.length, 1, `${page}: exit buttons`);
  }
  assert.ok(withScript >= 10, `only ${withScript} pages load exit.js`);
});

/** One statement of exit.js removed: lines from..to (1-based) and the script without them. */
interface Mutant {
  from: number;
  to: number;
  text: string;
  source: string;
}

/** Brackets opened minus brackets closed on a line, strings and line comments left out. */
function depthChange(line: string): number {
  const code = line.replace(/(["'`])(?:\\.|(?!\1)[^\\])*\1/g, "").replace(/\/\/.*$/, "");
  return (code.match(/[({[]/g)?.length ?? 0) - (code.match(/[)}\]]/g)?.length ?? 0);
}

const isCode = (line: string) => {
  const text = line.trim();
  return text !== "" && !text.startsWith("//") && !text.startsWith("/*") && !text.startsWith("*");
};

/**
 * Every statement of `source` removed in turn, at every depth: a line that opens a block goes
 * with its block (a listener, a function), and the lines inside are removed one by one too.
 * Left out: comments, blank lines, lines that only close a block, and the wrapper whose
 * removal leaves no code at all.
 */
function statementMutants(source: string): Mutant[] {
  const lines = source.split("\n");
  const mutants: Mutant[] = [];
  for (let from = 0; from < lines.length; from++) {
    if (!isCode(lines[from]) || /^[)}\]]/.test(lines[from].trim())) continue;
    let to = from;
    let depth = depthChange(lines[from]);
    while (depth > 0 && to + 1 < lines.length) depth += depthChange(lines[++to]);
    const rest = lines.filter((_, n) => n < from || n > to);
    if (!rest.some(isCode)) continue;
    mutants.push({ from: from + 1, to: to + 1, text: lines[from].trim(), source: rest.join("\n") });
  }
  return mutants;
}

it("mutation check: with any statement of exit.js removed, a check above fails", async () => {
  const failing = CHECKS.filter((check) => !passed.has(check.name)).map((check) => check.name);
  assert.equal(failing, [], "the checks must pass on exit.js as it is before its mutants mean anything");
  const source = await fs.readFile(EXIT_SCRIPT, "utf8");
  // The mutants are made from the template; the page must be serving that very script.
  const served = await (await fetch(new URL("../assets/exit.js", state.origin + campaignPage()))).text();
  assert.is(served.trim(), source.trim(), "the built exit.js differs from templates/default/exit.js");
  const mutants = statementMutants(source);
  assert.ok(mutants.length >= 8, `only ${mutants.length} statements found in exit.js`);
  const survivors: string[] = [];
  const report: string[] = [];
  for (const mutant of mutants) {
    const lines = mutant.from === mutant.to ? `line ${mutant.from}` : `lines ${mutant.from}-${mutant.to}`;
    try {
      new Function(mutant.source);
    } catch {
      survivors.push(`${lines} (${mutant.text}): removing it leaves a script that does not parse`);
      continue;
    }
    let caught: string | undefined;
    for (const check of CHECKS) {
      const failure = await runCheck(check, mutant.source);
      if (failure) {
        caught = `"${check.name}": ${failure}`;
        break;
      }
    }
    if (caught) report.push(`  ${lines} removed (${mutant.text}) -> caught by ${caught}`);
    else survivors.push(`${lines} (${mutant.text}): no check fails without it`);
  }
  console.log(`\nexit.js mutants:\n${report.join("\n")}`);
  assert.equal(
    survivors,
    [],
    `statements of exit.js whose removal no check notices:\n${survivors.join("\n")}`,
  );
});

test.run();
