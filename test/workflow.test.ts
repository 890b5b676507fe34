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
  on: { push?: { branches?: string[] }; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  env?: Record<string, string | number>;
  jobs: Record<
    string,
    { steps: Step[]; needs?: string | string[]; strategy?: { matrix: Record<string, unknown[]> } }
  >;
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

test("the sharded option: a matrix of shares feeds one merge, which deploys; off unless run by hand", async () => {
  const workflow = parse(
    await fs.readFile(path.join(ROOT, ".github/workflows/pages-sharded.yml"), "utf8"),
  ) as Workflow;
  assert.is(workflow.on.push, undefined, "the sharded workflow must not run on push by default");
  assert.ok("workflow_dispatch" in workflow.on);
  const count = Number(workflow.env?.SHARDS);
  assert.equal(
    workflow.jobs.shard.strategy?.matrix.shard,
    Array.from({ length: count }, (_, index) => index + 1),
  );
  const shardRun = workflow.jobs.shard.steps.find((step) => step.run)?.run ?? "";
  // GitHub's expressions, not a template string.
  const expression = (name: string) => `\${{ ${name} }}`;
  assert.match(
    shardRun,
    `npm run build -- --shard ${expression("matrix.shard")}/${expression("env.SHARDS")}`,
  );
  const mergeRuns = workflow.jobs.merge.steps.filter((step) => step.run).map((step) => step.run);
  assert.ok(mergeRuns.some((run) => run?.includes("npm run build -- --merge shards/shard-*")));
  assert.equal(workflow.jobs.merge.needs, ["test", "shard"]);
  const upload = workflow.jobs.merge.steps.find((step) =>
    step.uses?.startsWith("actions/upload-pages-artifact@"),
  );
  assert.is(String(upload?.with?.path).replace(/\/$/, ""), "_site");
  assert.is(workflow.jobs.deploy.needs, "merge");
  assert.is(workflow.permissions.pages, "write");
});

test.run();
