// Comment replies without reloading: "Reply" moves the form under the
// comment, "Cancel reply" puts it back. Without this script the same links
// reload the page with the form set to reply.
(function () {
  "use strict";
  var respond = document.getElementById("respond");
  var parent = document.getElementById("parent_id");
  var cancel = document.getElementById("cancel-reply");
  if (!respond || !parent || !cancel) return;
  var home = document.createElement("div");
  respond.parentNode.insertBefore(home, respond);
  var cancelBox = cancel.parentNode;
  var title = document.getElementById("reply-title");

  function moveTo(commentID) {
    var li = document.getElementById("comment-" + commentID);
    if (!li) return;
    li.appendChild(respond);
    parent.value = commentID;
    cancelBox.hidden = false;
    var name = li.querySelector(".comment-author");
    title.textContent = name ? "Reply to " + name.textContent : "Leave a Reply";
    document.getElementById("comment").focus();
  }
  document.addEventListener("click", function (e) {
    var link = e.target.closest ? e.target.closest(".reply-link") : null;
    if (link) {
      e.preventDefault();
      moveTo(link.getAttribute("data-comment"));
    }
  });
  cancel.addEventListener("click", function (e) {
    e.preventDefault();
    home.parentNode.insertBefore(respond, home);
    parent.value = "";
    cancelBox.hidden = true;
    title.textContent = "Leave a Reply";
    document.getElementById("comment").focus();
  });
  if (parent.value) moveTo(parent.value);
})();
