/**
 * `edit [--port <n>] [--host <address>]`: the preview with live reload and the editor at /admin/,
 * with the local backend: editing needs no account and saves into campaigns/ and assets/.
 */
import { runPreview } from "./preview.ts";
import type { CommandContext } from "./shared.ts";

export async function run(argv: string[], context: CommandContext): Promise<number> {
  return runPreview(argv, context, { editor: true, usage: "campaign edit [--port <n>] [--host <address>]" });
}
