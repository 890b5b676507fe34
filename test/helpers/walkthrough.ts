/**
 * What docs/guide.md asks the person launching a campaign to do in the editor, done as file
 * edits: the guide's test runs the guide's commands with these in between, and the guide's
 * screenshot script uses them for what its pictures do not show being typed. Each function names
 * the guide's section it stands for.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { type Document, parseDocument } from "yaml";

/** The editions the guide names: last year's example, and the one `new --from` makes of it. */
export const LAST_YEAR = "blue-heart-2023-be";
export const NEXT = "blue-heart-2024-be";
/** The language the guide adds and sends to a translator. */
export const ADDED_LANGUAGE = "pl";
/** The year the example's words mention, as history in their body and as a left-over in titles. */
export const OLD_YEAR = "2023";

/** The next 30 July still to come, in the local calendar: a day that is never past. */
export function comingDay(now = new Date()): string {
  return `${now.getFullYear() + 1}-07-30`;
}

async function editYaml(file: string, edit: (document: Document) => void): Promise<void> {
  const document = parseDocument(await fs.readFile(file, "utf8"));
  edit(document);
  await fs.writeFile(file, document.toString());
}

const settingsFile = (project: string) => path.join(project, "campaigns", NEXT, "campaign.yaml");
const contentDir = (project: string) => path.join(project, "campaigns", NEXT, "content");

async function contentFiles(project: string): Promise<string[]> {
  const names = await fs.readdir(contentDir(project));
  return names
    .filter((name) => /^page\..+\.md$/.test(name))
    .map((name) => path.join(contentDir(project), name));
}

async function editContent(project: string, edit: (text: string) => string): Promise<void> {
  for (const file of await contentFiles(project))
    await fs.writeFile(file, edit(await fs.readFile(file, "utf8")));
}

/** "Make next year's edition": the titles say the new year (the body's "July 2023" is history). */
export async function updateTitles(project: string, year: string): Promise<void> {
  await editContent(project, (text) =>
    text.replace(/^title: (.*)$/m, (line) => line.replaceAll(OLD_YEAR, year)),
  );
}

/** "Make next year's edition": Settings → Accepted, a code the check printed. */
export async function accept(project: string, ...codes: string[]): Promise<void> {
  await editYaml(settingsFile(project), (document) => {
    const accepted = (document.get("accepted") as { toJSON(): string[] } | undefined)?.toJSON() ?? [];
    document.set("accepted", [...accepted, ...codes]);
  });
}

/** "Change the date, theme line, colours and hotline", done in Settings and in the words. */
export async function changeDayThemeColoursHotline(project: string, day: string): Promise<void> {
  await editYaml(settingsFile(project), (document) => {
    document.set("date", day);
    document.setIn(["theme", "primary"], "#1d4ed8");
    document.setIn(["hotlines", 0, "hours"], "Mo-Fr 09:00-18:00; PH off");
  });
  await editContent(project, (text) =>
    text.includes("\ntitle: World Day")
      ? text.replace(/^tagline: .*$/m, "tagline: Every victim counts, call for help in confidence")
      : text,
  );
}

/** "Add a language": Settings → Languages. */
export async function addLanguage(project: string, lang: string): Promise<void> {
  await editYaml(settingsFile(project), (document) => {
    const languages = (document.get("languages") as { toJSON(): string[] }).toJSON();
    document.set("languages", [...languages, lang]);
  });
}

/** "Send words to a translator": what comes back, every unit translated (and signed off as final). */
export function translated(xliff: string, options: { changePhone?: string; leaveOut?: string } = {}): string {
  let text = xliff.replace(/<unit id="([^"]+)">([\s\S]*?)<\/unit>/g, (unit, id: string, body: string) =>
    id === options.leaveOut
      ? unit
      : `<unit id="${id}">${body
          .replace(
            /(<source xml:space="preserve">)([\s\S]*?)(<\/source>)/,
            (_match, open: string, source: string, close: string) =>
              `${open}${source}${close}<target xml:space="preserve">[pl] ${source}</target>`,
          )
          .replace('state="initial"', 'state="final"')}</unit>`,
  );
  if (options.changePhone)
    text = text.replace(/(<data id="d1">)[^<]*(<\/data>)/, `$1${options.changePhone}$2`);
  return text;
}

/**
 * "Check whether the site is ready": what the check lists, put right. The real addresses, the
 * line's own WhatsApp number, the partners' own logos, names and addresses, the words read by
 * fluent speakers, and the page's own words marked as read.
 */
export async function putRightWhatTheCheckLists(project: string): Promise<void> {
  await editYaml(settingsFile(project), (document) => {
    document.set("url", "https://www.stoptraite.be/2024/");
    document.set("contact", "accessibilite@stoptraite.be");
    document.setIn(["hotlines", 0, "whatsapp"], "+32 478 90 21 35");
    document.setIn(["hotlines", 0, "email"], "aide@stoptraite.be");
    document.setIn(["hotlines", 0, "web"], "https://www.stoptraite.be/contact/");
  });
  await accept(project, "unreviewed-strings");
  // Partners (shared list): each partner's own logo file, its address, its names.
  const partners = path.join(project, "assets/partners.yaml");
  await editYaml(partners, (document) => {
    const list = document.get("partners") as { items: Array<{ get(key: string): unknown }> };
    list.items.forEach((_partner, index) => {
      const id = String(list.items[index].get("id"));
      document.deleteIn(["partners", index, "placeholder"]);
      document.setIn(["partners", index, "logo"], `partners/${id}-own.svg`);
      document.setIn(["partners", index, "url"], `https://www.${id}.be/`);
    });
  });
  for (const id of ["payoke", "pag-asa", "surya", "fps-justice", "social-inspection", "benelux"]) {
    await fs.writeFile(
      path.join(project, "assets/partners", `${id}-own.svg`),
      `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="80" viewBox="0 0 240 80"><rect width="240" height="80" fill="#0f766e"/><circle cx="40" cy="40" r="24" fill="#ffffff"/></svg>\n`,
    );
  }
  // The partners named per language, named in the campaign's languages that lack a name.
  const names: Record<string, Record<string, string>> = {
    "fps-justice": {
      en: "FPS Justice",
      ar: "الهيئة الاتحادية للعدل",
      lb: "FÖD Justiz",
      pl: "FSP Sprawiedliwość",
    },
    "social-inspection": { ar: "التفتيش الاجتماعي", lb: "Sozialinspektioun", pl: "Inspekcja Społeczna" },
  };
  await editYaml(partners, (document) => {
    const list = document.get("partners") as { items: Array<{ get(key: string): unknown }> };
    for (const [id, byLanguage] of Object.entries(names)) {
      const index = list.items.findIndex((partner) => partner.get("id") === id);
      for (const [lang, name] of Object.entries(byLanguage))
        document.setIn(["partners", index, "names", lang], name);
    }
  });
  await editContent(project, (text) => text.replace(/^reviewed: false$/m, "reviewed: true"));
}
