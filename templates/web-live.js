(function () {
  "use strict";
  var seen = null;
  function tick() {
    fetch("/_version", { cache: "no-store" }).then(function (r) {
      return r.ok ? r.text() : null;
    }).then(function (v) {
      if (v === null) return;
      if (seen === null) seen = v;
      else if (v !== seen) location.reload();
    }).catch(function () {}).then(function () { setTimeout(tick, 1000); });
  }
  tick();
})();
