(function () {
  "use strict";
  var table = document.getElementById("deals");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var q = document.getElementById("q");
  var st = document.getElementById("status");
  var count = document.getElementById("count");
  document.getElementById("controls").hidden = false;
  function key(row, i) {
    var c = row.cells[i];
    return c.getAttribute("data-v") || c.textContent.trim().toLowerCase();
  }
  function apply() {
    var t = q.value.trim().toLowerCase(), s = st.value, n = 0;
    rows.forEach(function (r) {
      var show = (s === "" || r.getAttribute("data-status") === s) &&
        (t === "" || r.textContent.toLowerCase().indexOf(t) >= 0);
      r.hidden = !show;
      if (show) n++;
    });
    count.textContent = n + " of " + rows.length + " deals shown";
  }
  function sortBy(th, i) {
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) {
      h.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    rows.sort(function (a, b) {
      var x = key(a, i), y = key(b, i);
      return (x < y ? -1 : x > y ? 1 : 0) * dir;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(b);
    b.addEventListener("click", function () { sortBy(th, i); });
  });
  q.addEventListener("input", apply);
  st.addEventListener("change", apply);
  apply();
})();
