/**
 * The preview's HTTP server: loopback only (127.0.0.1 and ::1) unless a host is given on purpose,
 * the access checks first (access.ts), then the live-reload channel, the routes a caller adds
 * (the editor) and the built site.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { accessGuard, newToken, TOKEN_PARAMETER } from "./access.ts";
import { RELOAD_EVENTS_PATH, RELOAD_SCRIPT_PATH, ReloadChannel } from "./reload.ts";
import { notFound, siteFiles } from "./site-files.ts";

export const LOOPBACK = ["127.0.0.1", "::1"] as const;
const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];
const WILDCARDS = new Set(["0.0.0.0", "::"]);

export interface PreviewServerOptions {
  /** The built site to serve. */
  outputDir: string;
  /** The port to listen on; 0 for any free one. */
  port: number;
  /** An address to listen on instead of loopback, opening the server to that network. */
  host?: string;
  /** Routes mounted before the site (the editor's admin and API). */
  routes?: Router[];
  /** Paths that need this run's key even on loopback (the editor's). */
  privatePaths?: (pathname: string) => boolean;
  /** When the port is taken, try this many ports after it (default 0: fail). */
  nextPorts?: number;
}

export interface PreviewServer {
  /** http://localhost:<port>/ */
  url: string;
  port: number;
  /** This run's key. */
  token: string;
  /** `url` with the key, for the paths that need it. */
  urlWithToken(sitePath: string): string;
  /** Where the server listens, as the sockets report it. */
  addresses: AddressInfo[];
  reload: ReloadChannel;
  close(): Promise<void>;
}

export class PortInUse extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is already in use (is another preview running?); choose another with --port`);
    this.name = "PortInUse";
  }
}

/** Loopback, and the --host address on purpose (a wildcard covers IPv4 loopback itself). */
function listenHosts(host: string | undefined): string[] {
  if (!host) return [...LOOPBACK];
  if (host === "::") return ["::"];
  if (host === "0.0.0.0") return ["0.0.0.0", "::1"];
  return [...new Set([...LOOPBACK, host])];
}

/** The names a request's Host may use: loopback ones, and for --host that address and, for a
 * wildcard, the machine's own names and addresses. */
export function hostNames(host: string | undefined): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  if (!host) return names;
  const bracket = (address: string) => (address.includes(":") ? `[${address}]` : address);
  names.add(bracket(host.toLowerCase()));
  if (WILDCARDS.has(host)) {
    names.add(os.hostname().toLowerCase());
    for (const list of Object.values(os.networkInterfaces())) {
      for (const address of list ?? []) names.add(bracket(address.address.toLowerCase()));
    }
  }
  return names;
}

function listen(server: http.Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port, host, exclusive: true }, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

const close = (server: http.Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

/** Listens on every address of `hosts` on one port (the first picks it when `port` is 0). */
async function listenAll(
  app: express.Express,
  port: number,
  hosts: readonly string[],
): Promise<http.Server[]> {
  const servers: http.Server[] = [];
  let chosen = port;
  for (const host of hosts) {
    const server = http.createServer(app);
    try {
      chosen = (await listen(server, chosen, host)).port;
      servers.push(server);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A machine without IPv6 still has 127.0.0.1.
      if (host === "::1" && (code === "EADDRNOTAVAIL" || code === "EAFNOSUPPORT") && servers.length > 0)
        continue;
      await Promise.all(servers.map(close));
      throw error;
    }
  }
  return servers;
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const token = newToken();
  const reload = new ReloadChannel();
  let port = options.port;
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  const open = Boolean(options.host);
  app.use(
    accessGuard({
      hostNames: hostNames(options.host),
      port: () => port,
      token,
      // A server opened to a network shows nothing without the key.
      needsToken: (pathname) => open || (options.privatePaths?.(pathname) ?? false),
    }),
  );
  app.get(RELOAD_SCRIPT_PATH, reload.script);
  app.get(RELOAD_EVENTS_PATH, reload.events);
  for (const routes of options.routes ?? []) app.use(routes);
  app.use(siteFiles(options.outputDir));
  app.use(notFound(options.outputDir));
  app.use((error: Error, _request: Request, response: Response, _next: NextFunction) => {
    console.error(`preview: ${error.message}`);
    response
      .status(500)
      .type("text/plain; charset=utf-8")
      .send("The preview could not answer; see the terminal.\n");
  });

  const hosts = listenHosts(options.host);
  let servers: http.Server[] = [];
  for (let attempt = 0; ; attempt++) {
    try {
      servers = await listenAll(app, port, hosts);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
      // With port 0 the first address picks a port that may be taken on the other: try again.
      if (options.port === 0 && attempt < 5) continue;
      if (attempt >= (options.nextPorts ?? 0)) throw new PortInUse(port);
      port += 1;
    }
  }
  const addresses = servers.map((server) => server.address() as AddressInfo);
  port = addresses[0].port;
  const url = `http://localhost:${port}/`;
  return {
    url,
    port,
    token,
    urlWithToken: (sitePath) => `${new URL(sitePath, url).href}?${TOKEN_PARAMETER}=${token}`,
    addresses,
    reload,
    close: async () => {
      reload.close();
      await Promise.all(servers.map(close));
    },
  };
}
