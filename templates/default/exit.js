// Safety exit: the button is a plain link and works without this script. With it, pressing
// Shift three times within two seconds also leaves, the page blanks at once, and
// location.replace keeps the back button from returning here. Only Shift pressed on its own
// counts: any other key (a capital letter, Shift with an arrow) starts the count again, and a
// held Shift counts once.
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
