import fs from "node:fs/promises";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { ROOT } from "./helpers/fixtures.ts";

const test = suite("GitHub Pages workflow");

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: { push?: { branches?: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[]; needs?: string }>;
}

/** The commands of the README's "Two commands" block, without their comments. */
async function readmeCommands(): Promise<string[]> {
  const readme = await fs.readFile(path.join(ROOT, "README.md"), "utf8");
  const section = readme.split(/^## Two commands$/m)[1]?.split(/^## /m)[0] ?? "";
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  return block
    .split("\n")
    .map((line) => line.replace(/#.*$/, "").trim())
    .filter(Boolean);
}

test("it runs the README's two commands, in order, then publishes _site/", async () => {
  const workflow = parse(
    await fs.readFile(path.join(ROOT, ".github/workflows/pages.yml"), "utf8"),
  ) as Workflow;
  const commands = await readmeCommands();
  assert.equal(commands, ["npm ci && npm run build", "npm test"]);
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const runs = steps.filter((step) => step.run).map((step) => step.run?.trim());
  assert.equal(runs, commands);
  const upload = steps.find((step) => step.uses?.startsWith("actions/upload-pages-artifact@"));
  assert.ok(upload, "no upload-pages-artifact step");
  assert.is(String(upload.with?.path).replace(/\/$/, ""), "_site");
  assert.ok(
    steps.some((step) => step.uses?.startsWith("actions/deploy-pages@")),
    "no deploy-pages step",
  );
});

test("it runs on a push to main with the permissions Pages needs", async () => {
  const workflow = parse(
    await fs.readFile(path.join(ROOT, ".github/workflows/pages.yml"), "utf8"),
  ) as Workflow;
  assert.equal(workflow.on.push?.branches, ["main"]);
  assert.is(workflow.permissions.pages, "write");
  assert.is(workflow.permissions["id-token"], "write");
  assert.is(workflow.jobs.deploy?.needs, "build");
});

test.run();
