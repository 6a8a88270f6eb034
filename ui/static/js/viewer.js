// Full-size image viewer: "Click to see full-size image" opens the picture
// in a dialog over the page instead of leaving it. Escape or the close
// button shuts it and focus goes back to the link. Without this script the
// link simply opens the image.
(function () {
  "use strict";
  if (typeof HTMLDialogElement !== "function") return;
  var dialog = null, img = null, opener = null;

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "viewer";
    dialog.setAttribute("aria-label", "Full-size image");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "viewer-close";
    close.textContent = "Close";
    close.addEventListener("click", function () { dialog.close(); });
    var frame = document.createElement("div");
    frame.className = "viewer-frame";
    // Opening focuses the picture's frame, not the Close button: a link
    // opened with Enter acts on keydown, and the same key's keypress would
    // otherwise reach the button and shut the viewer at once.
    frame.tabIndex = -1;
    frame.autofocus = true;
    img = document.createElement("img");
    img.decoding = "async";
    frame.appendChild(img);
    dialog.appendChild(close);
    dialog.appendChild(frame);
    // A click on the dark backdrop, outside the picture, closes too.
    dialog.addEventListener("click", function (e) { if (e.target === dialog) dialog.close(); });
    dialog.addEventListener("close", function () {
      img.removeAttribute("src");
      if (opener) opener.focus();
    });
    document.body.appendChild(dialog);
  }

  document.addEventListener("click", function (e) {
    var link = e.target.closest ? e.target.closest("a.full-size-link") : null;
    if (!link || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    if (!dialog) build();
    opener = link;
    img.alt = link.getAttribute("data-alt") || "";
    img.src = link.href;
    dialog.showModal();
  });
})();
