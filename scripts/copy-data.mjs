// After `tsc`: copies what the code reads at run time beside the compiled modules (page routes,
// UI strings, the editor's page), so dist/ runs on its own, without src/.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const from = path.resolve(here, "../src");
const to = path.resolve(here, "../dist");
let copied = 0;
for (const relative of fs.readdirSync(from, { recursive: true, encoding: "utf8" })) {
  if (relative.endsWith(".ts") || !fs.statSync(path.join(from, relative)).isFile()) continue;
  fs.mkdirSync(path.dirname(path.join(to, relative)), { recursive: true });
  fs.copyFileSync(path.join(from, relative), path.join(to, relative));
  copied++;
}
if (copied === 0) throw new Error(`no data files found under ${from}`);
