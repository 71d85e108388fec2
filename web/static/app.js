// Light enhancements only: every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Article page: click a legend entry to switch its highlight off and on.
  var body = document.getElementById("article-body");
  var legend = document.getElementById("legend");
  if (body && legend) {
    legend.querySelectorAll("mark").forEach(function (m) {
      m.setAttribute("role", "button");
      m.setAttribute("tabindex", "0");
      m.title = "Show or hide these highlights";
      var toggle = function () {
        var cls = m.className.split(" ")[0];
        m.classList.toggle("off");
        body.classList.toggle("hide-" + cls);
      };
      m.addEventListener("click", toggle);
      m.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); toggle(); } });
    });
  }
  // Article page: a marked claim sentence links to its row in the story's matrix.
  var story = document.getElementById("article-story");
  if (body && story) {
    body.addEventListener("click", function (e) {
      var m = e.target.closest("mark[data-ref]");
      if (m && /^claim-[\w.-]+$/.test(m.dataset.ref)) {
        window.location.href = story.getAttribute("href") + "#" + m.dataset.ref;
      }
    });
  }
  // Add page: list the chosen files.
  var input = document.getElementById("file-input");
  var list = document.getElementById("file-list");
  if (input && list) {
    input.addEventListener("change", function () {
      var names = Array.prototype.map.call(input.files, function (f) { return f.name; });
      list.textContent = names.length ? names.length + " file(s): " + names.join(", ") : "";
    });
  }
});
