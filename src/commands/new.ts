/**
 * `new <slug> [--template <name>]`: a campaign from a template's starter;
 * `new [<slug>] --from <slug> [--date YYYY-MM-DD]`: next year's edition of an existing campaign.
 */
import { scaffold, scaffoldReport } from "../new-campaign/scaffold.ts";
import { type CommandContext, campaignsDirOf, guarded, parseOptions } from "./shared.ts";

export async function run(argv: string[], context: CommandContext): Promise<number> {
  return guarded(argv, async () => {
    const { values, positionals } = parseOptions(argv, {
      from: { type: "string" },
      date: { type: "string" },
      template: { type: "string" },
    });
    const campaignsDir = campaignsDirOf(context.root, values.campaigns);
    const result = await scaffold({
      root: context.root,
      campaignsDir,
      slug: positionals[0],
      from: values.from,
      date: values.date,
      template: values.template,
    });
    console.log(scaffoldReport(result, values.from));
    return 0;
  });
}
