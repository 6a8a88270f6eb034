// Click-to-load video: the player from YouTube or Vimeo is only fetched
// when the reader presses play. Without this script the button is a plain
// link to the video's page.
(function () {
  "use strict";
  document.addEventListener("click", function (e) {
    var link = e.target.closest ? e.target.closest("a.video-play") : null;
    if (!link || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    var frame = document.createElement("iframe");
    frame.src = link.getAttribute("data-embed");
    frame.title = "Video player";
    frame.allow = "autoplay; fullscreen; picture-in-picture";
    frame.setAttribute("allowfullscreen", "");
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    link.parentNode.replaceChild(frame, link);
    frame.focus();
  });
})();
