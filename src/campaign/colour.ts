/**
 * The campaign's colours, as the schema accepts them ("#rgb" or "#rrggbb"), read once here for
 * everything that uses them: the contrast check, the share cards' canvas and the posters' PDF.
 */

/** "#1d4ed8" or "#14d" → [29, 78, 216]. */
export function rgb(hex: string): [number, number, number] {
  const digits = hexDigits(hex);
  return [0, 2, 4].map((at) => Number.parseInt(digits.slice(at, at + 2), 16)) as [number, number, number];
}

/** Six hex digits as written, without "#": "#14d" → "1144dd", "#1D4ED8" → "1D4ED8". */
export function hexDigits(hex: string): string {
  const digits = hex.slice(1);
  return digits.length === 3 ? [...digits].map((digit) => digit + digit).join("") : digits;
}
