/**
 * Drawings that recur across the cards and posters of a campaign (one-line texts, the emblem,
 * logos) are made once and kept. Only the most recently used are kept, as the preview runs for
 * hours while logos and words change; one that failed is forgotten, so it is tried again.
 */
export function keptRecent<T>(limit: number): (key: string, make: () => Promise<T>) => Promise<T> {
  const kept = new Map<string, Promise<T>>();
  return (key, make) => {
    let value = kept.get(key);
    if (value) {
      kept.delete(key); // most recently used last
    } else {
      value = make();
      value.catch(() => kept.delete(key));
    }
    kept.set(key, value);
    while (kept.size > limit) kept.delete(kept.keys().next().value as string);
    return value;
  };
}
