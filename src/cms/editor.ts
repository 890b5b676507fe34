/**
 * The editor: the preview server (as `npm start`) with the CMS mounted on the same origin at
 * /admin/. Saving in the CMS writes the files in the working folder; the dev server rebuilds and
 * checks them, and the admin shows any problem the check finds.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Eleventy } from "@11ty/eleventy";
import campaignSite, { type EleventyConfigLike } from "../site/plugin.ts";
import { editorMiddleware } from "./server.ts";

export interface EditorOptions {
  /** The project: src/site/pages and eleventy.config.ts. */
  root: string;
  /** The folder holding campaigns/, templates/ and .cache/ (default: root). */
  contentRoot?: string;
  port: number;
}

export interface RunningEditor {
  url: string;
  close(): Promise<void>;
}

type ServerConfig = EleventyConfigLike & { setServerOptions(options: Record<string, unknown>): void };

const here = fileURLToPath(import.meta.url);

export async function startEditor({ root, contentRoot = root, port }: EditorOptions): Promise<RunningEditor> {
  const middleware = await editorMiddleware({ contentRoot });
  const eleventy = new Eleventy(path.join(root, "src/site/pages"), path.join(contentRoot, ".cache/preview"), {
    // This folder's eleventy.config (.ts under tsx, .js once compiled into dist/).
    configPath: path.join(path.dirname(here), `eleventy.config${path.extname(here)}`),
    runMode: "serve",
    quietMode: true,
    config(eleventyConfig: ServerConfig) {
      eleventyConfig.addPlugin(campaignSite, { root: contentRoot });
      eleventyConfig.setServerOptions({ middleware, port, showVersion: false });
    },
  } as ConstructorParameters<typeof Eleventy>[2]);
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(port);
  return {
    url: `http://localhost:${port}/`,
    close: async () => {
      await (eleventy as unknown as { stopWatch(): Promise<void> }).stopWatch();
    },
  };
}
