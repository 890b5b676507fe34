/**
 * A template's poster and frame design (templates/<name>/poster.json and frame.json), read and
 * checked once per build like card.json. The files' bytes are part of every artefact's cache key.
 */
import crypto from "node:crypto";
import { z } from "zod";
import { readLayeredJson, readLayeredText } from "../layers/lookup.ts";
import { rememberedPerTemplate } from "../layers/remembered.ts";

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
  /** lineHeight: the distance between lines as a multiple of the size, as on share cards. */
  text: z.object({
    max: z.number().positive(),
    min: z.number().positive(),
    lineHeight: z.number().min(1).max(3).default(1.25),
  }),
  emblem: z.number().nonnegative(),
});

export type PosterDesign = z.output<typeof posterSchema> & { emblemSvg: string; fingerprint: string };
export type FrameDesign = z.output<typeof frameSchema> & { emblemSvg: string; fingerprint: string };

export interface KitDesign {
  poster: PosterDesign;
  frame: FrameDesign;
}

/** The poster's and the frame's designs of a template, read once per build. */
export const loadKitDesign = rememberedPerTemplate(readKitDesign);

async function readKitDesign(templateDir: string): Promise<KitDesign> {
  const poster = readJson(templateDir, "poster.json", posterSchema);
  const frame = readJson(templateDir, "frame.json", frameSchema);
  const emblemSvg = readLayeredText(templateDir, poster.data.emblem).text;
  const fingerprint = (sources: string[]) => {
    const hash = crypto.createHash("sha256");
    for (const json of sources) hash.update(json);
    return hash.update(emblemSvg).digest("hex");
  };
  return {
    poster: { ...poster.data, emblemSvg, fingerprint: fingerprint(poster.sources) },
    frame: { ...frame.data, emblemSvg, fingerprint: fingerprint(frame.sources) },
  };
}

/** A design file by layers (each layer's copy over its parent's), checked against its schema. */
function readJson<T extends z.ZodType>(templateDir: string, name: string, schema: T) {
  const layered = readLayeredJson(templateDir, name);
  const file = layered.files[layered.files.length - 1];
  const parsed = schema.safeParse(layered.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file} ${issue.path.join(".")}: ${issue.message}`);
  }
  return { data: parsed.data as z.output<T>, sources: layered.sources };
}
