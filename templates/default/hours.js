// Says "open now" or when the line opens next, in the line's time zone. Week and opening times
// come from data-hotline-schedule, the whole sentences (today, tomorrow, each weekday) from the
// page's data-* attributes (hotline-details.njk): no word is glued in, no locale data is needed.
// Without JavaScript the hours alone are shown; public holidays are said in words.
(() => {
  for (const box of document.querySelectorAll("[data-hotline-schedule]")) {
    const said = box.dataset;
    if (!said.opensOn || !said.opensToday || !said.opensTomorrow) continue; // an older partial
    const { zone, week, times } = JSON.parse(said.hotlineSchedule);
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
    let text = said.openNow;
    if (!week[today].some(([from, to]) => from <= now && now < to)) {
      text = "";
      for (let ahead = 0; ahead < 8 && !text; ahead++) {
        const d = (today + ahead) % 7;
        const next = week[d].find(([from]) => ahead > 0 || from > now);
        const sentence = [said.opensToday, said.opensTomorrow][ahead] ?? JSON.parse(said.opensOn)[d];
        if (next) text = sentence.replace("{time}", times[next[0]]);
      }
    }
    const out = box.querySelector("[data-open-now-text]");
    if (text && out) {
      out.textContent = text;
      out.hidden = false;
    }
  }
})();
