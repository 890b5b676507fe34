import { suite } from "uvu";
import * as assert from "uvu/assert";
import { type Inline, protectedProblems } from "../../src/translations/protected.ts";
import type { Run } from "../../src/translations/segments.ts";
import { numbered } from "../../src/translations/xliff.ts";

const text = (value: string): Run => ({ kind: "text", text: value });
const phone = (data: string, id = "1"): Run => ({
  kind: "ph",
  id,
  data,
  what: "phone number",
  deletable: false,
});
const lineBreak = (data: string, id: string): Run => ({
  kind: "ph",
  id,
  data,
  what: "line break",
  deletable: true,
});
const link = (url: string, words: string, id = "1"): Run => ({
  kind: "pc",
  id,
  start: "[",
  end: `](${url})`,
  what: `link to ${url}`,
  runs: [text(words)],
});
const elementsChanged = () => "inline elements changed";

/** The source as an export numbers it: "Call 078 055 800 or see the site." */
const SOURCE = numbered([
  text("Appelez le "),
  { kind: "ph", data: "078 055 800", what: "phone number", deletable: false },
  text(" ou voyez "),
  {
    kind: "pc",
    start: "[",
    end: "](https://www.example.be/contact)",
    what: "link to https://www.example.be/contact",
    runs: [text("le site")],
  },
  text("."),
]);

const test = suite("protectedProblems");

test("a translation with the source's values, in another order and spacing, has no problems", () => {
  const target = [
    text("Zie "),
    link("https://www.example.be/contact", "de site", "2"),
    text(" of bel "),
    phone("078\u00a0055\u00a0800"),
    text(" (24 uur op 24, 7 op 7): 5 * 3 = 15, file_name."),
  ];
  assert.equal(protectedProblems(SOURCE, target, elementsChanged), []);
});

test("a changed phone number or link address is named with its old and new value", () => {
  const target = [
    text("Bel "),
    phone("078 000 000"),
    text(" of zie "),
    link("https://evil.example/", "de site", "2"),
  ];
  const [number, address] = protectedProblems(SOURCE, target, elementsChanged);
  assert.is(
    number,
    'protected value changed from "078 055 800" to "078 000 000"; protected values (phone numbers, addresses, code, {placeholders}) must stay as exported: export again or restore it',
  );
  assert.match(
    address,
    'protected value changed from "[…](https://www.example.be/contact)" to "[…](https://evil.example/)"',
  );
});

test("a phone number cut by a line end is not the same number", () => {
  const target = [phone("078\n\n055 800"), link("https://www.example.be/contact", "site", "2")];
  assert.match(
    protectedProblems(SOURCE, target, elementsChanged).join("\n"),
    'changed from "078 055 800" to "078\n\n055 800"',
  );
});

test("an element dropped, copied or unknown to the source goes to elementsChanged", () => {
  const said = (target: Run[]) => {
    let lists = "";
    protectedProblems(SOURCE, target, (missing, added) => {
      const values = (runs: Inline[]) =>
        runs.map((run) => (run.kind === "ph" ? run.data : run.end)).join(" ");
      lists = `missing: ${values(missing)}; added: ${values(added)}`;
      return "";
    });
    return lists;
  };
  const site = link("https://www.example.be/contact", "de site", "2");
  assert.is(said([text("Zie "), site]), "missing: 078 055 800; added: ");
  assert.is(said([phone("078 055 800"), phone("078 055 800"), site]), "missing: ; added: 078 055 800");
  assert.is(
    said([phone("078 055 800"), site, link("https://evil.example/", "hier", "3")]),
    "missing: ; added: ](https://evil.example/)",
  );
});

test("a line break may go, move or be written another way, but carries nothing else", () => {
  const source = numbered([
    text("Une"),
    { kind: "ph", data: "\n", what: "line break", deletable: true },
    text("deux"),
  ]);
  assert.equal(protectedProblems(source, [text("Eén twee")], elementsChanged), []);
  assert.equal(
    protectedProblems(source, [text("Eén"), lineBreak("  \n", "1"), text("twee")], elementsChanged),
    [],
  );
  assert.match(
    protectedProblems(
      source,
      [text("Eén"), lineBreak("\n\nBel 0800 000 000\n", "1")],
      elementsChanged,
    ).join(),
    'changed from "\n" to "\n\nBel 0800 000 000\n"',
  );
});

test("links, addresses and phone-like numbers typed into a translation are named", () => {
  const kept = [phone("078 055 800"), link("https://www.example.be/contact", "site", "2")];
  const typed = (words: string) => protectedProblems(SOURCE, [...kept, text(words)], elementsChanged);
  assert.equal(typed(" [hier](https://evil.example/x)."), [
    "adds what the source does not have: a link to https://evil.example/x; a translation may not add links, web or e-mail addresses or phone numbers: remove it, and write other numbers (dates, amounts) as the source writes them",
  ]);
  assert.match(typed(" <https://evil.example>").join(), "a link to https://evil.example;");
  assert.match(typed(" ![](https://evil.example/i.png)").join(), "a link to https://evil.example/i.png;");
  assert.match(typed(" zie www.evil.example.").join(), 'have: "www.evil.example";');
  assert.match(typed(" of mail hulp@evil.example.").join(), 'have: "hulp@evil.example";');
  assert.match(typed(" of bel +32 470 12-34-56.").join(), 'have: "+32 470 12-34-56";');
  assert.match(typed(" of ٠٨٠٠ ١٢٣ ٤٥٦.").join(), 'have: "٠٨٠٠ ١٢٣ ٤٥٦";');
  // Digits typed beside the protected number make another number.
  assert.match(
    protectedProblems(SOURCE, [text("1"), ...kept], elementsChanged).join(),
    'have: "1078 055 800";',
  );
  // What the source has may come back as text; short numbers and dates are words.
  assert.equal(typed(" www.example.be/contact, 30 juli 2023, 112, 2021-2024."), []);
});

test.run();
