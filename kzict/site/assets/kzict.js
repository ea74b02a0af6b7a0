// Large tables: show the first rows until the reader searches, then every matching row.
(function () {
  function setup(box) {
    var preview = parseInt(box.getAttribute("data-preview"), 10);
    var input = box.querySelector("input.kzict-search");
    var shown = box.querySelector(".kzict-shown");
    var rows = Array.prototype.slice.call(box.querySelectorAll("tbody tr"));
    function update() {
      var q = input ? input.value.trim().toLowerCase() : "";
      var n = 0;
      rows.forEach(function (tr, i) {
        var show = q ? tr.textContent.toLowerCase().indexOf(q) >= 0 : i < preview;
        tr.hidden = !show;
        if (show) n += 1;
      });
      if (shown) shown.textContent = String(n);
    }
    if (input) input.addEventListener("input", update);
    update();
  }
  function init() {
    document.querySelectorAll(".kzict-table[data-preview]").forEach(setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
