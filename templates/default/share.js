// The "Share…" button: shown only where the browser offers the Web Share API.
(() => {
  const button = document.querySelector(".share-button");
  if (!button || typeof navigator.share !== "function") return;
  button.hidden = false;
  button.addEventListener("click", () => {
    navigator
      .share({
        title: button.dataset.shareTitle,
        text: button.dataset.shareText,
        url: button.dataset.shareUrl,
      })
      .catch(() => {});
  });
})();
