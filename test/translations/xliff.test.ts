import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { Run } from "../../src/translations/segments.ts";
import { numbered, readXliff, writeXliff } from "../../src/translations/xliff.ts";

const test = suite("numbered");

test("gives inline elements the ids the written file carries: by position, a link before what is inside it", () => {
  const runs: Run[] = [
    { kind: "ph", data: "`code`", what: "code", deletable: false },
    {
      kind: "pc",
      start: "[",
      end: "](https://www.example.be/)",
      what: "link",
      runs: [{ kind: "ph", data: "078 055 800", what: "phone number", deletable: false }],
    },
    { kind: "text", text: " " },
    { kind: "ph", data: "\n", what: "line break", deletable: true },
  ];
  const ids = (list: readonly Run[]): string[] =>
    list.flatMap((run) =>
      run.kind === "text" ? [] : run.kind === "ph" ? [`${run.id}`] : [`${run.id}`, ...ids(run.runs)],
    );
  const [unit] = readXliff(
    writeXliff({
      srcLang: "fr",
      trgLang: "nl",
      kind: "content",
      original: "x",
      skeleton: "[]",
      units: [{ id: "b1", notes: [], source: runs, state: "initial" }],
    }),
  ).units;
  assert.equal(ids(numbered(runs)), ["1", "2", "3", "4"]);
  assert.equal(ids(unit.source), ids(numbered(runs)));
});

test.run();
