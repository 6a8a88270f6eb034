// Dateline story editor: live preview and autosave. The editor works without
// this script; it only saves keystrokes and clicks.
(function () {
  "use strict";
  var form = document.getElementById("editor");
  if (!form) return;
  var body = document.getElementById("body");
  var preview = document.getElementById("preview-body");
  var status = document.getElementById("autosave-status");
  var version = form.querySelector("input[name=version]");
  var language = document.getElementById("language");

  // Live preview, rendered by the server with the public page's own code.
  var previewTimer = null;
  function refreshPreview() {
    var data = new URLSearchParams();
    data.set("body", body.value);
    data.set("language", language ? language.value : "");
    fetch("/admin/preview", { method: "POST", body: data, credentials: "same-origin" })
      .then(function (res) { return res.ok ? res.text() : null; })
      .then(function (html) { if (html !== null) preview.innerHTML = html; })
      .catch(function () {});
  }
  body.addEventListener("input", function () {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(refreshPreview, 400);
  });

  // Autosave every 20 seconds after a change, for stories already saved once.
  if (form.dataset.autosave !== "on") return;
  var dirty = false;
  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("submit", function () { dirty = false; });
  setInterval(function () {
    if (!dirty) return;
    dirty = false;
    var data = new URLSearchParams(new FormData(form));
    data.set("action", "autosave");
    fetch(form.action, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (res) {
        if (res.status === 200) return res.json();
        dirty = true;
        if (res.status === 409) status.textContent = "Not autosaved: someone else saved this story. Save to see both versions.";
        else if (res.status === 401) status.textContent = "Not autosaved: your session has ended. Press Save to sign in again; your text is kept.";
        else status.textContent = "Not autosaved (" + res.status + "). Press Save to see why.";
        return null;
      })
      .then(function (json) {
        if (!json) return;
        version.value = json.version;
        status.textContent = "Draft autosaved at " + json.saved + ".";
      })
      .catch(function () { dirty = true; status.textContent = "Not autosaved: the server could not be reached."; });
  }, 20000);
})();
