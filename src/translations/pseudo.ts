/**
 * Pseudo-languages for layout testing, as Android and Chrome make them: `en-XA` (every letter
 * accented, about 40 % longer, in [brackets]) and `ar-XB` (right to left: each word mirrored
 * with bidi controls). Made in memory from a campaign's first language, its words and its UI
 * strings; nothing is written to the campaign's folder.
 */
import type { Campaign, Content } from "../campaign/index.ts";
import { type Tree, uiStrings } from "../i18n/strings.ts";

export const PSEUDO_LANGUAGES = ["en-XA", "ar-XB"] as const;
export type PseudoLanguage = (typeof PSEUDO_LANGUAGES)[number];

const ACCENTED: Record<string, string> = Object.fromEntries(
  [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"].map((letter, i) => [
    letter,
    [..."åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ"][i],
  ]),
);
const PADDING = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/** Accented, about 40 % longer, bracketed: "[Ĥéļļö one]". Placeholders stay as they are. */
export function accented(text: string): string {
  if (text.trim() === "") return text;
  const body = mapWords(text, (word) => [...word].map((letter) => ACCENTED[letter] ?? letter).join(""));
  const extra: string[] = [];
  const wanted = Math.ceil(text.length * 0.4);
  for (let i = 0, added = 0; added < wanted; i++) {
    const word = PADDING[i % PADDING.length];
    extra.push(word);
    added += word.length + 1;
  }
  return `[${body} ${extra.join(" ")}]`;
}

const RLO = "\u202e";
const PDF = "\u202c";
const RLM = "\u200f";

/** Each word shown mirrored inside right-to-left controls, as Android's ar-XB does. */
export function mirrored(text: string): string {
  return mapWords(text, (word) => `${RLM}${RLO}${word}${PDF}${RLM}`);
}

/** Applies `change` to the words of `text`, leaving {placeholders}, URLs and spaces alone. */
function mapWords(text: string, change: (word: string) => string): string {
  return text.replace(/\{\w+\}|https?:\/\/\S+|[\p{L}\p{M}'’-]+/gu, (word) =>
    word.startsWith("{") || /^https?:/.test(word) ? word : change(word),
  );
}

const transforms: Record<PseudoLanguage, (text: string) => string> = { "en-XA": accented, "ar-XB": mirrored };

/** The text between the tags of HTML we produced, changed; tags and entities kept. */
function pseudoHtml(html: string, change: (text: string) => string): string {
  return html.replace(/>([^<]+)</g, (_, text: string) => {
    const parts = text.split(/(&[#a-z0-9]+;)/i);
    const changed = parts
      .map((part) => (part.startsWith("&") || part.trim() === "" ? part : change(part)))
      .join("");
    return `>${changed}<`;
  });
}

function pseudoTree(tree: Tree, change: (text: string) => string): Tree {
  return Object.fromEntries(
    Object.entries(tree).map(([key, value]) => [
      key,
      typeof value === "string" ? change(value) : pseudoTree(value, change),
    ]),
  );
}

function overlay(base: Tree, top: Tree | undefined): Tree {
  if (!top) return base;
  return Object.fromEntries(
    Object.entries(base).map(([key, value]) => {
      const mine = top[key];
      if (typeof value === "string") return [key, typeof mine === "string" ? mine : value];
      return [key, overlay(value, typeof mine === "object" ? mine : undefined)];
    }),
  );
}

/** The campaign with en-XA and ar-XB added after its languages, made from the first one. */
export function withPseudoLanguages(campaign: Campaign): Campaign {
  const first = campaign.defaultLanguage;
  const source = campaign.content[first];
  const strings = uiStrings(first);
  if (!strings) return campaign;
  const shared = overlay(strings.strings, campaign.wording?.[first]);
  const content: Record<string, Content> = { ...campaign.content };
  const wording = { ...campaign.wording };
  for (const tag of PSEUDO_LANGUAGES) {
    const change = transforms[tag];
    content[tag] = {
      ...source,
      lang: tag,
      title: change(source.title),
      tagline: change(source.tagline),
      description: change(source.description),
      html: pseudoHtml(source.html, change),
      reviewed: false,
    };
    wording[tag] = pseudoTree(shared, change);
  }
  return {
    ...campaign,
    languages: [
      ...campaign.languages.filter((tag) => !PSEUDO_LANGUAGES.includes(tag as PseudoLanguage)),
      ...PSEUDO_LANGUAGES,
    ],
    content,
    wording,
  };
}
