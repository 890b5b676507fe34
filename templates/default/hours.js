// Says "open now" or when the line opens next, in the page's language and the line's time zone.
// The week comes from data-hotline-schedule, computed at build time; without JavaScript the
// hours alone are shown. Public holidays cannot be known here: the page says them in words.
(() => {
  const lang = document.documentElement.lang;
  const day = (n) =>
    new Intl.DateTimeFormat(lang, { weekday: "long", timeZone: "UTC" }).format(Date.UTC(2024, 0, 1 + n));
  const time = (m) =>
    new Intl.DateTimeFormat(lang, { timeStyle: "short", timeZone: "UTC" }).format(Date.UTC(2024, 0, 1, 0, m));
  for (const box of document.querySelectorAll("[data-hotline-schedule]")) {
    const { zone, week } = JSON.parse(box.dataset.hotlineSchedule);
    const parts = {};
    for (const p of new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      weekday: "short",
      hour: "numeric",
      minute: "numeric",
      hourCycle: "h23",
    }).formatToParts(new Date()))
      parts[p.type] = p.value;
    const today = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.weekday);
    const now = Number(parts.hour) * 60 + Number(parts.minute);
    let text = box.dataset.openNow;
    if (!week[today].some(([from, to]) => from <= now && now < to)) {
      text = "";
      for (let ahead = 0; ahead < 8 && !text; ahead++) {
        const d = (today + ahead) % 7;
        const next = week[d].find(([from]) => ahead > 0 || from > now);
        if (next) text = box.dataset.closedNow.replace("{day}", day(d)).replace("{time}", time(next[0]));
      }
    }
    const out = box.querySelector("[data-open-now-text]");
    if (text && out) {
      out.textContent = text;
      out.hidden = false;
    }
  }
})();
