/**
 * Where a process listens, read from the kernel's socket table (Linux /proc): the TCP sockets in
 * LISTEN state whose inodes the process holds open. Nothing is sent over the network.
 */
import fs from "node:fs";

export interface Listening {
  address: string;
  port: number;
  loopback: boolean;
}

function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    let target = "";
    try {
      target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      continue; // closed since the folder was read
    }
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode) inodes.add(inode);
  }
  return inodes;
}

/** "0100007F" (one 32-bit word, little-endian) → its four bytes in network order. */
function wordBytes(hex: string): number[] {
  return [6, 4, 2, 0].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
}

function decode(hex: string): { address: string; loopback: boolean } {
  if (hex.length === 8) {
    const bytes = wordBytes(hex);
    return { address: bytes.join("."), loopback: bytes[0] === 127 };
  }
  const bytes = [0, 8, 16, 24].flatMap((at) => wordBytes(hex.slice(at, at + 8)));
  const groups = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i] << 8) | bytes[2 * i + 1]).toString(16));
  const isV6Loopback = bytes.slice(0, 15).every((byte) => byte === 0) && bytes[15] === 1;
  const mappedV4 = bytes.slice(0, 10).every((byte) => byte === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return {
    address: groups.join(":"),
    loopback: isV6Loopback || (mappedV4 && bytes[12] === 127),
  };
}

/** Every TCP address and port the process `pid` listens on. */
export function listeningSockets(pid: number): Listening[] {
  const inodes = socketInodes(pid);
  const found: Listening[] = [];
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    const lines = fs.readFileSync(table, "utf8").trim().split("\n").slice(1);
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      const [local, state, inode] = [fields[1], fields[3], fields[9]];
      if (state !== "0A" || !inodes.has(inode)) continue;
      const [hex, port] = local.split(":");
      found.push({ ...decode(hex), port: Number.parseInt(port, 16) });
    }
  }
  return found;
}
