// Safety exit: the button is a plain link. With this script the page blanks at once, Back
// cannot return (location.replace), and Shift pressed alone three times in 2 s also leaves
// (any other key restarts the count; a held Shift counts once).
(() => {
  const link = document.querySelector("[data-exit-page]");
  const leave = (event) => {
    event.preventDefault();
    document.body.hidden = true;
    document.title = "";
    window.location.replace(link.href);
  };
  link.addEventListener("click", leave);
  let presses = [];
  document.addEventListener("keydown", (event) => {
    if (event.repeat) return;
    const now = Date.now();
    presses = presses.filter((time) => now - time < 2000).concat(now);
    if (event.key !== "Shift") presses = [];
    if (presses.length >= 3) leave(event);
  });
})();
