/** Where a project keeps its campaigns, looks and cache. Imports nothing heavy. */
import path from "node:path";

export function projectPaths(root: string) {
  return {
    campaignsDir: path.join(root, "campaigns"),
    templatesDir: path.join(root, "templates"),
    cacheDir: path.join(root, ".cache"),
  };
}
