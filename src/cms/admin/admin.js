/*
 * The campaign editor around Decap CMS: the preview of a page's words in the template's own
 * stylesheet (right-to-left for Arabic, Persian…), and the list of problems the check found
 * in the saved files, shown in the editor instead of a broken page.
 */
/* global CMS, h */
const campaigns = {};
let problems = [];
/** Each valid campaign's readiness to publish, from status.json (see src/preview/editor.ts). */
let readiness = [];
const listeners = new Set();
/** The campaigns and languages the editor was opened with (campaigns.json), to notice a change. */
let openedWith;
/** Where the built campaigns are: the preview server's root, or two folders up from a published
 * <slug>/admin/ (the page says so in a meta tag). */
const SITE_ROOT = new URL(
  document.querySelector('meta[name="campaign-site-root"]')?.getAttribute("content") || "/",
  location.href,
);

/** "campaigns/blue-heart-2023-be/content/page.md" → "blue-heart-2023-be" */
function slugOf(entryPath) {
  const parts = String(entryPath || "").split("/");
  const at = parts.lastIndexOf("content");
  return at > 0 ? parts[at - 1] : parts[parts.length - 2];
}

/** The language shown in the preview: Decap swaps in that language's data, so find which. */
function localeOf(entry, campaign) {
  const data = entry.get("data");
  const i18n = entry.get("i18n");
  if (i18n) {
    for (const locale of campaign.languages.slice(1)) {
      if (i18n.getIn([locale, "data"]) === data) return locale;
    }
  }
  return campaign.languages[0] || "en";
}

function problemItems(list) {
  return list.map((problem) =>
    h(
      "li",
      { key: problem.text },
      h("code", null, problem.where),
      problem.key ? ` ${problem.key}: ` : ": ",
      problem.message,
    ),
  );
}

function ContentPreview(props) {
  const slug = slugOf(props.entry.get("path"));
  const campaign = campaigns[slug] || { languages: [], directions: {} };
  const locale = localeOf(props.entry, campaign);
  const dir = campaign.directions[locale] || "ltr";
  const data = props.entry.get("data");
  if (props.document) {
    props.document.documentElement.lang = locale;
    props.document.documentElement.dir = dir;
  }
  const own = problems.filter((problem) => problem.campaign === slug);
  return h(
    "div",
    { lang: locale, dir },
    h("link", { rel: "stylesheet", href: new URL(`${slug}/assets/site.css`, SITE_ROOT).href }),
    own.length > 0
      ? h(
          "div",
          { className: "wrap", role: "alert" },
          h("h2", null, "Not published until fixed"),
          h("ul", null, problemItems(own)),
        )
      : null,
    h(
      "main",
      { id: "main" },
      h(
        "div",
        { className: "wrap" },
        h("h1", null, data.get("title")),
        h("p", { className: "tagline" }, data.get("tagline")),
        h("div", { className: "body" }, props.widgetFor("body")),
      ),
    ),
  );
}

function showProblems() {
  const box = document.getElementById("campaign-check");
  if (!box) return;
  box.hidden = problems.length === 0;
  box.replaceChildren();
  if (problems.length === 0) return;
  const heading = document.createElement("h2");
  heading.textContent = `The check found ${problems.length} problem${problems.length === 1 ? "" : "s"} in the saved files; the preview keeps the last good pages until they are fixed:`;
  const list = document.createElement("ul");
  for (const problem of problems) {
    const item = document.createElement("li");
    const where = document.createElement("code");
    where.textContent = problem.where;
    item.append(where, problem.key ? ` ${problem.key}: ${problem.message}` : `: ${problem.message}`);
    list.append(item);
  }
  box.append(heading, list);
}

/** An element with text and attributes. */
function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** One line for all campaigns: ready to publish or not. */
function readinessSummary() {
  const ready = readiness.filter((campaign) => campaign.ready).length;
  if (readiness.length === 1) {
    const [only] = readiness;
    return only.ready
      ? "✓ Ready to publish"
      : `Not ready to publish yet: ${only.items.length + only.unmatched.length} thing(s) to check`;
  }
  return `Ready to publish: ${ready} of ${readiness.length} campaigns`;
}

function linkList(label, links) {
  const list = element("ul", { class: "campaign-links" });
  for (const link of links) {
    list.append(
      element(
        "li",
        {},
        element(
          "a",
          { href: new URL(link.href, SITE_ROOT).href, target: "_blank", rel: "noopener" },
          link.text,
        ),
      ),
    );
  }
  return element("div", {}, element("h4", {}, label), list);
}

/** The panel of readiness: one line always visible, each campaign's list and links when opened. */
function showReadiness() {
  const panel = document.getElementById("campaign-readiness");
  if (!panel) return;
  panel.hidden = readiness.length === 0 || problems.length > 0;
  if (panel.hidden) return;
  const open = panel.open;
  const summary = element("summary", {}, readinessSummary());
  const sections = readiness.map((campaign) => {
    const items = element("ul", {});
    for (const item of campaign.items) {
      items.append(
        element(
          "li",
          {},
          element("code", {}, item.where),
          ` ${item.message} `,
          element("span", { class: "code" }, `[${item.code}]`),
        ),
      );
    }
    for (const mark of campaign.unmatched) {
      items.append(
        element("li", {}, `accepted: "${mark}" matches nothing any more; remove it from campaign.yaml`),
      );
    }
    const state = campaign.ready
      ? "✓ ready to publish"
      : `not ready yet: ${campaign.items.length + campaign.unmatched.length} thing(s) to check`;
    return element(
      "section",
      { "aria-label": campaign.slug },
      element("h3", {}, `${campaign.slug}: ${state}`),
      campaign.ready ? "" : items,
      campaign.accepted > 0
        ? element("p", {}, `${campaign.accepted} item(s) marked as meant (accepted: in campaign.yaml).`)
        : "",
      linkList(
        "Pages",
        campaign.links.pages.map((page) => ({ href: page.href, text: page.name })),
      ),
      linkList(
        "Share images",
        campaign.links.shareImages.map((image) => ({ href: image.href, text: image.lang })),
      ),
      linkList(
        "Posters (A4)",
        campaign.links.posters.map((poster) => ({ href: poster.href, text: poster.lang })),
      ),
      linkList("Launch-day kit", [{ href: campaign.links.kit, text: "kit.zip" }]),
    );
  });
  panel.replaceChildren(summary, ...sections);
  panel.open = open;
  panel.classList.toggle(
    "is-ready",
    readiness.every((campaign) => campaign.ready),
  );
}

/**
 * The editor's collections are made when the page opens: a campaign or language added since
 * (npm run new, a language added in Settings) shows after a reload, which this banner offers.
 */
function showChanged(entries) {
  const box = document.getElementById("campaign-changed");
  if (!box || openedWith === undefined || entries === undefined) return;
  const changed = JSON.stringify(entries) !== openedWith;
  if (changed === !box.hidden) return;
  box.hidden = !changed;
  if (!changed) return box.replaceChildren();
  const reload = element("button", { type: "button" }, "Reload the editor");
  reload.addEventListener("click", () => location.reload());
  box.replaceChildren(
    "Campaigns or languages have changed since the editor opened. Save what you are writing, then reload to see them. ",
    reload,
  );
}

async function poll() {
  try {
    const response = await fetch("status.json", { cache: "no-store" });
    // Published with --with-admin there is no check server: the Git host's CI checks instead.
    if (response.status === 404) return;
    const status = await response.json();
    problems = status.problems;
    readiness = status.campaigns || [];
    showChanged(status.entries);
    showProblems();
    showReadiness();
    for (const listener of listeners) listener();
  } catch {
    // The preview server is restarting; try again on the next round.
  }
  setTimeout(poll, 2000);
}

fetch("campaigns.json")
  .then((response) => response.json())
  .then((list) => {
    openedWith = JSON.stringify(list);
    // Each campaign's words are a collection named after the campaign.
    for (const campaign of list) {
      campaigns[campaign.slug] = campaign;
      CMS.registerPreviewTemplate(campaign.slug, ContentPreview);
    }
  });

poll();
