// Safety exit: the button is a plain link and works without this script. With it, pressing
// Shift three times within two seconds also leaves, the page blanks at once, and
// location.replace keeps the back button from returning here.
(() => {
  const link = document.querySelector("[data-exit-page]");
  if (!link) return;
  const leave = (event) => {
    if (event) event.preventDefault();
    document.body.hidden = true;
    document.title = "";
    window.location.replace(link.href);
  };
  link.addEventListener("click", leave);
  let presses = [];
  document.addEventListener("keyup", (event) => {
    if (event.key !== "Shift") return;
    const now = Date.now();
    presses = presses.filter((time) => now - time < 2000).concat(now);
    if (presses.length >= 3) leave();
  });
})();
