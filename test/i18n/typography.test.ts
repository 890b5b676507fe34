import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseHours } from "../../src/campaign/hotline-details.ts";
import { formatDate } from "../../src/i18n/languages.ts";
import { availableLanguages, flatKeys, uiStrings } from "../../src/i18n/strings.ts";
import { typeset, unbreakable } from "../../src/i18n/typography.ts";
import { layoutText } from "../../src/render/line-breaking.ts";
import { shapeText } from "../../src/render/shaping.ts";
import { hoursRows } from "../../src/site/hotline-hours.ts";

const test = suite("typography by language");
const NNBSP = "\u202f";
const NBSP = "\u00a0";

test("French: a narrow no-break space before : ; ! ? and inside « », and its quotes", () => {
  assert.is(
    typeset("Partenaires: Payoke; appelez!", "fr"),
    `Partenaires${NNBSP}: Payoke${NNBSP}; appelez${NNBSP}!`,
  );
  assert.is(typeset("Pourquoi ?", "fr"), `Pourquoi${NNBSP}?`);
  assert.is(
    typeset('Le thème "Chaque victime compte"', "fr"),
    `Le thème «${NNBSP}Chaque victime compte${NNBSP}»`,
  );
  assert.is(typeset("« déjà »", "fr-BE"), `«${NNBSP}déjà${NNBSP}»`);
  assert.is(typeset("100 % gratuit", "fr"), `100${NNBSP}% gratuit`);
});

test("French: a time keeps its colon unspaced; typesetting twice adds nothing", () => {
  assert.is(
    typeset("Ouvre à 09:00, ferme à 17:30 : appelez", "fr"),
    `Ouvre à 09:00, ferme à 17:30${NNBSP}: appelez`,
  );
  for (const text of ["Partenaires: x", "« x »", "100 %", "Quoi ?", `Langues${NBSP}: x`, `a${NNBSP}; b`]) {
    const once = typeset(text, "fr");
    assert.is(typeset(once, "fr"), once, text);
    assert.not.match(once, /[\u00a0\u202f ]{2}/, `${text}: one space, never two`);
  }
});

test("French UI strings are written typeset: no ordinary space before : ; ! ? », after «, or before %", () => {
  const fr = uiStrings("fr");
  assert.ok(fr);
  for (const key of flatKeys(fr.strings)) {
    const node = key
      .split(".")
      .reduce<unknown>((tree, part) => (tree as Record<string, unknown>)[part], fr.strings);
    // A plural group is one key: each of its forms is checked.
    for (const written of typeof node === "string" ? [node] : Object.values(node as Record<string, string>)) {
      assert.not.match(written, / [:;!?»%]|« /, `fr ${key}: "${written}"`);
      // What the file says is what the page shows: typesetting it changes nothing.
      assert.is(typeset(written, "fr"), written, `fr ${key}`);
    }
  }
});

test("a number and its percent sign are never broken, in any language", () => {
  for (const tag of availableLanguages()) {
    const strings = uiStrings(tag);
    assert.ok(strings);
    assert.not.match(JSON.stringify(strings.strings), /\d [%٪]/, `${tag}: "100 %" with an ordinary space`);
  }
});

test("HTML keeps its tags and addresses as they are", () => {
  const html = '<p>Voir: <a href="https://www.example.be/a:b?x=1">la page</a></p>';
  assert.is(typeset(html, "fr"), `<p>Voir${NNBSP}: <a href="https://www.example.be/a:b?x=1">la page</a></p>`);
});

test("an address in running text stays as written, in any language's rules", () => {
  const alt = "Code QR qui ouvre https://www.example.org/benelux-2021/fr/";
  assert.is(typeset(alt, "fr"), alt);
  assert.is(
    typeset("Écrivez: mailto:aide@example.be ou www.example.be/a?b=1!", "fr"),
    `Écrivez${NNBSP}: mailto:aide@example.be ou www.example.be/a?b=1${NNBSP}!`,
  );
  assert.is(typeset('See "https://example.org/a"', "en"), "See “https://example.org/a”");
  assert.is(
    typeset('<p>Voir <a href="https://x.be/">https://x.be/</a>: ici</p>', "fr"),
    `<p>Voir <a href="https://x.be/">https://x.be/</a>${NNBSP}: ici</p>`,
  );
});

test("English takes curly quotes; a language without rules is left as written", () => {
  assert.is(typeset('The "Blue Heart" day', "en"), "The “Blue Heart” day");
  assert.is(typeset("Partners: Payoke", "en"), "Partners: Payoke");
  assert.is(typeset('Partenaires: "x"', "ti"), 'Partenaires: "x"');
});

test("dates, time ranges and numbers never break across lines", () => {
  assert.is(formatDate("2023-07-30", "fr"), `30${NBSP}juillet${NBSP}2023`);
  const week = parseHours("Sa 10:00-14:00", "Europe/Brussels");
  if (typeof week === "string") throw new Error(week);
  assert.not.match(hoursRows(week, "fr")[0].times, / /);
  assert.not.match(hoursRows(week, "ar")[0].times, /[ \u2009]/);
  assert.is(unbreakable("078 055 800"), `078${NBSP}055${NBSP}800`);
});

test("the posters' line breaker never breaks at a no-break space", () => {
  const text = `Samedi ${unbreakable("10:00 – 14:00")}`;
  const lastLine = (words: string) => {
    const laid = layoutText(shapeText(words, "fr", "regular", "ltr"), 40, 320, "ltr", "regular");
    return laid.lines[laid.lines.length - 1].length;
  };
  // Too narrow for the whole line: with ordinary spaces the range is cut ("… 10:00 –" / "14:00"),
  // with no-break spaces it moves to the next line whole (13 glyphs).
  assert.ok(lastLine("Samedi 10:00 – 14:00") < 13);
  assert.is(lastLine(text), 13);
});

test.run();
