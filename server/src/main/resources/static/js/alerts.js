// The alert inbox listens to its own stream and reloads its list when an alert arrives.
// EventSource reconnects by itself after a broken link; the list is read again on reconnect too.
(function () {
  "use strict";
  var inbox = document.getElementById("inbox");
  if (!inbox || !window.EventSource) {
    return;
  }
  var status = document.getElementById("live-status");
  function refresh() {
    var box = document.getElementById("inbox");
    fetch(box.getAttribute("data-refresh"), { credentials: "same-origin", headers: { "HX-Request": "true" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null) { return; }
        var holder = document.createElement("div");
        holder.innerHTML = html;
        var fresh = holder.querySelector("#inbox");
        if (fresh) { box.replaceWith(fresh); }
      });
  }
  var stream = new EventSource(inbox.getAttribute("data-stream"));
  var opened = false;
  stream.addEventListener("open", function () {
    if (opened) { refresh(); }
    opened = true;
    document.body.setAttribute("data-alert-stream", "open");
  });
  stream.addEventListener("alert", function () {
    if (status) { status.textContent = inbox.getAttribute("data-arrived"); }
    refresh();
  });
})();
