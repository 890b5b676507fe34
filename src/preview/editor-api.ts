/**
 * What the editor's API may read and write, checked before decap-server's file-system backend
 * sees a request. Editors have business only with the campaigns' files and the shared partners:
 * `campaigns/**` and `assets/**`, text files of the kinds a campaign has and images of the kinds
 * a logo may be, within a size limit, never a dotfile, never through a symbolic link. Templates,
 * the generator's code, scripts, CI settings and package files are out of reach, whatever path a
 * request names. An SVG is checked as the build checks logos, and refused when unsafe.
 */
import fs from "node:fs";
import path from "node:path";
import { unsafeSvgParts } from "../campaign/svg-safety.ts";

/** Top-level folders of the project that the editor may change. */
export const EDITABLE_FOLDERS = ["campaigns", "assets"] as const;
/** Words and settings: content Markdown, campaign.yaml, partners.yaml, strings JSON. */
export const TEXT_EXTENSIONS = new Set([".md", ".yaml", ".yml", ".json"]);
/** Logos, as `campaign.yaml` accepts them. */
export const IMAGE_EXTENSIONS = new Set([".svg", ".png", ".jpg", ".jpeg", ".webp"]);
export const MAX_TEXT_BYTES = 1_000_000;
export const MAX_IMAGE_BYTES = 5_000_000;
/** The largest request body: one image in base64 with room for an entry's words. */
export const MAX_REQUEST_BYTES = "8mb";

/** decap-server's actions that the editor uses; anything else is refused. */
const READ_ACTIONS = new Set([
  "info",
  "entriesByFolder",
  "entriesByFiles",
  "getEntry",
  "getMedia",
  "getMediaFile",
]);
const WRITE_ACTIONS = new Set(["persistEntry", "persistMedia", "deleteFile", "deleteFiles"]);

export class RefusedRequest extends Error {
  constructor(
    message: string,
    readonly status = 403,
  ) {
    super(message);
    this.name = "RefusedRequest";
  }
}

interface DataFile {
  path?: unknown;
  raw?: unknown;
  newPath?: unknown;
}
interface Asset {
  path?: unknown;
  content?: unknown;
  encoding?: unknown;
}
export interface ApiRequest {
  action?: unknown;
  params?: {
    path?: unknown;
    paths?: unknown;
    folder?: unknown;
    mediaFolder?: unknown;
    files?: unknown;
    entry?: DataFile;
    dataFiles?: DataFile[];
    assets?: Asset[];
    asset?: Asset;
  };
}

/**
 * A project-relative path ("campaigns/x/campaign.yaml") checked to stay inside the editable
 * folders, with no dot segment, dotfile or symbolic link on the way; returns it normalised.
 */
export function editablePath(contentRoot: string, value: unknown): string {
  if (typeof value !== "string" || value === "" || value.includes("\0") || value.includes("\\")) {
    throw new RefusedRequest(`not a file path: ${JSON.stringify(value)}`);
  }
  const segments = value.split("/").filter((segment) => segment !== "");
  if (value.startsWith("/") || segments.some((segment) => segment === "." || segment === "..")) {
    throw new RefusedRequest(
      `"${value}" must be a path inside the project, such as campaigns/<slug>/campaign.yaml`,
    );
  }
  if (!(EDITABLE_FOLDERS as readonly string[]).includes(segments[0])) {
    throw new RefusedRequest(
      `"${value}" is outside what the editor may change (${EDITABLE_FOLDERS.join("/, ")}/)`,
    );
  }
  const hidden = segments.find((segment) => segment.startsWith("."));
  if (hidden) throw new RefusedRequest(`"${value}" names a hidden file or folder ("${hidden}")`);
  let at = contentRoot;
  for (const segment of segments) {
    at = path.join(at, segment);
    const stat = fs.lstatSync(at, { throwIfNoEntry: false });
    if (!stat) break;
    if (stat.isSymbolicLink()) {
      throw new RefusedRequest(`"${value}" goes through a symbolic link (${path.relative(contentRoot, at)})`);
    }
  }
  return segments.join("/");
}

function writablePath(contentRoot: string, value: unknown, kinds: ReadonlySet<string>, what: string): string {
  const checked = editablePath(contentRoot, value);
  const extension = path.extname(checked).toLowerCase();
  if (!kinds.has(extension)) {
    throw new RefusedRequest(
      `"${checked}": the editor saves ${what} only as ${[...kinds].join(", ")} files, not "${extension || "no extension"}"`,
    );
  }
  return checked;
}

function checkText(file: string, raw: unknown): void {
  if (typeof raw !== "string") throw new RefusedRequest(`"${file}": no text to save`, 400);
  if (Buffer.byteLength(raw) > MAX_TEXT_BYTES) {
    throw new RefusedRequest(`"${file}" is larger than ${MAX_TEXT_BYTES / 1e6} MB`, 413);
  }
}

const SIGNATURES: Record<string, (bytes: Buffer) => boolean> = {
  ".png": (bytes) =>
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  ".jpg": (bytes) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff,
  ".jpeg": (bytes) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff,
  ".webp": (bytes) => bytes.toString("latin1", 0, 4) === "RIFF" && bytes.toString("latin1", 8, 12) === "WEBP",
  ".svg": (bytes) => /<svg[\s>]/i.test(bytes.toString("utf8")),
};

/** An uploaded image: the size limit, the kind its name says, and an SVG checked as logos are. */
export function checkImage(file: string, bytes: Buffer): void {
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw new RefusedRequest(
      `"${file}" is larger than ${MAX_IMAGE_BYTES / 1e6} MB; export the logo smaller`,
      413,
    );
  }
  const extension = path.extname(file).toLowerCase();
  if (!SIGNATURES[extension]?.(bytes)) {
    throw new RefusedRequest(
      `"${file}" is not a ${extension.slice(1).toUpperCase()} image; export it again`,
      422,
    );
  }
  if (extension === ".svg") {
    const unsafe = unsafeSvgParts(bytes.toString("utf8"));
    if (unsafe.length > 0) {
      throw new RefusedRequest(
        `"${file}" was not saved: the SVG contains ${unsafe.join(", ")}. Export the logo again without them, or as PNG`,
        422,
      );
    }
  }
}

function assetBytes(asset: Asset): Buffer {
  if (typeof asset.content !== "string") throw new RefusedRequest("an upload without content", 400);
  const encoding = asset.encoding === undefined ? "base64" : asset.encoding;
  if (encoding !== "base64" && encoding !== "utf8" && encoding !== "utf-8") {
    throw new RefusedRequest(`an upload in an unknown encoding: ${JSON.stringify(encoding)}`, 400);
  }
  return Buffer.from(asset.content, encoding);
}

function checkAsset(contentRoot: string, asset: Asset | undefined): void {
  if (!asset) throw new RefusedRequest("an upload without a file", 400);
  const file = writablePath(contentRoot, asset.path, IMAGE_EXTENSIONS, "images");
  checkImage(file, assetBytes(asset));
}

function list<T>(value: unknown, what: string): T[] {
  if (!Array.isArray(value)) throw new RefusedRequest(`expected a list of ${what}`, 400);
  return value as T[];
}

/** Throws a RefusedRequest when the request reads or writes where the editor has no business. */
export function checkApiRequest(contentRoot: string, body: ApiRequest | undefined): void {
  const action = body?.action;
  const params = body?.params ?? {};
  if (typeof action !== "string" || !(READ_ACTIONS.has(action) || WRITE_ACTIONS.has(action))) {
    throw new RefusedRequest(`the editor does not offer ${JSON.stringify(action)}`, 422);
  }
  switch (action) {
    case "entriesByFolder":
      editablePath(contentRoot, params.folder);
      return;
    case "getMedia":
      editablePath(contentRoot, params.mediaFolder);
      return;
    case "entriesByFiles":
      for (const file of list<{ path?: unknown }>(params.files, "files"))
        editablePath(contentRoot, file?.path);
      return;
    case "getEntry":
    case "getMediaFile":
    case "deleteFile":
      editablePath(contentRoot, params.path);
      return;
    case "deleteFiles":
      for (const file of list<unknown>(params.paths, "paths")) editablePath(contentRoot, file);
      return;
    case "persistMedia":
      checkAsset(contentRoot, params.asset);
      return;
    case "persistEntry": {
      const dataFiles = params.dataFiles ?? (params.entry ? [params.entry] : []);
      for (const file of list<DataFile>(dataFiles, "files")) {
        const checked = writablePath(contentRoot, file?.path, TEXT_EXTENSIONS, "words and settings");
        checkText(checked, file.raw);
        if (file.newPath !== undefined)
          writablePath(contentRoot, file.newPath, TEXT_EXTENSIONS, "words and settings");
      }
      for (const asset of list<Asset>(params.assets ?? [], "uploads")) checkAsset(contentRoot, asset);
      return;
    }
  }
}
