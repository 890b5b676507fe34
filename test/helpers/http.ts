/** One HTTP request with exactly the headers given (fetch would set Host itself), to a loopback address. */
import http from "node:http";

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
