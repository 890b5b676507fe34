/**
 * JSON-LD (schema.org) for a campaign page: the organisation with a ContactPoint per hotline, the
 * partners as organisations with their logos, and the day as an event. Types from schema-dts, so
 * the compiler checks every property.
 */
import type {
  ContactPoint,
  DayOfWeek,
  Event,
  Graph,
  OpeningHoursSpecification,
  Organization,
} from "schema-dts";
import type { HotlineHours } from "../campaign/hotline-details.ts";
import type { Hotline } from "../campaign/index.ts";
import type { Logo } from "../images/logos.ts";
import { absoluteUrl } from "./urls.ts";

const DAYS: DayOfWeek[] = [
  "https://schema.org/Monday",
  "https://schema.org/Tuesday",
  "https://schema.org/Wednesday",
  "https://schema.org/Thursday",
  "https://schema.org/Friday",
  "https://schema.org/Saturday",
  "https://schema.org/Sunday",
];

export interface StructuredDataInput {
  campaign: { url: string; slug: string; date: string; hotlines: Hotline[]; logos: Logo[] };
  lang: { tag: string; url: string };
  content: { title: string; description: string };
  /** The UI's word for the line ("Helpline"), used as contactType. */
  contactType: string;
  /** Absolute address of the page's share image. */
  image?: string;
}

function clock(minutes: number): string {
  const capped = Math.min(minutes, 24 * 60 - 1);
  return `${String(Math.floor(capped / 60)).padStart(2, "0")}:${String(capped % 60).padStart(2, "0")}`;
}

/** One OpeningHoursSpecification per open interval, with the days that share it. */
export function openingHoursSpecification(hours: HotlineHours): OpeningHoursSpecification[] {
  const byInterval = new Map<string, DayOfWeek[]>();
  hours.week.forEach((intervals, day) => {
    for (const [open, close] of intervals) {
      const key = `${clock(open)}-${clock(close)}`;
      byInterval.set(key, [...(byInterval.get(key) ?? []), DAYS[day]]);
    }
  });
  return [...byInterval].map(([key, dayOfWeek]) => {
    const [opens, closes] = key.split("-");
    return { "@type": "OpeningHoursSpecification", dayOfWeek, opens, closes };
  });
}

function contactPoint(hotline: Hotline, contactType: string): ContactPoint {
  const details = hotline.details;
  const point: ContactPoint = {
    "@type": "ContactPoint",
    telephone: hotline.e164,
    contactType,
    areaServed: hotline.country,
  };
  if (details?.languages.length) point.availableLanguage = details.languages;
  if (details?.hours) point.hoursAvailable = openingHoursSpecification(details.hours);
  if (details?.email) point.email = details.email;
  if (details?.web) point.url = details.web;
  return point;
}

export function structuredData(input: StructuredDataInput): Graph {
  const { campaign, lang, content } = input;
  const organisationId = `${campaign.url}#organisation`;
  const organisation: Organization = {
    "@type": "Organization",
    "@id": organisationId,
    name: campaign.hotlines[0].label ?? content.title,
    url: campaign.url,
    contactPoint: campaign.hotlines.map((hotline) => contactPoint(hotline, input.contactType)),
  };
  const partners: Organization[] = campaign.logos.map((logo) => ({
    "@type": "Organization",
    name: logo.name,
    ...(logo.url ? { url: logo.url } : {}),
    logo: absoluteUrl(campaign.url, campaign.slug, logo.fallback.src),
  }));
  const day: Event = {
    "@type": "Event",
    name: content.title,
    description: content.description,
    startDate: campaign.date,
    endDate: campaign.date,
    eventAttendanceMode: "https://schema.org/OnlineEventAttendanceMode",
    eventStatus: "https://schema.org/EventScheduled",
    location: { "@type": "VirtualLocation", url: lang.url },
    organizer: { "@id": organisationId },
    inLanguage: lang.tag,
    url: lang.url,
    ...(input.image ? { image: input.image } : {}),
  };
  return { "@context": "https://schema.org", "@graph": [organisation, ...partners, day] };
}

/** The JSON for a <script type="application/ld+json"> block; "<" escaped so no tag can close it. */
export function jsonLdText(graph: Graph): string {
  return JSON.stringify(graph).replace(/</g, "\\u003c");
}
