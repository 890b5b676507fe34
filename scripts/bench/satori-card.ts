/**
 * The baseline the share-image renderer is measured against: the same og card drawn with satori
 * (HTML/CSS to SVG) and rasterised with resvg. Used only by the benchmark.
 */
import fs from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import { FONT_PACKAGES, fontFile } from "../../src/render/fonts.ts";

const latin = FONT_PACKAGES[0];
const fonts = [
  {
    name: "Noto Sans",
    data: fs.readFileSync(fontFile(latin, "regular")),
    weight: 400 as const,
    style: "normal" as const,
  },
  {
    name: "Noto Sans",
    data: fs.readFileSync(fontFile(latin, "bold")),
    weight: 700 as const,
    style: "normal" as const,
  },
];

export async function satoriCard(
  text: { title: string; tagline: string; label: string; number: string },
  emblem: string,
) {
  const h = (type: string, style: Record<string, unknown>, children: unknown) => ({
    type,
    props: { style, children },
  });
  const svg = await satori(
    h(
      "div",
      {
        width: 1200,
        height: 630,
        display: "flex",
        flexDirection: "column",
        padding: 56,
        background: "#1d4ed8",
        color: "#ffffff",
        fontFamily: "Noto Sans",
      },
      [
        {
          type: "img",
          props: {
            src: `data:image/svg+xml;base64,${Buffer.from(emblem).toString("base64")}`,
            width: 88,
            height: 88,
          },
        },
        h("div", { fontSize: 64, fontWeight: 700, marginTop: 20 }, text.title),
        h("div", { fontSize: 38, marginTop: 20 }, text.tagline),
        h("div", { fontSize: 28, marginTop: "auto" }, text.label),
        h("div", { fontSize: 56, fontWeight: 700 }, text.number),
      ],
    ) as Parameters<typeof satori>[0],
    { width: 1200, height: 630, fonts },
  );
  return new Resvg(svg, { fitTo: { mode: "original" } }).render().asPng();
}
