// Says "open now" or when the line opens next, in the page's language and the line's time zone.
// The week and its opening times, already written in the page's language, come from
// data-hotline-schedule; the sentences come whole from the page's UI strings, one for today, one
// for tomorrow and one for each weekday (data-opens-on, Monday first), so no word is glued into
// a sentence here and no locale data of the browser is needed. Without JavaScript the hours alone
// are shown. Public holidays cannot be known here: the page says them in words.
(() => {
  for (const box of document.querySelectorAll("[data-hotline-schedule]")) {
    // A template's own partial without the sentences: the hours alone, as without JavaScript.
    if (!box.dataset.opensOn || !box.dataset.opensToday || !box.dataset.opensTomorrow) continue;
    const { zone, week, times } = JSON.parse(box.dataset.hotlineSchedule);
    const opensOn = JSON.parse(box.dataset.opensOn);
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
        if (!next) continue;
        const sentence =
          ahead === 0 ? box.dataset.opensToday : ahead === 1 ? box.dataset.opensTomorrow : opensOn[d];
        text = sentence.replace("{time}", times[next[0]]);
      }
    }
    const out = box.querySelector("[data-open-now-text]");
    if (text && out) {
      out.textContent = text;
      out.hidden = false;
    }
  }
})();
