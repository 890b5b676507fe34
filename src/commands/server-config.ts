/**
 * `server-config nginx|apache [--site <dir>]`: prints the headers for the built site in the
 * web server's own configuration language, from the same rules as the build's `_headers`.
 */
import path from "node:path";
import { commandLine } from "../project/paths.ts";
import { type CommandContext, guarded, parseOptions, UsageError } from "./shared.ts";

const USAGE = "campaign server-config nginx|apache [--site <dir>]";

export async function run(argv: string[], context: CommandContext): Promise<number> {
  return guarded(argv, async () => {
    const { values, positionals } = parseOptions(argv, { site: { type: "string" } });
    const [server] = positionals;
    if (server !== "nginx" && server !== "apache") {
      throw new UsageError(`Expected nginx or apache${server ? `, not "${server}"` : ""}.\nUsage: ${USAGE}`);
    }
    const site = path.resolve(values.site ?? path.join(context.root, "_site"));
    const { hostRules, nginxConfig, apacheConfig } = await import("../site/headers.ts");
    const rules = await hostRules(site).catch(() => undefined);
    if (!rules || rules.common.length < 4) {
      throw new UsageError(
        `${path.relative(process.cwd(), site) || site}: no built site; build it first with: ${commandLine("build")}`,
      );
    }
    process.stdout.write(server === "nginx" ? nginxConfig(rules) : apacheConfig(rules));
    return 0;
  });
}
