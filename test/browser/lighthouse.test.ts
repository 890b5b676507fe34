import { suite } from "uvu";
import * as assert from "uvu/assert";
import { findBrowser } from "../helpers/browser.ts";
import { lighthouseScores } from "../helpers/lighthouse.ts";
import { exampleSite, serveStatic } from "../helpers/site.ts";

const test = suite("Lighthouse");
const it = findBrowser() || process.env.REQUIRE_BROWSER === "1" ? test : test.skip;

// One page of every kind the site has, left to right and right to left, and two pages of the
// thirteen-language test campaign (Chinese loads the largest fonts); `npm run lighthouse` runs every page of the examples. In the
// machine's default fonts (browser.ts, through lighthouse.ts).
const PAGES = [
  "/blue-heart-2023-be/",
  "/blue-heart-2023-be/fr/",
  "/blue-heart-2023-be/ar/",
  "/many-languages/uk/",
  "/many-languages/zh/",
  "/blue-heart-2023-be/fr/share/",
  "/blue-heart-2023-be/ar/frame/",
  "/blue-heart-2023-be/fr/safety/",
  "/blue-heart-2023-be/ar/accessibility/",
  "/blue-heart-2023-be/404.html",
];

it("a page of every kind scores 100 in all four categories", async () => {
  const server = await serveStatic(await exampleSite());
  try {
    const results = await lighthouseScores(PAGES.map((page) => server.origin + page));
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
