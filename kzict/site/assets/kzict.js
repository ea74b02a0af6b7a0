// Large tables: the page shows the first rows; the search box filters every row, which travel in a
// separate script (window.kzictRows[data-src]) so that the page itself stays small.
(function () {
  var LIMIT = 500; // matches drawn at most; the count says how many there are
  function cell(v) {
    var td = document.createElement("td");
    if (v === null) {
      var na = document.createElement("span");
      na.className = "kzict-na";
      na.textContent = "NA";
      td.appendChild(na);
    } else {
      td.textContent = v;
    }
    return td;
  }
  function setup(box) {
    var input = box.querySelector("input.kzict-search");
    var shown = box.querySelector(".kzict-shown");
    var body = box.querySelector("tbody");
    var preview = Array.prototype.slice.call(body.children);
    var all = (window.kzictRows || {})[box.getAttribute("data-src")] || [];
    var text = all.map(function (r) {
      return r.map(function (v) { return v === null ? "NA" : v; }).join("\t").toLowerCase();
    });
    function update() {
      var q = input.value.trim().toLowerCase();
      var words = q.split(/\s+/); // every word must occur in the row, anywhere
      body.textContent = "";
      if (!q) {
        preview.forEach(function (tr) { body.appendChild(tr); });
        shown.textContent = String(preview.length);
        return;
      }
      var found = 0;
      for (var i = 0; i < all.length; i++) {
        var all_found = true;
        for (var w = 0; w < words.length && all_found; w++) all_found = text[i].indexOf(words[w]) >= 0;
        if (!all_found) continue;
        found += 1;
        if (found > LIMIT) continue;
        var tr = document.createElement("tr");
        all[i].forEach(function (v) { tr.appendChild(cell(v)); });
        body.appendChild(tr);
      }
      shown.textContent = found > LIMIT ? LIMIT + " of " + found + " matching" : String(found);
    }
    if (input) input.addEventListener("input", update);
  }
  function init() {
    document.querySelectorAll(".kzict-table[data-preview]").forEach(setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
