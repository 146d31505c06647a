(function () {
  "use strict";
  // Sortable tables: click (or Enter on) a column heading; numbers sort as numbers.
  function cellKey(td) {
    var v = td.getAttribute("data-v");
    var t = v !== null ? v : td.textContent.trim();
    return t !== "" && !isNaN(+t) ? +t : t.toLowerCase();
  }
  function compare(x, y) {
    if (typeof x !== typeof y) { return typeof x === "number" ? -1 : 1; }
    return x < y ? -1 : x > y ? 1 : 0;
  }
  function sortBy(table, col, th) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    rows.sort(function (a, b) { return compare(cellKey(a.cells[col]), cellKey(b.cells[col])) * dir; });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.kg-table"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      th.addEventListener("click", function () { sortBy(table, i, th); });
      th.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortBy(table, i, th); }
      });
    });
  });
  // The index: search (every word, any column, aliases too), kind filter, statutory gaps.
  var index = document.getElementById("kg-index");
  var q = document.getElementById("kg-q");
  var kind = document.getElementById("kg-kind");
  var gap = document.getElementById("kg-gap");
  var count = document.getElementById("kg-count");
  function filter() {
    var rows = index.tBodies[0].rows;
    var words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var text = (r.textContent + " " + (r.getAttribute("data-search") || "")).toLowerCase();
      var ok = words.every(function (w) { return text.indexOf(w) >= 0; }) &&
        (!kind.value || r.getAttribute("data-kind") === kind.value) &&
        (!gap.checked || r.getAttribute("data-gap") === "1");
      r.hidden = !ok;
      if (ok) { shown++; }
    }
    count.textContent = shown + " of " + rows.length + " shown";
  }
  if (index && q && kind && gap && count) {
    [q, kind, gap].forEach(function (el) {
      el.addEventListener("input", filter);
      el.addEventListener("change", filter);
    });
    filter();
  }
  window.kgReport = { ready: true };
})();
