/**
 * Runs every test/**\/*.test.ts file in one uvu process, then prints one closing line
 * "N passed, N failed" that any CI log reader understands. Pass a pattern to run some files:
 * `npm test -- campaign` runs the files whose path contains "campaign".
 */
// Before any suite draws: fontconfig reads its configuration once per process.
import "../src/render/fonts.ts";
import { parse } from "uvu/parse";
import { run } from "uvu/run";

const filter = process.argv[2];
const { suites } = await parse("test", /\.test\.ts$/, { cwd: process.cwd() });
const chosen = filter ? suites.filter((suite) => suite.name.includes(filter)) : suites;
// The dev-server suite starts a fresh `serve` process and times its start: it runs first, before
// the suites that run editors, builds and browsers inside this process and load the machine.
const selected = [
  ...chosen.filter((suite) => suite.name === "serve.test.ts"),
  ...chosen.filter((suite) => suite.name !== "serve.test.ts"),
];

let output = "";
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
  output += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
  return write(chunk, ...rest);
}) as typeof process.stdout.write;

await run(selected);
process.stdout.write = write;

// biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colour codes
const plain = output.replace(/\u001b\[[0-9;]*m/g, "");
const total = Number(/Total:\s+(\d+)/.exec(plain)?.[1] ?? 0);
const passed = Number(/Passed:\s+(\d+)/.exec(plain)?.[1] ?? 0);
const skipped = Number(/Skipped:\s+(\d+)/.exec(plain)?.[1] ?? 0);
const failed = total - passed - skipped;
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
if (total === 0 || failed > 0) process.exitCode = 1;
