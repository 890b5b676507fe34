/**
 * Hotline numbers are shown as the campaign writes them and dialled in E.164. libphonenumber-js
 * (full metadata) checks that the number exists in its country's numbering plan.
 */
import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { HotlineDetails } from "./hotline-details.ts";

export interface Hotline {
  /** As written in campaign.yaml, e.g. "078 055 800". */
  number: string;
  country: string;
  label?: string;
  /** "+3278055800", for tel: links. */
  e164: string;
  /** "+32 78 05 58 00", for visitors calling from abroad. */
  international: string;
  /** Free to call (the numbering plan's toll-free range), so pages may say so. */
  tollFree: boolean;
  /** Hours, languages and other channels (hotline-details.ts); absent until checked. */
  details?: HotlineDetails;
}

export type HotlineResult = { ok: true; hotline: Hotline } | { ok: false; message: string };

export function parseHotline(input: { number: string; country: string; label?: string }): HotlineResult {
  const phone = parsePhoneNumberFromString(input.number, input.country as CountryCode);
  if (!phone?.isValid()) {
    return {
      ok: false,
      message: `"${input.number}" is not a valid phone number in ${input.country}; write it as dialled in that country (such as "078 055 800" in BE), or check the country code`,
    };
  }
  return {
    ok: true,
    hotline: {
      number: input.number,
      country: input.country,
      ...(input.label === undefined ? {} : { label: input.label }),
      e164: phone.number,
      international: phone.formatInternational(),
      tollFree: phone.getType() === "TOLL_FREE",
    },
  };
}
