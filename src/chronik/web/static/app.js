// chronik: small progressive enhancements; every page works without JavaScript.
(function () {
  "use strict";

  function toggleLayers() {
    var text = document.getElementById("article-text");
    if (!text) { return; }
    document.querySelectorAll(".layers input[data-layer]").forEach(function (box) {
      box.addEventListener("change", function () {
        text.classList.toggle("show-" + box.dataset.layer, box.checked);
      });
    });
  }

  // Hovering a quotation or event (in the text or the side list) marks all its parts.
  function linkParts(attribute) {
    var selector = "[" + attribute + "]";
    function parts(id) {
      return Array.prototype.filter.call(document.querySelectorAll(selector), function (node) {
        return node.getAttribute(attribute).split(" ").indexOf(id) !== -1;
      });
    }
    document.querySelectorAll(selector).forEach(function (node) {
      var ids = node.getAttribute(attribute).split(" ");
      node.addEventListener("mouseenter", function () {
        ids.forEach(function (id) { parts(id).forEach(function (p) { p.classList.add("is-focus"); }); });
      });
      node.addEventListener("mouseleave", function () {
        document.querySelectorAll(".is-focus").forEach(function (p) { p.classList.remove("is-focus"); });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    toggleLayers();
    linkParts("data-quote");
    linkParts("data-event");
  });
})();
