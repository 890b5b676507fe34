/** The names of a campaign folder's files, for modules that must not load the validator. */
export const CAMPAIGN_FILE = "campaign.yaml";
