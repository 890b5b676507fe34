import fs from "node:fs/promises";
import path from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { STRINGS_DIR } from "../../src/i18n/strings.ts";
import { CampaignError } from "../../src/problems/problem.ts";
import { exportUi, importUi } from "../../src/translations/ui.ts";
import { readXliff, writeXliff, XLIFF_NAMESPACE } from "../../src/translations/xliff.ts";
import { tempDir } from "../helpers/fixtures.ts";

async function copyStrings(): Promise<string> {
  const dir = await tempDir("ui-strings-");
  await fs.cp(STRINGS_DIR, dir, { recursive: true });
  return dir;
}

const test = suite("translations: UI strings");

test("export then import without edits gives every strings file back byte for byte", async () => {
  const dir = await copyStrings();
  for (const name of await fs.readdir(STRINGS_DIR)) {
    const lang = path.basename(name, ".json");
    const xml = writeXliff(await exportUi({ to: lang, stringsDir: dir }));
    const result = await importUi(readXliff(xml), `${lang}.xlf`, dir);
    assert.is(
      await fs.readFile(result.file, "utf8"),
      await fs.readFile(path.join(STRINGS_DIR, name), "utf8"),
      lang,
    );
  }
  await fs.rm(dir, { recursive: true });
});

test("placeholders are protected and the reviewed state is carried", async () => {
  const xml = writeXliff(await exportUi({ to: "nl" }));
  const document = new DOMParser().parseFromString(xml, "text/xml");
  const unit = Array.from(document.getElementsByTagNameNS(XLIFF_NAMESPACE, "unit")).find(
    (element) => element.getAttribute("id") === "hotline.callLabel",
  );
  assert.ok(unit, "a unit per string, named by its key");
  const ph = unit.getElementsByTagNameNS(XLIFF_NAMESPACE, "ph");
  assert.is(ph.length, 2, "{number} in the source and the target");
  assert.is(ph[0].getAttribute("canDelete"), "no");
  const segment = unit.getElementsByTagNameNS(XLIFF_NAMESPACE, "segment")[0];
  assert.is(segment.getAttribute("state"), "translated", "the Dutch drafts are not reviewed");
  const english = writeXliff(await exportUi({ to: "en" }));
  assert.ok(
    english.includes('state="final"') && !english.includes('state="translated"'),
    "English is reviewed",
  );
});

test("each weekday's whole sentence is a unit of its own, its {time} protected", async () => {
  const xml = writeXliff(await exportUi({ to: "uk" }));
  const document = new DOMParser().parseFromString(xml, "text/xml");
  const units = Array.from(document.getElementsByTagNameNS(XLIFF_NAMESPACE, "unit"));
  const ids = units.map((unit) => unit.getAttribute("id"));
  for (const day of ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]) {
    const unit = units.find((element) => element.getAttribute("id") === `hotlineDetails.opensOn.${day}`);
    assert.ok(unit, day);
    assert.is(
      unit.getElementsByTagNameNS(XLIFF_NAMESPACE, "ph").length,
      2,
      `${day}: {time} in source and target`,
    );
  }
  assert.ok(ids.includes("hotlineDetails.opensToday") && ids.includes("hotlineDetails.opensTomorrow"));
  assert.not.ok(ids.includes("hotlineDetails.closedNow"), "no sentence with a weekday glued in");
  const target = units.find((element) => element.getAttribute("id") === "hotlineDetails.opensOn.tue");
  assert.match(target?.textContent ?? "", "у вівторок");
});

test("final units make a reviewed file; a changed placeholder is refused with its unit", async () => {
  const dir = await copyStrings();
  const exported = await exportUi({ to: "nl", stringsDir: dir });
  const final = { ...exported, units: exported.units.map((unit) => ({ ...unit, state: "final" as const })) };
  const result = await importUi(readXliff(writeXliff(final)), "nl.xlf", dir);
  assert.ok(result.reviewed);
  assert.is(JSON.parse(await fs.readFile(result.file, "utf8")).reviewed, true);

  const before = await fs.readFile(path.join(dir, "nl.json"), "utf8");
  const broken = writeXliff(exported).replace(
    /(<unit id="hotline.callLabel">[\s\S]*?<target xml:space="preserve">[^<]*)<ph[^>]*\/>/,
    "$1{nummer}",
  );
  try {
    await importUi(readXliff(broken), "nl.xlf", dir);
    assert.unreachable("a dropped placeholder must be refused");
  } catch (error) {
    assert.instance(error, CampaignError);
    assert.match((error as Error).message, "nl.xlf unit hotline.callLabel: placeholders changed");
  }
  assert.is(await fs.readFile(path.join(dir, "nl.json"), "utf8"), before, "nothing written");
  await fs.rm(dir, { recursive: true });
});

/** Imports an edited export of the Dutch strings; returns the refusal, checking nothing was written. */
async function refusedNl(edit: (xml: string) => string): Promise<string> {
  const dir = await copyStrings();
  const before = await fs.readFile(path.join(dir, "nl.json"), "utf8");
  const xml = edit(writeXliff(await exportUi({ to: "nl", stringsDir: dir })));
  let message = "";
  try {
    await importUi(readXliff(xml), "nl.xlf", dir);
    assert.unreachable("expected a refusal");
  } catch (error) {
    assert.instance(error, CampaignError);
    message = (error as Error).message;
  }
  assert.is(await fs.readFile(path.join(dir, "nl.json"), "utf8"), before, "nothing written");
  await fs.rm(dir, { recursive: true });
  return message;
}

test("a placeholder changed inside <originalData> is refused with its old and new value", async () => {
  const message = await refusedNl((xml) =>
    xml.replace(/(<unit id="hotline.callLabel">[\s\S]*?<data id="d1">)\{number\}/, "$1{nummer}"),
  );
  assert.is(
    message,
    'nl.xlf unit hotline.callLabel: protected value changed from "{number}" to "{nummer}"; protected values (phone numbers, addresses, code, {placeholders}) must stay as exported: export again or restore it',
  );
});

test("a phone number or an address typed into a string is refused", async () => {
  const message = await refusedNl((xml) =>
    xml.replace(
      /(<unit id="hotline.callLabel">[\s\S]*?<target xml:space="preserve">)Bel/,
      "$1Bel 0800 000 000 of https://evil.example, niet",
    ),
  );
  assert.match(
    message,
    'nl.xlf unit hotline.callLabel: adds what the source does not have: "https://evil.example", "0800 000 000"; a translation may not add',
  );
});

test("a language that is not a language tag is refused: it names the files read and written", async () => {
  const message = await refusedNl((xml) => xml.replace('trgLang="nl"', 'trgLang="../nl"'));
  assert.is(message, 'nl.xlf: trgLang "../nl" is not a language tag; export the file again');
});

test("a skeleton that is not an object is refused, not a crash", async () => {
  const message = await refusedNl((xml) =>
    xml.replace(/<skeleton>[\s\S]*?<\/skeleton>/, "<skeleton>null</skeleton>"),
  );
  assert.match(message, "nl.xlf: the <skeleton> is missing or changed");
});

test.run();
