/**
 * `edit`: the preview with live reload and the CMS at http://localhost:8080/admin/, with the
 * local backend: editing needs no account and saves into the working folder.
 */
import { parseArgs } from "node:util";
import { startEditor } from "../cms/editor.ts";

export async function run(argv: string[], context: { root: string }): Promise<number> {
  let values: { port?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { port: { type: "string" } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: campaign edit [--port <n>]`);
    return 2;
  }
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port: expected a port number such as 8080, got "${values.port}"`);
    return 2;
  }
  const editor = await startEditor({ root: context.root, port });
  console.log(`Editor: ${editor.url}admin/   Preview: ${editor.url}   (Ctrl+C to stop)`);
  return 0;
}
