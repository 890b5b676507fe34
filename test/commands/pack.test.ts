import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import yauzl from "yauzl";
import { packFolder } from "../../src/commands/pack.ts";
import { ROOT, tempDir } from "../helpers/fixtures.ts";
import { exampleSite } from "../helpers/site.ts";

const run = promisify(execFile);
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

interface Entry {
  name: string;
  data: Buffer;
  modified: Date;
  /** General-purpose bit 3: a data descriptor follows the entry (streaming readers refuse it after a stored one). */
  descriptor: boolean;
}

/** Reads a zip with yauzl, a second implementation independent of the one that wrote it. */
function readZip(file: string): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries: Entry[] = [];
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            entries.push({
              name: entry.fileName,
              data: Buffer.concat(chunks),
              modified: entry.getLastModDate(),
              descriptor: (entry.generalPurposeBitFlag & 0x8) !== 0,
            });
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(entries));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

const test = suite("pack");

test("the zip holds every file of the campaign folder, sorted, with its exact bytes", async () => {
  const site = await exampleSite();
  const folder = path.join(site, "benelux-2021");
  const out = await tempDir();
  const { files, bytes } = await packFolder(folder, path.join(out, "benelux-2021.zip"));
  const expected = await filesUnder(folder);
  const entries = await readZip(path.join(out, "benelux-2021.zip"));
  assert.equal(
    entries.map((entry) => entry.name),
    expected,
  );
  assert.is(files, expected.length);
  assert.is(bytes, (await fs.stat(path.join(out, "benelux-2021.zip"))).size);
  for (const entry of entries) {
    assert.ok(entry.data.equals(await fs.readFile(path.join(folder, entry.name))), entry.name);
    assert.is(entry.modified.getFullYear(), 1980, entry.name);
    assert.not.ok(entry.descriptor, `${entry.name} is followed by a data descriptor`);
  }
  await fs.rm(out, { recursive: true });
});

test("packing twice, even after the files' times change, gives the same bytes", async () => {
  const site = await exampleSite();
  const folder = path.join(site, "benelux-2021");
  const out = await tempDir();
  await packFolder(folder, path.join(out, "a.zip"));
  await fs.utimes(path.join(folder, "fr/index.html"), new Date(), new Date(2001, 1, 1));
  await packFolder(folder, path.join(out, "b.zip"));
  const [a, b] = await Promise.all([
    fs.readFile(path.join(out, "a.zip")),
    fs.readFile(path.join(out, "b.zip")),
  ]);
  assert.ok(a.equals(b), "the two archives differ");
  await fs.rm(out, { recursive: true });
});

test("npm run pack prints the size and file count; an unbuilt campaign is a clear error", async () => {
  const site = await exampleSite();
  const out = await tempDir();
  const cli = path.join(ROOT, "src/cli.ts");
  const { stdout } = await run(TSX, [cli, "pack", "benelux-2021", "--site", site, "--out", out], {
    cwd: ROOT,
  });
  const count = (await filesUnder(path.join(site, "benelux-2021"))).length + 1;
  assert.match(stdout, `${count} files`);
  assert.match(stdout, /\d+(\.\d)? (KB|MB)/);
  // The archive carries the campaign's own _headers, for a host where it is the whole site.
  assert.match(stdout, "_headers");
  const headers = (await readZip(path.join(out, "benelux-2021.zip"))).find(
    (entry) => entry.name === "_headers",
  );
  assert.ok(headers, "no _headers in the archive");
  assert.match(headers.data.toString(), /^\/\*\n {2}X-Content-Type-Options: nosniff$/m);
  assert.match(headers.data.toString(), /^\/assets\/logos\/\*$/m);
  const failed = await run(TSX, [cli, "pack", "nowhere", "--site", site, "--out", out], { cwd: ROOT }).catch(
    (error) => error as { code: number; stderr: string },
  );
  assert.is((failed as { code: number }).code, 2);
  assert.match((failed as { stderr: string }).stderr, 'no built campaign "nowhere"');
  assert.not.match((failed as { stderr: string }).stderr, "    at ");
  await fs.rm(out, { recursive: true });
});

test.run();
