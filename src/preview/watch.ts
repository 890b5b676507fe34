/**
 * The folders the preview follows (campaigns/, assets/, templates/), watched by the system
 * (inotify, FSEvents…) through Node's recursive fs.watch: a save is heard at once, and the paths
 * that changed together (an editor writes a file in one or two calls, the admin several files
 * of one entry) are handed over once nothing more has changed for a moment.
 */
import fs from "node:fs";
import path from "node:path";

/**
 * How long nothing must change before the changes are handed over. A save is one or two writes a
 * millisecond apart; Eleventy's own watcher waits 150 ms for a file to stop growing. A half-read
 * file is harmless here: it fails the check, the last good pages stay, and the write that follows
 * is heard and built.
 */
export const QUIET_MS = 25;

export interface Watcher {
  close(): void;
}

/** Calls `changed` with the absolute paths changed under `folders` (those that exist). */
export function watchFolders(folders: string[], changed: (paths: string[]) => void): Watcher {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const paths = [...pending];
    pending.clear();
    if (paths.length > 0) changed(paths);
  };
  const watchers = folders
    .filter((folder) => fs.existsSync(folder))
    .map((folder) =>
      fs.watch(folder, { recursive: true }, (_event, name) => {
        // Without a name the system did not say what changed: the whole folder, then.
        pending.add(name ? path.join(folder, name.toString()) : folder);
        if (timer) clearTimeout(timer);
        timer = setTimeout(flush, QUIET_MS);
      }),
    );
  return {
    close: () => {
      if (timer) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
