import fs from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { ROOT } from "./helpers/fixtures.ts";

const test = suite("test suites");

test("every suite with a before hook uses the suite that reports the hook's failure", async () => {
  const files = (await fs.readdir(path.join(ROOT, "test"), { recursive: true })).filter((file) =>
    file.endsWith(".test.ts"),
  );
  const unguarded: string[] = [];
  for (const file of files) {
    const source = await fs.readFile(path.join(ROOT, "test", file), "utf8");
    if (
      /\.before\(/.test(source) &&
      !/import \{ suite \} from "\.{1,2}\/(\.\.\/)*helpers\/suite\.ts"/.test(source)
    )
      unguarded.push(file);
  }
  assert.equal(unguarded, [], "these import suite from uvu directly: a failing before hook would be silent");
});

test.run();
