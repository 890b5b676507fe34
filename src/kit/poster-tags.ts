/**
 * What makes a poster PDF a tagged PDF for PDF/UA-1 (ISO 14289-1): the structure tree in reading
 * order (a Document of an H1 for the title, a P for each other text, the address a Link inside
 * its P, with its link annotation; a Figure with alternative text for the QR code and for each
 * partner's logo), the parent tree that leads from the page's marked content back to it, and the
 * XMP metadata with the PDF/UA identifier. poster-pdf.ts writes them with the catalog's marks
 * (MarkInfo, Lang, the title shown in the window) and marks everything else as artifacts.
 *
 * A text with right-to-left letters also carries its words as /ActualText: its characters are in
 * reading order in the page's content, but pdf.js (Firefox's viewer) reads right-to-left text
 * only in visual order and runs such words together; it gives assistive technology the element's
 * ActualText instead.
 */
import { hasRightToLeft } from "../i18n/languages.ts";
import { escapeMarkup } from "../render/text-fit.ts";
import { ref } from "./pdf-file.ts";
import { number, textString } from "./pdf-syntax.ts";
import type { Tag } from "./poster-layout.ts";
import { layerText } from "./text-layer.ts";

/** What the metadata names as the PDFs' maker. */
export const PRODUCER = "awareness-campaigns poster generator";

/** A tagged item of the page: its tag, and its box on the page in points (left, bottom, right, top). */
export interface Marked {
  tag: Tag;
  rect: [number, number, number, number];
}

/** Objects of the structure: [number, body], the tree's root and the page's annotations. */
export interface Structure {
  objects: Array<[number, string]>;
  root: number;
  annotations: number[];
}

/**
 * The structure of the page object `page`, whose content marks `marked[i]` with marked-content
 * identifier i; `allocate` gives the next free object number.
 */
export function structure(marked: Marked[], page: number, allocate: () => number): Structure {
  const objects: Array<[number, string]> = [];
  const root = allocate();
  const document = allocate();
  const children: number[] = [];
  /** For each marked-content identifier, the element it belongs to. */
  const owners: number[] = [];
  /** The parent tree's other keys, from 1: each annotation's element. */
  const annotationOwners: number[] = [];
  const annotations: number[] = [];
  const element = (number: number, parent: number, role: string, kids: string, extra = "") =>
    objects.push([
      number,
      `<< /Type /StructElem /S /${role} /P ${ref(parent)} /Pg ${ref(page)} /K ${kids}${extra} >>`,
    ]);
  const box = (rect: number[]) => `[${rect.map(number).join(" ")}]`;

  for (const [id, { tag, rect }] of marked.entries()) {
    const own = allocate();
    children.push(own);
    if (tag.role === "Figure") {
      const lang = tag.lang ? ` /Lang ${textString(tag.lang)}` : "";
      const layout = ` /A << /O /Layout /Placement /Block /BBox ${box(rect)} >>`;
      element(own, document, "Figure", String(id), ` /Alt ${textString(tag.alt)}${lang}${layout}`);
      owners.push(own);
      continue;
    }
    const words = layerText(tag.lines);
    const actual = hasRightToLeft(words) ? ` /ActualText ${textString(words)}` : "";
    if (!tag.link) {
      element(own, document, tag.role, String(id), actual);
      owners.push(own);
      continue;
    }
    // A paragraph holding a link: its words, and the annotation a click or a screen reader follows.
    const link = allocate();
    const annotation = allocate();
    annotationOwners.push(link);
    annotations.push(annotation);
    objects.push([
      annotation,
      `<< /Type /Annot /Subtype /Link /Rect ${box(rect)} /Border [0 0 0] /F 4 /Contents ${textString(tag.link)} /A << /S /URI /URI ${textString(new URL(tag.link).href)} >> /StructParent ${annotationOwners.length} >>`,
    ]);
    element(link, own, "Link", `[${id} << /Type /OBJR /Obj ${ref(annotation)} /Pg ${ref(page)} >>]`, actual);
    element(own, document, "P", `[${ref(link)}]`);
    owners.push(link);
  }
  objects.push([
    document,
    `<< /Type /StructElem /S /Document /P ${ref(root)} /K [${children.map(ref).join(" ")}] >>`,
  ]);
  const parents = [
    `0 [${owners.map(ref).join(" ")}]`,
    ...annotationOwners.map((owner, index) => `${index + 1} ${ref(owner)}`),
  ];
  objects.push([
    root,
    `<< /Type /StructTreeRoot /K ${ref(document)} /ParentTree << /Nums [${parents.join(" ")}] >> /ParentTreeNextKey ${annotationOwners.length + 1} >>`,
  ]);
  return { objects, root, annotations };
}

/** The XMP packet: title in the poster's language, language, producer, PDF/UA-1. */
export function xmp({ title, lang }: { title: string; lang: string }): string {
  const [t, l] = [escapeMarkup(title), escapeMarkup(lang)];
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    "<dc:format>application/pdf</dc:format>",
    // One entry: pdf.js (Firefox's viewer) shows every entry of the title, one after another.
    `<dc:title><rdf:Alt><rdf:li xml:lang="${l}">${t}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:language><rdf:Bag><rdf:li>${l}</rdf:li></rdf:Bag></dc:language>`,
    `<pdf:Producer>${escapeMarkup(PRODUCER)}</pdf:Producer>`,
    "<pdfuaid:part>1</pdfuaid:part>",
    "</rdf:Description>",
    "</rdf:RDF>",
    "</x:xmpmeta>",
    '<?xpacket end="w"?>',
  ].join("\n");
}
