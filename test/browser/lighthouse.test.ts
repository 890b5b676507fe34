import { suite } from "uvu";
import * as assert from "uvu/assert";
import { findBrowser } from "../helpers/browser.ts";
import { lighthouseScores } from "../helpers/lighthouse.ts";
import { exampleSite, serveStatic } from "../helpers/site.ts";

const test = suite("Lighthouse");
const it = findBrowser() || process.env.REQUIRE_BROWSER === "1" ? test : test.skip;

it("a left-to-right and a right-to-left campaign page score 100 in all four categories", async () => {
  const server = await serveStatic(await exampleSite());
  try {
    const results = await lighthouseScores([
      `${server.origin}/blue-heart-2023-be/fr/`,
      `${server.origin}/blue-heart-2023-be/ar/`,
    ]);
    const below = results.flatMap((result) =>
      Object.entries(result.scores)
        .filter(([, score]) => score < 100)
        .map(([name, score]) => `${result.url} ${name} ${score}: ${result.failing.join("; ")}`),
    );
    assert.equal(below, []);
  } finally {
    await server.close();
  }
});

test.run();
