/**
 * A template's share-card design (templates/<name>/card.json and its emblem), read and checked
 * once per build. The design's bytes are part of every image's cache key.
 */
import crypto from "node:crypto";
import { z } from "zod";
import { readLayeredJson, readLayeredText } from "../layers/lookup.ts";
import { rememberedPerTemplate } from "../layers/remembered.ts";

const textBox = z.object({
  height: z.number().positive(),
  max: z.number().positive(),
  min: z.number().positive(),
  /** Distance between the baselines of two lines, as a multiple of the font size. */
  lineHeight: z.number().min(1).max(3).default(1.25),
});

/** What a card is made of, named in a format's `stack` from top to bottom. */
export const BLOCKS = ["emblem", "date", "title", "tagline", "hotline", "address", "logos"] as const;
export type Block = (typeof BLOCKS)[number];
/** `fill` takes an equal share of the height the blocks leave empty. */
export type StackItem = Block | "fill";

/** Where each block goes when a template does not say: the top, then the hotline at the bottom. */
export const DEFAULT_STACK: readonly StackItem[] = [
  "emblem",
  "date",
  "title",
  "tagline",
  "fill",
  "hotline",
  "address",
  "logos",
];

const formatSchema = z
  .object({
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    maxBytes: z.number().int().positive(),
    padding: z.number().nonnegative(),
    gap: z.number().nonnegative(),
    emblem: z.number().nonnegative(),
    title: textBox,
    tagline: textBox,
    hotlineLabel: z.number().positive(),
    hotlineNumber: z.number().positive(),
    /** Height of one row of partner logos, band padding included; 0 draws no logos. */
    logos: z.number().nonnegative(),
    /** Rows the logos may wrap onto before they are made smaller to fit the width. */
    logoRows: z.number().int().min(1).max(4).default(1),
    /** Font sizes of the day's date and of the site's address; default the hotline label's. */
    date: z.number().positive().optional(),
    address: z.number().positive().optional(),
    stack: z
      .array(z.enum([...BLOCKS, "fill"]))
      .default([...DEFAULT_STACK])
      .superRefine((stack, context) => {
        for (const block of BLOCKS) {
          const count = stack.filter((item) => item === block).length;
          if (count !== 1)
            context.addIssue({
              code: "custom",
              message: `names "${block}" ${count} times; name each of ${BLOCKS.join(", ")} once, top to bottom, with "fill" where empty room goes`,
            });
        }
      }),
  })
  .transform((format) => ({
    ...format,
    date: format.date ?? format.hotlineLabel,
    address: format.address ?? format.hotlineLabel,
  }));

const designSchema = z.object({
  $comment: z.string().optional(),
  emblem: z.string(),
  formats: z.object({ og: formatSchema, square: formatSchema, story: formatSchema }),
});

export type FormatName = "og" | "square" | "story";
export const FORMATS: readonly FormatName[] = ["og", "square", "story"];
export type FormatSpec = z.output<typeof formatSchema>;

export interface CardDesign {
  formats: Record<FormatName, FormatSpec>;
  /** The emblem SVG; `currentColor` is replaced by the card's text colour. */
  emblem: string;
  /** Hash of card.json and the emblem. */
  fingerprint: string;
}

/** A template's share-card design, read once per build. */
export const loadDesign = rememberedPerTemplate(readDesign);

async function readDesign(templateDir: string): Promise<CardDesign> {
  // By layers: each layer's card.json over its parent's; every layer's bytes key the cache.
  const card = readLayeredJson(templateDir, "card.json");
  const file = card.files[card.files.length - 1];
  const parsed = designSchema.safeParse(card.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file} ${issue.path.join(".")}: ${issue.message}`);
  }
  const emblem = readLayeredText(templateDir, parsed.data.emblem).text;
  const hash = crypto.createHash("sha256");
  for (const json of card.sources) hash.update(json);
  const fingerprint = hash.update(emblem).digest("hex");
  return { formats: parsed.data.formats, emblem, fingerprint };
}
