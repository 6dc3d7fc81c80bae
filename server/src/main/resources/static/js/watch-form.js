// The watch editor shows only the fields of the chosen kind; without scripts every field stays visible.
(function () {
  "use strict";
  var kind = document.getElementById("watch-kind");
  if (!kind) {
    return;
  }
  function show() {
    document.querySelectorAll("[data-kinds]").forEach(function (el) {
      el.hidden = el.getAttribute("data-kinds").split(" ").indexOf(kind.value) < 0;
    });
  }
  kind.addEventListener("change", show);
  show();
})();
