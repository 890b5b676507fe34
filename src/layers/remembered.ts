/**
 * A template's design files (card.json, poster.json, frame.json) are read once per build and kept
 * by template folder; the preview forgets them when a watched file changes.
 */
const forgetters = new Set<() => void>();

/** `read` once per template folder, until `forgetDesigns()`. */
export function rememberedPerTemplate<T>(
  read: (templateDir: string) => Promise<T>,
): (templateDir: string) => Promise<T> {
  const kept = new Map<string, Promise<T>>();
  forgetters.add(() => kept.clear());
  return (templateDir) => {
    let value = kept.get(templateDir);
    if (!value) {
      value = read(templateDir);
      kept.set(templateDir, value);
    }
    return value;
  };
}

/** Reads every design again on next use: the dev server calls it when a watched file changed. */
export function forgetDesigns(): void {
  for (const forget of forgetters) forget();
}
