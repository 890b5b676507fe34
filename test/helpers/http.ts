/** One HTTP request with exactly the headers given (fetch would set Host itself), to a loopback address. */
import http from "node:http";
import net from "node:net";

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function rawRequest(options: {
  address?: string;
  port: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}): Promise<Reply> {
  const address = options.address ?? "127.0.0.1";
  if (!/^127\.|^::1$/.test(address)) throw new Error(`tests send traffic to loopback only, not ${address}`);
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const outgoing = http.request(
      {
        host: address,
        port: options.port,
        method: options.method,
        path: options.path,
        setHost: false,
        headers: {
          ...(payload
            ? { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload) }
            : {}),
          ...options.headers,
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => {
          text += chunk;
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        );
      },
    );
    outgoing.on("error", reject);
    outgoing.end(payload);
  });
}

/** A TCP port free on 127.0.0.1 at the time of asking. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
