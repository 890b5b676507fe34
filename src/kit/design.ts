/**
 * A template's poster and frame design (templates/<name>/poster.json and frame.json), read and
 * checked once per build like card.json. The files' bytes are part of every artefact's cache key.
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

const fraction = z.number().nonnegative();
const textBox = z.object({ height: fraction, max: fraction, min: fraction });

const posterSchema = z.object({
  $comment: z.string().optional(),
  emblem: z.string(),
  margin: fraction,
  gap: fraction,
  band: fraction,
  emblemSize: fraction,
  title: textBox,
  tagline: textBox,
  date: fraction,
  hotlineLabel: fraction,
  hotlineNumber: fraction,
  otherHotline: fraction,
  qr: fraction,
  address: fraction,
  logos: fraction,
  previewDpi: z.number().int().positive(),
  maxBytes: z.object({ a4: z.number().int().positive(), a3: z.number().int().positive() }),
});

const frameSchema = z.object({
  $comment: z.string().optional(),
  size: z.number().int().positive(),
  ring: z.number().positive(),
  band: z.number().nonnegative(),
  text: z.object({ max: z.number().positive(), min: z.number().positive() }),
  emblem: z.number().nonnegative(),
});

export type PosterDesign = z.output<typeof posterSchema> & { emblemSvg: string; fingerprint: string };
export type FrameDesign = z.output<typeof frameSchema> & { emblemSvg: string; fingerprint: string };

export interface KitDesign {
  poster: PosterDesign;
  frame: FrameDesign;
}

const designs = new Map<string, Promise<KitDesign>>();

export function loadKitDesign(templateDir: string): Promise<KitDesign> {
  let design = designs.get(templateDir);
  if (!design) {
    design = readKitDesign(templateDir);
    designs.set(templateDir, design);
  }
  return design;
}

async function readKitDesign(templateDir: string): Promise<KitDesign> {
  const poster = await readJson(path.join(templateDir, "poster.json"), posterSchema);
  const frame = await readJson(path.join(templateDir, "frame.json"), frameSchema);
  const emblemSvg = await fs.readFile(path.join(templateDir, poster.data.emblem), "utf8");
  const fingerprint = (json: string) =>
    crypto.createHash("sha256").update(json).update(emblemSvg).digest("hex");
  return {
    poster: { ...poster.data, emblemSvg, fingerprint: fingerprint(poster.json) },
    frame: { ...frame.data, emblemSvg, fingerprint: fingerprint(frame.json) },
  };
}

async function readJson<T extends z.ZodType>(file: string, schema: T) {
  const json = await fs.readFile(file, "utf8");
  const parsed = schema.safeParse(JSON.parse(json));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file} ${issue.path.join(".")}: ${issue.message}`);
  }
  return { data: parsed.data as z.output<T>, json };
}
