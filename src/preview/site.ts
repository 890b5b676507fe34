/**
 * The preview's pages, kept up to date as files are saved, words first. A save of one language's
 * words checks that campaign alone (campaign/), writes that language's pages and tells the open
 * pages to reload; its share images, posters, frame and zips are drawn after, one campaign at a
 * time, copied in as they are ready, and the pages that list them (the share page, with the kit's
 * sizes) written again; before them, the campaign's web fonts are cut again to the characters its
 * pages show (a stylesheet written again keeps the fonts it had meanwhile). Until then a page
 * shows the picture the last save drew (none for a new language). Nothing of another campaign or
 * language is written again. A save that does not pass the check prints its problems and leaves
 * the last good pages as they were; templates/ and assets/ concern every campaign, so a change
 * there writes everything again.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { campaignFingerprint, generatorFingerprint } from "../build/incremental.ts";
import { PageWriter } from "../build/pages.ts";
import { newestFirst } from "../build/site-wide.ts";
import { CONTENT_DIR, languageOfContentFile } from "../campaign/content-files.ts";
import {
  type Campaign,
  CampaignError,
  formatProblem,
  listCampaigns,
  loadCampaigns,
  type Problem,
  reloadContent,
} from "../campaign/index.ts";
import { imageChecker } from "../images/check.ts";
import { copyIntoSite } from "../images/logos.ts";
import { forgetDesigns } from "../layers/remembered.ts";
import { projectPaths } from "../project/paths.ts";
import {
  type CampaignWords,
  campaignView,
  campaignWords,
  drawPictures,
  indexEntry,
  logoFilesOf,
  type SiteData,
} from "../site/data.ts";
import { notFoundView } from "../site/not-found.ts";
import { languagePath } from "../site/urls.ts";
import type { PageView } from "../site/views.ts";
import { fontRulesOf, publishSiteFonts, restoreFontRules } from "../site/web-fonts.ts";

export interface PreviewEvents {
  /** A save's pages are written: open pages reload. */
  pages(): void;
  /** Pictures are written (`files`, site paths), and `pages` (folder addresses) again with them. */
  pictures(files: string[], pages: string[]): void;
  /** A line saying what was written (the commands print it; problems are printed in any case). */
  log?(line: string): void;
}

interface Shown {
  campaign: Campaign;
  /** Its pages as last written; their `kit` is what the share pages list. */
  words: CampaignWords;
  /** The kit each language's pages were last written with (JSON), by language. */
  written: Map<string, string>;
  /** Files copied into the preview: site path → source. */
  copied: Map<string, string>;
}

/** Languages per run of Eleventy when everything is written (start, a template changed). */
const LANGUAGES_PER_RUN = 40;

export class PreviewSite {
  readonly #root: string;
  readonly #outputDir: string;
  readonly #events: PreviewEvents;
  readonly #paths: ReturnType<typeof projectPaths>;
  readonly #shown = new Map<string, Shown>();
  /** Campaigns whose last check found problems: checked whole until they pass. */
  readonly #failing = new Set<string>();
  #generator = "";
  /** Checking and writing, one save after the other. */
  #queue: Promise<void> = Promise.resolve();
  /** Campaigns whose pictures are to be drawn, and the one being drawn. */
  readonly #toDraw = new Set<string>();
  #drawing: Promise<void> | undefined;
  #closed = false;
  /** A save wrote the archive again: its fonts are cut with the next campaign's pictures. */
  #archiveFonts = false;
  readonly #writer: PageWriter;

  constructor(root: string, outputDir: string, events: PreviewEvents) {
    this.#root = root;
    this.#outputDir = outputDir;
    this.#writer = new PageWriter(outputDir);
    this.#events = events;
    this.#paths = projectPaths(root);
  }

  get outputDir(): string {
    return this.#outputDir;
  }

  /** Checks and writes every campaign's pages; their pictures follow. */
  async start(): Promise<void> {
    await this.#enqueue(() => this.#everything());
    // The checker (YAML, zod, Markdown) is loaded now rather than on the first save.
    void import("../campaign/load.ts");
  }

  /** Paths changed (absolute): writes what they concern, words first. */
  changed(paths: string[]): Promise<void> {
    const { campaignsDir, templatesDir } = this.#paths;
    const assetsDir = path.join(this.#root, "assets");
    const inside = (file: string, dir: string) => file === dir || file.startsWith(dir + path.sep);
    let everything = false;
    const touched = new Map<string, Set<string> | "all">();
    for (const file of paths) {
      // An editor's swap, backup or temporary files (.x.swp, x~, .#x): its save follows.
      if (/(^|[/\\])(\.|#)|~$/.test(path.relative(this.#root, file))) continue;
      if (inside(file, templatesDir) || inside(file, assetsDir)) everything = true;
      else if (inside(file, campaignsDir)) {
        const [slug, ...rest] = path.relative(campaignsDir, file).split(path.sep);
        if (!slug) {
          everything = true;
          continue;
        }
        const seen = touched.get(slug);
        if (rest[0] === CONTENT_DIR && rest.length > 1) {
          // Words: content/page.<lang>.md; anything else there is no campaign's (sed's temporary file).
          const language = rest.length === 2 ? languageOfContentFile(rest[1]) : undefined;
          if (!language) {
            if (!seen) touched.set(slug, new Set());
          } else if (seen !== "all") touched.set(slug, new Set([...(seen ?? []), language]));
        } else touched.set(slug, "all");
      }
    }
    if (everything) {
      return this.#enqueue(async () => {
        this.#writer.forgetTemplates();
        forgetDesigns();
        await this.#everything();
      });
    }
    if (touched.size === 0) return this.#queue;
    return this.#enqueue(() => this.#some(touched));
  }

  /** Waits for the pages and pictures of every change so far. */
  async idle(): Promise<void> {
    for (;;) {
      const queue = this.#queue;
      await queue;
      await this.#drawing;
      if (queue === this.#queue && !this.#drawing) return;
    }
  }

  /** Takes no more work; waits for what is under way. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#toDraw.clear();
    await this.#queue;
    await this.#drawing;
  }

  #enqueue(work: () => Promise<void>): Promise<void> {
    this.#queue = this.#queue.then(async () => {
      if (this.#closed) return;
      try {
        await work();
      } catch (error) {
        reportError("The preview could not be written", error);
      }
    });
    return this.#queue;
  }

  #memo() {
    const generator = this.#generator;
    return {
      dir: path.join(this.#paths.cacheDir, "validated"),
      fingerprint: (dir: string) => campaignFingerprint(dir, generator),
    };
  }

  /** Every campaign checked (a campaign with problems is left out, and they are printed). */
  async #checkAll(): Promise<Campaign[]> {
    const options = {
      templatesDir: this.#paths.templatesDir,
      checkImage: imageChecker(this.#paths.cacheDir),
      memo: this.#memo(),
    };
    try {
      this.#failing.clear();
      return await loadCampaigns(this.#paths.campaignsDir, options);
    } catch (error) {
      if (!(error instanceof CampaignError)) throw error;
      const slugs = await listCampaigns(this.#paths.campaignsDir);
      if (slugs.length === 0) {
        printProblems(error.problems);
        return [];
      }
      const campaigns: Campaign[] = [];
      const problems: Problem[] = [];
      for (const slug of slugs) {
        try {
          campaigns.push(...(await loadCampaigns(this.#paths.campaignsDir, { ...options, only: [slug] })));
        } catch (each) {
          if (!(each instanceof CampaignError)) throw each;
          problems.push(...each.problems);
          this.#failing.add(slug);
        }
      }
      printProblems(problems);
      return newestFirst(campaigns);
    }
  }

  /** One campaign checked, or undefined when it has problems (printed). */
  async #check(slug: string): Promise<Campaign | undefined> {
    try {
      const [campaign] = await loadCampaigns(this.#paths.campaignsDir, {
        templatesDir: this.#paths.templatesDir,
        checkImage: imageChecker(this.#paths.cacheDir),
        only: [slug],
        memo: this.#memo(),
      });
      const other = [...this.#shown.values()].find(
        (shown) => shown.campaign.slug !== slug && shown.campaign.url === campaign.url,
      );
      if (other) {
        throw new CampaignError([
          {
            file: path.join(campaign.dir, "campaign.yaml"),
            key: "url",
            message: `${campaign.url} is also the address of campaigns/${other.campaign.slug}; each campaign needs its own url`,
          },
        ]);
      }
      return campaign;
    } catch (error) {
      if (!(error instanceof CampaignError)) throw error;
      printProblems(error.problems);
      return undefined;
    }
  }

  /** The campaign with some languages' words read and checked again, or undefined (printed). */
  async #reload(campaign: Campaign, languages: string[]): Promise<Campaign | undefined> {
    try {
      return await reloadContent(campaign, languages);
    } catch (error) {
      if (!(error instanceof CampaignError)) throw error;
      printProblems(error.problems);
      return undefined;
    }
  }

  async #wordsOf(campaign: Campaign): Promise<CampaignWords> {
    const view = await campaignView(campaign, this.#paths);
    return campaignWords(campaign, view, this.#paths);
  }

  /** Everything again: at the start, and when templates or shared assets changed. */
  async #everything(): Promise<void> {
    const started = performance.now();
    this.#generator = await generatorFingerprint(this.#root);
    const campaigns = await this.#checkAll();
    const gone = [...this.#shown.keys()].filter((slug) => !campaigns.some((c) => c.slug === slug));
    for (const slug of gone) await this.#remove(slug);
    const all: Shown[] = [];
    for (const campaign of campaigns) {
      const previous = this.#shown.get(campaign.slug);
      const words = await this.#wordsOf(campaign);
      keepKit(words.pages, previous?.words.pages);
      const shown = { campaign, words, written: new Map(), copied: previous?.copied ?? new Map() };
      this.#shown.set(campaign.slug, shown);
      all.push(shown);
    }
    // In runs of a few campaigns, so memory stays that of a few whatever the archive's size.
    let run: Shown[] = [];
    let languages = 0;
    for (const [index, shown] of all.entries()) {
      run.push(shown);
      languages += shown.campaign.languages.length;
      const last = index === all.length - 1;
      if (languages >= LANGUAGES_PER_RUN || last) {
        await this.#write(
          run.map((each) => ({ shown: each, pages: each.words.pages, campaignLevel: true })),
          last,
        );
        run = [];
        languages = 0;
      }
    }
    if (all.length === 0) await this.#write([], true);
    this.#events.pages();
    this.#events.log?.(
      `✓ ${campaigns.length} campaign(s) written in ${seconds(started)}; their pictures follow`,
    );
    for (const shown of all) this.#draw(shown.campaign.slug);
  }

  /** Some campaigns again: all of their languages, or those whose words were saved. */
  async #some(touched: Map<string, Set<string> | "all">): Promise<void> {
    const started = performance.now();
    const parts: WritePart[] = [];
    let siteWide = false;
    const names: string[] = [];
    for (const [slug, languages] of touched) {
      const folder = path.join(this.#paths.campaignsDir, slug);
      const exists = await fs.stat(path.join(folder, "campaign.yaml")).then(
        () => true,
        () => false,
      );
      if (!exists) {
        if (this.#shown.has(slug)) {
          await this.#remove(slug);
          siteWide = true;
          names.push(`${slug} (removed)`);
        }
        continue;
      }
      const previous = this.#shown.get(slug);
      // Only words were saved: those languages are read and checked again, the rest stands.
      const wordsOnly = languages !== "all" && previous !== undefined && !this.#failing.has(slug);
      const saved = wordsOnly
        ? [...languages].filter((tag) => previous.campaign.languages.includes(tag))
        : [];
      if (wordsOnly && saved.length === 0) continue;
      const campaign = wordsOnly ? await this.#reload(previous.campaign, saved) : await this.#check(slug);
      if (!campaign) {
        this.#failing.add(slug);
        continue;
      }
      this.#failing.delete(slug);
      const words = wordsOnly
        ? await campaignWords(
            campaign,
            { ...previous.words.view, content: campaign.content[campaign.defaultLanguage] },
            this.#paths,
          )
        : await this.#wordsOf(campaign);
      keepKit(words.pages, previous?.words.pages);
      const sameLanguages = previous?.campaign.languages.join() === campaign.languages.join();
      const all = languages === "all" || !previous || !sameLanguages;
      const pages = all ? words.pages : words.pages.filter((page) => languages.has(page.lang.tag));
      for (const tag of previous?.campaign.languages ?? []) {
        if (!campaign.languages.includes(tag))
          await fs.rm(path.join(this.#outputDir, slug, languagePath(tag)), { recursive: true, force: true });
      }
      const campaignLevel = all || pages.some((page) => page.lang.tag === campaign.defaultLanguage);
      if (!previous || JSON.stringify(indexEntry(previous.campaign)) !== JSON.stringify(indexEntry(campaign)))
        siteWide = true;
      const shown: Shown = {
        campaign,
        words,
        written: previous?.written ?? new Map(),
        copied: previous?.copied ?? new Map(),
      };
      this.#shown.set(slug, shown);
      parts.push({ shown, pages, campaignLevel });
      names.push(all ? slug : `${slug} (${pages.map((page) => page.lang.tag).join(", ")})`);
    }
    if (parts.length === 0 && !siteWide) return;
    // The fonts, cut to the characters the campaign's pages show, follow with the pictures.
    await this.#write(parts, siteWide, false);
    if (siteWide) this.#archiveFonts = true;
    this.#events.pages();
    this.#events.log?.(`✓ ${names.join(", ")} written in ${seconds(started)}; the pictures follow`);
    for (const part of parts) this.#draw(part.shown.campaign.slug);
  }

  async #remove(slug: string): Promise<void> {
    this.#shown.delete(slug);
    this.#toDraw.delete(slug);
    await fs.rm(path.join(this.#outputDir, slug), { recursive: true, force: true });
  }

  /**
   * Writes these pages (and their campaigns' own files), and the site-wide ones when asked; with
   * `fonts` false, a stylesheet written again keeps the fonts it had until they are cut again.
   */
  async #write(parts: WritePart[], siteWide: boolean, fonts = true): Promise<void> {
    const shown = newestFirst([...this.#shown.values()].map((each) => each.campaign));
    const pages = parts.flatMap((part) => part.pages);
    const data: SiteData = {
      index: shown.map(indexEntry),
      campaigns: parts.filter((part) => part.campaignLevel).map((part) => part.shown.words.view),
      pages,
      files: logoFilesOf(parts.map((part) => part.shown.words)),
      images: { rendered: 0, reused: 0 },
      kit: { rendered: 0, reused: 0 },
      notFound: { site: [], campaigns: parts.map((part) => notFoundView(part.shown.campaign)) },
      kitPages: pages.filter((page) => page.kit.length > 0),
      templatesDir: this.#paths.templatesDir,
      siteWide: siteWide && shown.length > 0 ? [true] : [],
      fonts,
    };
    const stylesheets = fonts
      ? []
      : [
          ...parts
            .filter((part) => part.campaignLevel)
            .map((part) => path.join(this.#outputDir, part.shown.campaign.slug, "assets", "site.css")),
          ...(data.siteWide.length > 0 ? [path.join(this.#outputDir, "index.css")] : []),
        ];
    const rules = await Promise.all(stylesheets.map(fontRulesOf));
    await this.#writer.write(data);
    for (const [index, stylesheet] of stylesheets.entries()) {
      const kept = rules[index];
      if (kept) await restoreFontRules(stylesheet, kept);
    }
    for (const part of parts) {
      for (const page of part.pages) part.shown.written.set(page.lang.tag, JSON.stringify(page.kit));
    }
    // The site's "page not found" is the newest campaign's own, as in a build.
    const newest = shown[0];
    if (newest && (siteWide || parts.some((part) => part.shown.campaign.slug === newest.slug))) {
      await fs.copyFile(
        path.join(this.#outputDir, newest.slug, "404.html"),
        path.join(this.#outputDir, "404.html"),
      );
    }
    if (!newest) await fs.rm(path.join(this.#outputDir, "404.html"), { force: true });
  }

  /** Queues a campaign's pictures; one campaign is drawn at a time. */
  #draw(slug: string): void {
    if (this.#closed) return;
    this.#toDraw.add(slug);
    this.#drawing ??= (async () => {
      for (const next of this.#toDraw) {
        this.#toDraw.delete(next);
        try {
          await this.#pictures(next);
        } catch (error) {
          reportError(`The pictures of ${next} could not be made`, error);
        }
      }
      this.#drawing = undefined;
    })();
  }

  /**
   * The campaign's fonts cut again to the characters its pages show now (and the archive's, when
   * a save wrote it); the pages to reload when its stylesheet changed.
   */
  async #fonts(slug: string): Promise<string[]> {
    let reload: string[] = [];
    await this.#enqueue(async () => {
      const shown = this.#shown.get(slug);
      if (!shown) return;
      const stylesheet = path.join(this.#outputDir, slug, "assets", "site.css");
      const before = await fs.readFile(stylesheet, "utf8").catch(() => "");
      const archive = this.#archiveFonts;
      this.#archiveFonts = false;
      await publishSiteFonts(this.#outputDir, [slug], this.#paths.cacheDir, archive);
      if ((await fs.readFile(stylesheet, "utf8").catch(() => "")) !== before)
        reload = shown.words.pages.flatMap((page) => pageAddresses(page));
    });
    return reload;
  }

  async #pictures(slug: string): Promise<void> {
    const shown = this.#shown.get(slug);
    if (!shown) return;
    const started = performance.now();
    const restyled = await this.#fonts(slug);
    const { words } = shown;
    let pictures: Awaited<ReturnType<typeof drawPictures>>;
    try {
      pictures = await drawPictures([words], this.#paths);
    } catch (error) {
      if (!(error instanceof CampaignError)) throw error;
      console.error(`The pictures of ${slug} could not be made; the pages show the last ones:`);
      printProblems(error.problems);
      if (restyled.length > 0) this.#events.pictures([], restyled);
      return;
    }
    // Saved again meanwhile: that save's pictures follow.
    if (this.#shown.get(slug)?.words !== words || this.#closed) return;
    const files = pictures.files.filter(([source, site]) => shown.copied.get(site) !== source);
    await copyIntoSite(files, this.#outputDir);
    for (const [source, site] of files) shown.copied.set(site, source);
    // The pages listing the kit with its sizes, written again where those changed.
    const stale = words.pages.filter((page) => shown.written.get(page.lang.tag) !== JSON.stringify(page.kit));
    if (stale.length > 0) {
      await this.#enqueue(async () => {
        if (this.#shown.get(slug)?.words !== words) return;
        await this.#write([{ shown, pages: stale, campaignLevel: false }], false);
      });
    }
    this.#events.pictures(
      files.map(([, site]) => site),
      [...new Set([...restyled, ...stale.flatMap((page) => pageAddresses(page))])],
    );
    if (pictures.images.rendered + pictures.kit.rendered > 0)
      this.#events.log?.(
        `✓ pictures of ${slug} in ${seconds(started)} (${pictures.images.rendered} share image(s), ${pictures.kit.rendered} kit file(s) drawn)`,
      );
  }
}

interface WritePart {
  shown: Shown;
  pages: PageView[];
  /** Write the campaign's own files too (chooser, stylesheet, 404…). */
  campaignLevel: boolean;
}

/** Pages keep the kit last drawn for their language until theirs is drawn. */
function keepKit(pages: PageView[], previous: PageView[] | undefined): void {
  for (const page of pages) {
    page.kit = previous?.find((before) => before.lang.tag === page.lang.tag)?.kit ?? [];
  }
}

/** The addresses of a language's pages, as the browser shows them. */
function pageAddresses(page: PageView): string[] {
  const folder = page.lang.path;
  return [folder, `${folder}share/`, `${folder}frame/`, `${folder}safety/`, `${folder}accessibility/`];
}

function printProblems(problems: Problem[]): void {
  if (problems.length === 0) return;
  console.error(
    `${problems.length} problem${problems.length === 1 ? "" : "s"} in the saved files; the preview keeps the last good pages:`,
  );
  for (const problem of problems) console.error(`  ${formatProblem(problem)}`);
}

function reportError(what: string, error: unknown): void {
  if (error instanceof CampaignError) {
    console.error(`${what}:`);
    printProblems(error.problems);
  } else console.error(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

function seconds(started: number): string {
  return `${((performance.now() - started) / 1000).toFixed(2)} s`;
}
