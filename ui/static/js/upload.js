// Story editor uploads: pick a file, or drop it on the story text, and it
// goes to the media library with a progress bar; the image (or video) is
// then put into the story as Markdown at the cursor, or made the featured
// image. Without this script the media library's own upload form does the
// same job in two steps.
(function () {
  "use strict";
  var box = document.getElementById("media-drop");
  var body = document.getElementById("body");
  if (!box || !body || typeof FormData !== "function") return;
  var picker = document.getElementById("media-drop-file");
  var alt = document.getElementById("media-drop-alt");
  var place = document.getElementById("media-drop-place");
  var progress = document.getElementById("media-drop-progress");
  var status = document.getElementById("media-drop-status");
  var featured = document.getElementById("featured_media");
  var queue = [], busy = false;
  box.hidden = false;

  function say(text, isError) {
    status.textContent = text;
    status.className = isError ? "field-error" : "";
  }

  // The Markdown goes on a line of its own, where it becomes a figure.
  function insertAtCursor(text) {
    var v = body.value, start = body.selectionStart, end = body.selectionEnd;
    var before = v.slice(0, start), after = v.slice(end);
    var pre = before === "" || /\n\n$/.test(before) ? "" : /\n$/.test(before) ? "\n" : "\n\n";
    var post = after === "" || /^\n\n/.test(after) ? "" : /^\n/.test(after) ? "\n" : "\n\n";
    body.value = before + pre + text + post + after;
    var caret = (before + pre + text).length;
    body.setSelectionRange(caret, caret);
    body.dispatchEvent(new Event("input", { bubbles: true })); // preview and autosave follow
  }

  function makeFeatured(result) {
    var option = featured.querySelector('option[value="' + result.id + '"]');
    if (!option) {
      option = document.createElement("option");
      option.value = String(result.id);
      option.textContent = "#" + result.id + " " + result.label + (result.alt ? "" : " (no alt text)");
      featured.insertBefore(option, featured.options[1] || null);
    }
    featured.value = String(result.id);
    featured.dispatchEvent(new Event("input", { bubbles: true }));
    featured.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function done(file, xhr) {
    var result = null;
    try { result = JSON.parse(xhr.responseText); } catch (e) { result = null; }
    if (result && result.id && xhr.status === 200) {
      var asFeatured = place.value === "featured" && !/^video\//.test(file.type);
      if (asFeatured) makeFeatured(result); else insertAtCursor(result.markdown);
      var where = asFeatured ? "Set as the featured image: " : "Inserted into the story: ";
      say(where + file.name + "." + (result.alt ? "" : " Give it alt text before publishing.") +
        (result.message && result.message.indexOf("already") >= 0 ? " " + result.message : ""), false);
    } else if (result && result.error) {
      say("Not uploaded: " + file.name + ". " + result.error, true);
    } else if (xhr.status === 401 || xhr.status === 403 || xhr.responseURL.indexOf("/sign-in") >= 0) {
      say("Not uploaded: your session has ended. Sign in again in another tab; your text is kept here.", true);
    } else if (xhr.status === 413) {
      say("Not uploaded: " + file.name + " is too large (images up to 40 MB, videos up to 500 MB).", true);
    } else {
      say("Not uploaded: " + file.name + " (the server answered " + xhr.status + "). Try again, or use the media library.", true);
    }
  }

  function next() {
    if (busy || queue.length === 0) return;
    busy = true;
    var file = queue.shift();
    var data = new FormData();
    data.append("alt", alt.value);
    data.append("file", file, file.name);
    var xhr = new XMLHttpRequest();
    xhr.open("POST", "/admin/media");
    xhr.setRequestHeader("Accept", "application/json");
    progress.hidden = false;
    progress.value = 0;
    say("Uploading " + file.name + "…", false);
    xhr.upload.addEventListener("progress", function (e) {
      if (!e.lengthComputable) return;
      progress.value = Math.round(100 * e.loaded / e.total);
      if (progress.value === 100) say("Preparing " + file.name + " (resizing, removing location data)…", false);
    });
    xhr.addEventListener("load", function () { done(file, xhr); });
    xhr.addEventListener("error", function () {
      say("Not uploaded: " + file.name + ". The server could not be reached.", true);
    });
    xhr.addEventListener("loadend", function () {
      busy = false;
      progress.hidden = true;
      if (queue.length === 0) alt.value = "";
      next();
    });
    xhr.send(data);
  }

  function add(files) {
    for (var i = 0; i < files.length; i++) queue.push(files[i]);
    next();
  }

  picker.addEventListener("change", function () {
    add(picker.files);
    picker.value = "";
  });

  function hasFiles(e) {
    var types = e.dataTransfer && e.dataTransfer.types;
    return types && Array.prototype.indexOf.call(types, "Files") >= 0;
  }
  body.addEventListener("dragover", function (e) {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
    body.classList.add("drop-target");
  });
  body.addEventListener("dragleave", function () { body.classList.remove("drop-target"); });
  body.addEventListener("drop", function (e) {
    body.classList.remove("drop-target");
    if (!hasFiles(e) || e.dataTransfer.files.length === 0) return;
    e.preventDefault();
    body.focus();
    add(e.dataTransfer.files);
  });
})();
