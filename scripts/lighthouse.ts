/**
 * Lighthouse over every page of the built examples (run `npm run build` first): prints the four
 * scores of each page and what lost points; exits with 1 unless every page scores 100 in all four.
 *
 *   npm run lighthouse              # every page of _site/ but the team's index
 *   npm run lighthouse -- /blue-heart-2023-be/ar/   # only pages whose path contains this
 */
import path from "node:path";
import { lighthouseScores } from "../test/helpers/lighthouse.ts";
import { htmlPages, serveStatic } from "../test/helpers/site.ts";

const SITE = path.resolve(import.meta.dirname, "..", "_site");
const filter = process.argv[2] ?? "";
const pages = (await htmlPages(SITE)).filter((page) => page !== "/" && page.includes(filter));
const server = await serveStatic(SITE);
let below = 0;
try {
  for (const page of pages) {
    const [result] = await lighthouseScores([server.origin + page]);
    const scores = Object.values(result.scores);
    if (scores.some((score) => score < 100)) below++;
    console.log(`${scores.join(" / ")}  ${page}`);
    for (const failing of result.failing) console.log(`    ${failing}`);
  }
} finally {
  await server.close();
}
console.log(
  `${pages.length} pages; ${below} below 100 (performance / accessibility / best practices / SEO).`,
);
process.exit(below > 0 ? 1 : 0);
