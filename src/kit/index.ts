/**
 * The launch-day kit of every campaign × language: posters (A4 and A3 PDF, each again with bleed
 * and crop marks for a print shop, a PNG preview), the calendar file and the profile-picture
 * frame. Planning is pure (paths and inputs); rendering goes through one bounded queue into
 * .cache/kit/, under the hash of each artefact's inputs, so a rebuild with nothing changed draws
 * nothing. Text too long for a poster stops the build with the content file and field named.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import sharp from "sharp";
import type { Problem } from "../campaign/index.ts";
import { cacheKey, fileHasher, ImageCache } from "../render/cache.ts";
import { fontFingerprint } from "../render/fonts.ts";
import { renderCached } from "../render/render-loop.ts";
import { CalendarError, type CalendarInput, calendarCode, renderCalendar } from "./calendar.ts";
import { type FrameInput, frameCode, renderFrame } from "./frame.ts";
import {
  fitPosterWords,
  type PosterFiles,
  PosterFitError,
  type PosterInput,
  type PosterWords,
  posterCode,
  renderPoster,
} from "./poster.ts";

/** The libraries that shape, lay out and write the kit: a new version of one makes the kit again. */
export const LIBRARY_VERSIONS = ["harfbuzzjs", "bidi-js", "qrcode", "ics", "fflate"].map(
  (name) => `${name}@${packageVersion(name)}`,
);

/** A dependency's version, from the package.json above its entry point (not every package exports it). */
function packageVersion(name: string): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve(name));
  for (;;) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (manifest.name === name) return manifest.version ?? "unknown";
    }
    const parent = path.dirname(dir);
    if (parent === dir) return "unknown";
    dir = parent;
  }
}

export type KitFileName =
  | "poster-a4.pdf"
  | "poster-a3.pdf"
  | "poster-a4-print.pdf"
  | "poster-a3-print.pdf"
  | "poster-a4.png"
  | "calendar.ics"
  | "frame/frame.png";
export const KIT_FILES: readonly KitFileName[] = [
  "poster-a4.pdf",
  "poster-a3.pdf",
  "poster-a4-print.pdf",
  "poster-a3-print.pdf",
  "poster-a4.png",
  "calendar.ics",
  "frame/frame.png",
];

export interface KitJob {
  /** Site path of the language's folder, e.g. /slug/fr/ */
  folder: string;
  /** The content file the words come from, and campaign.yaml, for errors. */
  contentFile: string;
  campaignFile: string;
  poster: PosterInput;
  calendar: CalendarInput;
  frame: FrameInput;
}

export interface KitReport {
  rendered: number;
  reused: number;
  /** [cache file, site path] for every artefact. */
  files: Array<[string, string]>;
  problems: Problem[];
}

const POSTER_FILES: readonly KitFileName[] = [
  "poster-a4.pdf",
  "poster-a3.pdf",
  "poster-a4-print.pdf",
  "poster-a3-print.pdf",
  "poster-a4.png",
];

interface Task {
  job: KitJob;
  name: KitFileName;
}

export async function renderKits(jobs: KitJob[], cacheDir: string): Promise<KitReport> {
  const cache = new ImageCache(path.join(cacheDir, "kit"));
  const environment = {
    vips: sharp.versions.vips,
    fonts: fontFingerprint(),
    libraries: LIBRARY_VERSIONS,
  };
  const hashLogo = fileHasher();
  const tasks: Task[] = jobs.flatMap((job) => KIT_FILES.map((name) => ({ job, name })));
  // A poster's files come from one layout, drawn once for whichever of them is missing
  // and let go when the last of them is done.
  const posters = new Map<KitJob, { files?: Promise<PosterFiles>; left: number }>();
  const poster = (job: KitJob) => {
    const entry = posters.get(job) ?? { left: POSTER_FILES.length };
    posters.set(job, entry);
    entry.files ??= renderPoster(job.poster);
    return entry.files;
  };
  const posterFileDone = (job: KitJob) => {
    const entry = posters.get(job) ?? { left: POSTER_FILES.length };
    posters.set(job, entry);
    if (--entry.left === 0) posters.delete(job);
  };
  const result = await renderCached({
    cache,
    tasks,
    key: async ({ job, name }) => ({
      key: cacheKey({ ...environment, name, inputs: await taskInputs(job, name, hashLogo) }),
      extension: path.extname(name),
    }),
    make: ({ job, name }) => make(job, name, poster),
    problem: ({ job, name }, error) => kitProblem(job, name, error),
    settled: ({ job, name }) => {
      if (POSTER_FILES.includes(name)) posterFileDone(job);
    },
  });
  return {
    rendered: result.made,
    reused: result.reused,
    files: result.files.map((file, index): [string, string] => [
      file,
      `${tasks[index].job.folder}${tasks[index].name}`,
    ]),
    problems: result.problems,
  };
}

/**
 * Everything that changes an artefact's bytes: the code that makes it (see
 * render/code-fingerprint.ts), its words, designs by fingerprint, logos by content.
 */
async function taskInputs(job: KitJob, name: KitFileName, hashLogo: (file: string) => Promise<string>) {
  if (name === "calendar.ics") return { code: calendarCode(), ...job.calendar };
  if (name === "frame/frame.png")
    return { code: frameCode(), ...job.frame, design: job.frame.design.fingerprint };
  const { design, logos, ...poster } = job.poster;
  return {
    code: posterCode(),
    ...poster,
    design: design.fingerprint,
    logos: await Promise.all(logos.map(async (logo) => ({ ...logo, file: await hashLogo(logo.file) }))),
  };
}

async function make(
  job: KitJob,
  name: KitFileName,
  poster: (job: KitJob) => Promise<PosterFiles>,
): Promise<Buffer> {
  switch (name) {
    case "poster-a4.pdf": {
      const pdf = (await poster(job)).a4;
      if (pdf.length > job.poster.design.maxBytes.a4)
        throw new Error(
          `${job.folder}${name} is ${pdf.length} bytes, over its budget of ${job.poster.design.maxBytes.a4}`,
        );
      return pdf;
    }
    case "poster-a3.pdf":
      return (await poster(job)).a3;
    case "poster-a4-print.pdf":
      return (await poster(job)).a4Print;
    case "poster-a3-print.pdf":
      return (await poster(job)).a3Print;
    case "poster-a4.png":
      return (await poster(job)).preview;
    case "calendar.ics":
      return renderCalendar(job.calendar);
    case "frame/frame.png":
      return renderFrame(job.frame);
  }
}

/**
 * Whether a language's title and tagline fit the poster, checked without drawing it (for the
 * translations report): the problem the build would report, if any.
 */
export async function posterWordProblems(words: PosterWords, contentFile: string): Promise<Problem[]> {
  try {
    await fitPosterWords(words);
    return [];
  } catch (error) {
    if (error instanceof PosterFitError) return [posterProblem(contentFile, error)];
    throw error;
  }
}

function posterProblem(contentFile: string, error: PosterFitError): Problem {
  return { file: contentFile, key: error.field, message: `too long for the poster: ${error.message}` };
}

function kitProblem(job: KitJob, name: KitFileName, error: unknown): Problem | undefined {
  if (error instanceof PosterFitError) return posterProblem(job.contentFile, error);
  if (error instanceof CalendarError)
    return {
      file: job.campaignFile,
      key: error.key,
      message: `cannot make the calendar entry: ${error.message}`,
    };
  if (name === "frame/frame.png" && error instanceof Error && error.name === "TextFitError")
    return {
      file: job.contentFile,
      key: "tagline",
      message: `too long for the profile-picture frame: ${error.message}`,
    };
  return undefined;
}
