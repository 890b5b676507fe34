/**
 * The command line. It reads only the command's name, then loads that command's module
 * (src/commands/<name>.ts), so `--help` or a mistyped command answers without loading Eleventy,
 * sharp or the validator. Each command parses its own options and returns its exit code.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

const USAGE = `Usage: campaign <command> [options]

Commands:
  check [--campaign <slug>] [--translations]
                                  validate campaigns without building; with
                                  --translations, a table of each language's status
  build [--campaign <slug>] [--out <dir>] [--base-url <url>] [--timings] [--pseudo]
        [--with-admin [--admin-repo github:<owner>/<name>]]
                                  build the sites into _site/ (or --out); --pseudo adds
                                  the layout-test languages en-XA and ar-XB; --with-admin
                                  adds the CMS under <slug>/admin/
  edit [--port <n>] [--host <address>]
                                  the preview and the CMS at /admin/ (local backend),
                                  on this computer only; open the address it prints
  new <slug> [--template <name>]  create a campaign from a template's starter
  new [<slug>] --from <slug> [--date YYYY-MM-DD]
                                  next year's edition of an existing campaign
  serve [--port <n>] [--host <address>]
                                  preview on this computer with live reload
  pack <slug> [--out <dir>]       write exports/<slug>.zip of a built campaign, ready to upload
  server-config nginx|apache [--site <dir>]
                                  print the security headers of the built site for
                                  that web server (Netlify and Cloudflare Pages read
                                  the build's _headers)
  migrate-content [--campaign <slug>]
                                  rename content/<lang>.md to content/page.<lang>.md
                                  (the layout the CMS reads)
  translations export|export-ui|import
                                  XLIFF 2.0 for translators (run: campaign translations)

Options:
  --campaigns <dir>               the folder of campaigns (default: campaigns/)
  --debug                         show stack traces
  --help                          show this help`;

export async function main(argv: string[]): Promise<number> {
  const index = argv.findIndex((arg) => !arg.startsWith("-"));
  const command = index === -1 ? undefined : argv[index];
  const rest = index === -1 ? argv : [...argv.slice(0, index), ...argv.slice(index + 1)];
  if (!command || rest.includes("--help") || rest.includes("-h")) {
    const asked = rest.includes("--help") || rest.includes("-h");
    if (asked || !command) (asked ? console.log : console.error)(USAGE);
    return asked ? 0 : 2;
  }
  // The project is the working folder: its campaigns/, assets/, templates/ and .cache/.
  const context = { root: process.cwd() };
  switch (command) {
    case "check":
      return (await import("./commands/check.ts")).run(rest, context);
    case "build":
      return (await import("./commands/build.ts")).run(rest, context);
    case "new":
      return (await import("./commands/new.ts")).run(rest, context);
    case "edit":
      return (await import("./commands/edit.ts")).run(rest, context);
    case "serve":
      return (await import("./commands/serve.ts")).run(rest, context);
    case "pack":
      return (await import("./commands/pack.ts")).run(rest, context);
    case "server-config":
      return (await import("./commands/server-config.ts")).run(rest, context);
    case "migrate-content":
      return (await import("./commands/migrate-content.ts")).run(rest, context);
    case "translations":
      return (await import("./commands/translations.ts")).run(rest, context);
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
