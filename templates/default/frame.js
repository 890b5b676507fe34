// The photo is framed on a canvas here; nothing is uploaded.
(() => {
  const ed = document.querySelector("[data-frame-editor]");
  if (!ed) return;
  const cv = ed.querySelector("canvas");
  const cx = cv.getContext("2d");
  const input = ed.querySelector("input");
  const save = ed.querySelector("[data-download]");
  const frame = new Image();
  frame.src = ed.dataset.frameSrc;
  const s = { p: null, z: 1, x: 0, y: 0 };
  ed.classList.add("frame-ready");
  const draw = () => {
    const n = cv.width;
    cx.fillStyle = "#fff";
    cx.fillRect(0, 0, n, n);
    if (s.p) {
      const k = Math.max(n / s.p.width, n / s.p.height) * s.z;
      const w = s.p.width * k;
      const h = s.p.height * k;
      cx.drawImage(s.p, (n - w) / 2 + s.x, (n - h) / 2 + s.y, w, h);
    }
    if (frame.complete) cx.drawImage(frame, 0, 0, n, n);
  };
  frame.onload = draw;
  input.onchange = () => {
    const p = new Image();
    p.onload = () => {
      Object.assign(s, { p, z: 1, x: 0, y: 0 });
      save.disabled = false;
      draw();
    };
    p.src = URL.createObjectURL(input.files[0]);
  };
  const move = (dx, dy) => {
    s.x += dx;
    s.y += dy;
    draw();
  };
  const zoom = (f) => {
    s.z = Math.min(8, Math.max(0.2, s.z * f));
    draw();
  };
  cv.onkeydown = (e) => {
    const d = e.shiftKey ? 100 : 20;
    const k = {
      ArrowLeft: [-d, 0],
      ArrowRight: [d, 0],
      ArrowUp: [0, -d],
      ArrowDown: [0, d],
      "+": 1.1,
      "-": 0.9,
    }[e.key];
    if (!k) return;
    e.preventDefault();
    Array.isArray(k) ? move(...k) : zoom(k);
  };
  let at;
  cv.onpointerdown = (e) => {
    at = [e.clientX, e.clientY];
    cv.setPointerCapture(e.pointerId);
  };
  cv.onpointermove = (e) => {
    if (!e.buttons) return;
    const r = cv.width / cv.getBoundingClientRect().width;
    move((e.clientX - at[0]) * r, (e.clientY - at[1]) * r);
    at = [e.clientX, e.clientY];
  };
  for (const b of ed.querySelectorAll("[data-zoom]")) b.onclick = () => zoom(Number(b.dataset.zoom));
  save.onclick = () =>
    cv.toBlob((blob) => {
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "profile-picture.png";
      a.click();
    });
})();
