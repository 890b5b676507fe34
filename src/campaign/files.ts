/** The names of a campaign folder's files, for modules that must not load the validator. */
export const CAMPAIGN_FILE = "campaign.yaml";
/** A campaign folder's name: lower-case letters, digits and hyphens (it becomes a site folder). */
export const SLUG = /^[a-z0-9][a-z0-9-]*$/;
