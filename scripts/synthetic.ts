/**
 * Writes a synthetic load of campaigns for the benchmark: `tsx scripts/synthetic.ts <dir>
 * [campaigns=50] [languages=10]`. Each campaign copies the shape of a real one, with its words in
 * each language taken from the UI strings so that every script is drawn.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { contentFile } from "../src/campaign/content-files.ts";
import { availableLanguages, translator } from "../src/i18n/strings.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function writeSyntheticCampaigns(dir: string, campaigns = 50, languages = 10): Promise<void> {
  const tags = ["fr", "nl", "de", "en", "ar", "ro", "uk", "ti", "zh", "vi", ...availableLanguages()]
    .filter((tag, index, all) => all.indexOf(tag) === index && availableLanguages().includes(tag))
    .slice(0, languages);
  const logo = await fs.readFile(path.join(root, "test/fixtures/campaigns/minimal/logos/mark.svg"));
  await fs.rm(dir, { recursive: true, force: true });
  for (let n = 1; n <= campaigns; n++) {
    const slug = `synthetic-${String(n).padStart(3, "0")}`;
    const folder = path.join(dir, slug);
    await fs.mkdir(path.join(folder, "content"), { recursive: true });
    await fs.mkdir(path.join(folder, "logos"), { recursive: true });
    await fs.writeFile(path.join(folder, "logos", "partner.svg"), logo);
    const day = String(1 + (n % 28)).padStart(2, "0");
    await fs.writeFile(
      path.join(folder, "campaign.yaml"),
      `date: 2024-07-${day}
url: https://www.example.org/${slug}/
languages: [${tags.join(", ")}]
theme:
  primary: "#1d4ed8"
  background: "#ffffff"
  text: "#111827"
hotlines:
  - number: "078 055 800"
    country: BE
partners:
  - name: Partner ${n}
    logo: logos/partner.svg
`,
    );
    for (const tag of tags) {
      const t = translator(tag);
      await fs.writeFile(
        contentFile(folder, tag),
        `---
title: ${JSON.stringify(`${t("exit.pageTitle")} ${n}`)}
tagline: ${JSON.stringify(t("hotline.free"))}
description: ${JSON.stringify(t("footer.privacy"))}
---

${t("exit.pageIntro")}

${t("exit.historyWarning")}
`,
      );
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, campaigns, languages] = process.argv.slice(2);
  if (!dir) {
    console.error("Usage: tsx scripts/synthetic.ts <dir> [campaigns=50] [languages=10]");
    process.exit(2);
  }
  await writeSyntheticCampaigns(path.resolve(dir), Number(campaigns ?? 50), Number(languages ?? 10));
  console.log(`Wrote ${campaigns ?? 50} campaigns × ${languages ?? 10} languages into ${dir}`);
}
