/** `serve [--port <n>]`: Eleventy's dev server with live reload, writing to .cache/preview. */
import { type CommandContext, guarded, parseOptions } from "./shared.ts";

export async function run(argv: string[], context: CommandContext): Promise<number> {
  return guarded(argv, async () => {
    const { values } = parseOptions(argv, { port: { type: "string" } });
    const { serve } = await import("../serve.ts");
    await serve({ root: context.root, port: values.port ? Number(values.port) : 8080 });
    return 0;
  });
}
