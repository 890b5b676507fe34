/** `serve [--port <n>] [--host <address>]`: the preview with live reload, written to .cache/preview. */
import { runPreview } from "./preview.ts";
import type { CommandContext } from "./shared.ts";

export async function run(argv: string[], context: CommandContext): Promise<number> {
  return runPreview(argv, context, {
    editor: false,
    usage: "campaign serve [--port <n>] [--host <address>]",
  });
}
