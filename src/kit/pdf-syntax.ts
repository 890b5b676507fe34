/** Numbers, strings and colours as the posters' PDFs write them. */
import { rgb } from "../campaign/colour.ts";

/** A number for a content stream: at most three decimals, no trailing zeros. */
export function number(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** The operator that sets the fill colour to `hex` (#rrggbb). */
export function fillColour(hex: string): string {
  return `${rgb(hex)
    .map((channel) => number(channel / 255))
    .join(" ")} rg`;
}

/** Four hexadecimal digits, upper case: a UTF-16 code unit, a two-byte character code. */
export function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, "0");
}

/** A string's UTF-16 code units in hexadecimal (a character beyond the BMP as its surrogate pair). */
export function utf16Hex(value: string): string {
  let hex = "";
  for (let at = 0; at < value.length; at++) hex += hex4(value.charCodeAt(at));
  return hex;
}

/**
 * A PDF text string: printable ASCII as a literal string, anything else in UTF-16BE after its
 * byte order mark.
 */
export function textString(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `(${value.replace(/[\\()]/g, "\\$&")})`;
  return `<FEFF${utf16Hex(value)}>`;
}
