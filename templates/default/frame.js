// The profile-picture frame: the chosen photo is drawn under the frame on a canvas, in this
// browser only. Nothing is uploaded: the photo is read through a blob: address on this device.
(() => {
  const editor = document.querySelector("[data-frame-editor]");
  if (!editor || !window.HTMLCanvasElement) return;
  const canvas = editor.querySelector("canvas");
  const context = canvas.getContext("2d");
  const input = editor.querySelector("input[type=file]");
  const download = editor.querySelector("[data-download]");
  const frame = new Image();
  frame.src = editor.dataset.frameSrc;
  const state = { photo: null, zoom: 1, x: 0, y: 0 };
  canvas.style.maxWidth = "100%";
  canvas.style.height = "auto";
  editor.hidden = false;

  function draw() {
    const size = canvas.width;
    context.clearRect(0, 0, size, size);
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, size, size);
    const photo = state.photo;
    if (photo) {
      const scale = Math.max(size / photo.width, size / photo.height) * state.zoom;
      const width = photo.width * scale;
      const height = photo.height * scale;
      context.drawImage(photo, (size - width) / 2 + state.x, (size - height) / 2 + state.y, width, height);
    }
    if (frame.complete) context.drawImage(frame, 0, 0, size, size);
  }
  frame.addEventListener("load", draw);

  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (!file) return;
    const photo = new Image();
    const url = URL.createObjectURL(file);
    photo.addEventListener("load", () => {
      URL.revokeObjectURL(url);
      Object.assign(state, { photo, zoom: 1, x: 0, y: 0 });
      download.disabled = false;
      draw();
    });
    photo.src = url;
  });

  const move = (dx, dy) => {
    state.x += dx;
    state.y += dy;
    draw();
  };
  const zoom = (factor) => {
    state.zoom = Math.min(8, Math.max(0.2, state.zoom * factor));
    draw();
  };
  canvas.addEventListener("keydown", (event) => {
    const step = event.shiftKey ? 100 : 20;
    const keys = {
      ArrowLeft: () => move(-step, 0),
      ArrowRight: () => move(step, 0),
      ArrowUp: () => move(0, -step),
      ArrowDown: () => move(0, step),
      "+": () => zoom(1.1),
      "=": () => zoom(1.1),
      "-": () => zoom(0.9),
    };
    if (!keys[event.key]) return;
    event.preventDefault();
    keys[event.key]();
  });
  let drag = null;
  canvas.addEventListener("pointerdown", (event) => {
    drag = { x: event.clientX, y: event.clientY };
    canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const ratio = canvas.width / canvas.getBoundingClientRect().width;
    move((event.clientX - drag.x) * ratio, (event.clientY - drag.y) * ratio);
    drag = { x: event.clientX, y: event.clientY };
  });
  canvas.addEventListener("pointerup", () => {
    drag = null;
  });
  for (const button of editor.querySelectorAll("[data-zoom]"))
    button.addEventListener("click", () => zoom(Number(button.dataset.zoom)));
  download.addEventListener("click", () => {
    canvas.toBlob((blob) => {
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "profile-picture.png";
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    }, "image/png");
  });
  draw();
})();
