/**
 * What `serve` and `edit` share: their options, and starting the preview until Ctrl+C. The
 * server listens on this computer only (127.0.0.1 and ::1); `--host <address>` opens it to a
 * network on purpose, with a warning, and then every page needs this run's key.
 */
import net from "node:net";
import os from "node:os";
import { type CommandContext, guarded, parseOptions, UsageError } from "./shared.ts";

export const DEFAULT_PORT = 8080;

export interface PreviewCommandOptions {
  port: number;
  host?: string;
  /** The port was left to its default: the next free one will do. */
  defaultPort: boolean;
}

export function previewOptions(argv: string[], usage: string): PreviewCommandOptions {
  const { values, positionals } = parseOptions(argv, { port: { type: "string" }, host: { type: "string" } });
  if (positionals.length > 0) throw new UsageError(`Unexpected "${positionals[0]}".\nUsage: ${usage}`);
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!/^\d+$/.test(values.port ?? "0") || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port: expected a port number such as ${DEFAULT_PORT}, got "${values.port}"`);
  }
  const host = values.host;
  if (host !== undefined && net.isIP(host) === 0) {
    throw new UsageError(
      `--host: expected an IP address of this computer, such as 192.168.1.20 (or 0.0.0.0 for every network), got "${host}"`,
    );
  }
  return { port, host, defaultPort: values.port === undefined };
}

/** The addresses other computers would use for a server opened with --host. */
export function networkAddresses(host: string, port: number, sitePath: string, token: string): string[] {
  const addresses =
    host === "0.0.0.0" || host === "::"
      ? Object.values(os.networkInterfaces())
          .flatMap((list) => list ?? [])
          .filter((address) => !address.internal && (host === "::" || address.family === "IPv4"))
          .map((address) => address.address)
      : [host];
  return addresses.map(
    (address) =>
      `http://${address.includes(":") ? `[${address}]` : address}:${port}${sitePath}?token=${token}`,
  );
}

export function networkWarning(host: string): string {
  return (
    `warning: --host ${host}: this server can be reached from other computers on that network. ` +
    "Anyone who has one of the addresses above (they carry this run's key) can see the preview" +
    " and, in the editor, change the campaigns. Share them only with people who may."
  );
}

/**
 * Starts the preview (with the editor for `edit`), prints where to open it, and runs until the
 * process is asked to stop.
 */
export async function runPreview(
  argv: string[],
  context: CommandContext,
  { editor, usage }: { editor: boolean; usage: string },
): Promise<number> {
  return guarded(argv, async () => {
    const options = previewOptions(argv, usage);
    const { startPreview } = await import("../preview/index.ts");
    const preview = await startPreview({
      contentRoot: context.root,
      port: options.port,
      host: options.host,
      editor,
      nextPorts: options.defaultPort ? 10 : 0,
      log: (line) => console.log(line),
    });
    if (preview.adminUrl) console.log(`Editor:  ${preview.adminUrl}`);
    console.log(`Preview: ${preview.previewUrl}`);
    if (options.host) {
      const sitePath = editor ? "/admin/" : "/";
      for (const address of networkAddresses(options.host, preview.port, sitePath, preview.token)) {
        console.log(`         ${address}`);
      }
      console.warn(networkWarning(options.host));
    } else {
      console.log("Only this computer can open them (127.0.0.1 and ::1).");
    }
    if (editor) console.log("The editor's address carries this run's key: open it as printed.");
    console.log("Ctrl+C to stop.");
    await untilStopped();
    await preview.close();
    return 0;
  });
}

/** Resolves when the process is asked to stop (Ctrl+C, or a service manager's SIGTERM). */
export function untilStopped(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
}
