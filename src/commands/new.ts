/** `new <slug> [--from <slug>]`: a campaign from the template's starter or from an existing one. */
import path from "node:path";
import { ScaffoldError, scaffold } from "../scaffold.ts";
import { type CommandContext, campaignsDirOf, guarded, parseOptions } from "./shared.ts";

export async function run(argv: string[], context: CommandContext): Promise<number> {
  return guarded(argv, async () => {
    const { values, positionals } = parseOptions(argv, { from: { type: "string" } });
    const [slug] = positionals;
    const from = values.from;
    if (!slug)
      throw new ScaffoldError("Expected the new campaign's name: npm run new -- <slug> [--from <slug>]");
    const campaignsDir = campaignsDirOf(context.root, values.campaigns);
    const created = await scaffold({ root: context.root, campaignsDir, slug, from });
    const relative = path.relative(process.cwd(), created);
    console.log(`Created ${relative}/${from ? ` from campaigns/${from}` : ""}.

Next steps:
  1. Edit ${relative}/campaign.yaml: date, url, languages, theme, hotlines, partners.
  2. Write one file per language in ${relative}/content/ (title, tagline, description, body).
  3. Put partner logos in ${relative}/logos/.
  4. Run: npm run check -- --campaign ${slug}
  5. Preview: npm start    Build: npm run build -- --campaign ${slug}`);
    return 0;
  });
}
