// prongsai serve: reloads the page after a rebuild; shows a failed build's messages over
// the page (the page itself stays the last good build). Only added by `prongsai serve`.
(function () {
  "use strict";
  var me = document.currentScript;
  var version = Number(me && me.getAttribute("data-version")) || 0;
  var box = null;

  function show(text) {
    if (!box) {
      box = document.createElement("div");
      box.id = "prongsai-error";
      box.setAttribute("role", "alert");
      var s = box.style;
      s.position = "fixed"; s.inset = "0"; s.zIndex = "2147483647"; s.overflow = "auto";
      s.background = "rgba(20,20,20,.94)"; s.color = "#fff"; s.padding = "1.5rem";
      s.font = "15px/1.6 ui-monospace, monospace";
      var close = document.createElement("button");
      close.type = "button";
      close.textContent = "ปิด ✕";
      close.style.float = "right";
      close.addEventListener("click", function () { box.hidden = true; });
      var head = document.createElement("p");
      head.textContent = "สร้างเว็บไซต์ไม่สำเร็จ: หน้านี้ยังเป็นฉบับก่อนหน้า แก้ไฟล์แล้วบันทึก หน้าจะโหลดใหม่เอง";
      head.style.fontWeight = "bold";
      var pre = document.createElement("pre");
      pre.style.whiteSpace = "pre-wrap";
      box.appendChild(close); box.appendChild(head); box.appendChild(pre);
      document.body.appendChild(box);
    }
    box.hidden = false;
    box.querySelector("pre").textContent = text;
  }

  function handle(s) {
    if (s.error) {
      show(s.error);
    } else if (s.version !== version) {
      location.reload();
      return false;
    } else if (box) {
      box.hidden = true;
    }
    version = s.version;
    return true;
  }

  function poll() {
    fetch("/__prongsai/wait?v=" + version, { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (s) { if (handle(s)) poll(); })
      .catch(function () { setTimeout(poll, 1000); });
  }

  fetch("/__prongsai/status", { cache: "no-store" })
    .then(function (r) { return r.json(); })
    .then(function (s) { if (handle(s)) poll(); })
    .catch(function () { setTimeout(poll, 1000); });
})();
