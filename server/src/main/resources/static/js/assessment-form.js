// The product editor: "add a row" buttons for summary paragraphs and key judgments, and the matrix cell
// and resulting level following the likelihood and impact chosen. Without scripts the page offers one
// empty row of each and the server shows the resulting level after saving.
(function () {
  "use strict";
  var form = document.getElementById("assessment-form");
  if (!form) {
    return;
  }

  function renumber(el, index) {
    ["name", "id", "for"].forEach(function (attr) {
      var value = el.getAttribute(attr);
      if (value) {
        el.setAttribute(attr, value.replace(/\[\d+\]/, "[" + index + "]").replace(/-\d+-/, "-" + index + "-"));
      }
    });
  }

  document.querySelectorAll("button.add-row").forEach(function (button) {
    var rows = document.getElementById(button.getAttribute("data-rows"));
    button.hidden = false;
    button.addEventListener("click", function () {
      var all = rows.querySelectorAll("[data-row]");
      var last = all[all.length - 1];
      var row = last.cloneNode(true);
      var index = all.length;
      row.querySelectorAll("[name], [id], [for]").forEach(function (el) {
        renumber(el, index);
      });
      row.querySelectorAll("textarea, input").forEach(function (el) {
        el.value = "";
        el.removeAttribute("aria-invalid");
      });
      row.querySelectorAll(".field-error").forEach(function (el) {
        el.remove();
      });
      row.querySelectorAll("label").forEach(function (label) {
        // the row's number is the only digits in its first label ("Paragraph 2", "الفقرة 2")
        if (label === row.querySelector("label")) {
          label.textContent = label.textContent.replace(/\d+/, String(index + 1));
        }
      });
      rows.appendChild(row);
      var first = row.querySelector("textarea");
      if (first) {
        first.focus();
      }
    });
  });

  var likelihood = document.getElementById("likelihood");
  var impact = document.getElementById("impact");
  var output = document.getElementById("resulting-level");
  function follow() {
    var found = null;
    document.querySelectorAll("#matrix td[data-likelihood]").forEach(function (cell) {
      var chosen = cell.getAttribute("data-likelihood") === likelihood.value
          && cell.getAttribute("data-impact") === impact.value;
      cell.classList.toggle("chosen", chosen);
      if (chosen) {
        cell.setAttribute("aria-current", "true");
        found = cell;
      } else {
        cell.removeAttribute("aria-current");
      }
    });
    output.textContent = found ? found.textContent : "—";
  }
  if (likelihood && impact && output) {
    likelihood.addEventListener("change", follow);
    impact.addEventListener("change", follow);
  }
})();
