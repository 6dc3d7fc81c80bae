// The partner cell form offers only the agreements that name the chosen organisation; without scripts every
// agreement in force stays offered and the server refuses one that does not name it.
(function () {
  "use strict";
  var organisation = document.getElementById("organisationId");
  var agreement = document.getElementById("agreementId");
  if (!organisation || !agreement) {
    return;
  }
  function filter() {
    Array.prototype.forEach.call(agreement.options, function (option) {
      var parties = option.getAttribute("data-parties");
      if (parties === null) {
        return;
      }
      option.hidden = organisation.value !== "" && parties.split(" ").indexOf(organisation.value) < 0;
      option.disabled = option.hidden;
    });
    var chosen = agreement.options[agreement.selectedIndex];
    if (chosen && chosen.disabled) {
      agreement.value = "";
    }
  }
  organisation.addEventListener("change", filter);
  filter();
})();
