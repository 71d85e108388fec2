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
      m.setAttribute("aria-pressed", "true");
      m.title = "Show or hide these highlights";
      var toggle = function () {
        var cls = m.className.split(" ")[0];
        var off = m.classList.toggle("off");
        m.setAttribute("aria-pressed", off ? "false" : "true");
        body.classList.toggle("hide-" + cls);
      };
      m.addEventListener("click", toggle);
      m.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); toggle(); } });
    });
  }
  // Copy citation buttons: shown only where the clipboard can be used.
  // A claim card's button copies the citation its table row carries.
  document.querySelectorAll("button.copy[data-copy], button.copy[data-copy-of]").forEach(function (b) {
    if (!navigator.clipboard) { return; }
    var text = b.dataset.copy;
    if (b.dataset.copyOf) {
      var row = document.getElementById(b.dataset.copyOf);
      var src = row && row.querySelector("button.copy[data-copy]");
      if (!src) { return; }
      text = src.dataset.copy;
    }
    b.hidden = false;
    b.addEventListener("click", function () {
      navigator.clipboard.writeText(text).then(function () {
        var was = b.textContent;
        b.textContent = "Copied";
        setTimeout(function () { b.textContent = was; }, 1500);
      }, function () { b.textContent = "Copy failed: select the text on the claim's page"; });
    });
  });
  // Forms that start long work: one press only, and say it is working.
  document.querySelectorAll("form.add, #correct-form, #move-form, #merge-form, #split-form").forEach(function (f) {
    f.addEventListener("submit", function () {
      var b = f.querySelector("button[type=submit]");
      if (b) { b.disabled = true; b.textContent = f.classList.contains("add") ? "Sending…" : "Saving…"; }
    });
  });
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
