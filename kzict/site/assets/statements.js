// The public statements page: show the cards whose verdict and topic match the two filters.
(function () {
  function setup() {
    var selects = Array.prototype.slice.call(document.querySelectorAll("select.kzict-filter"));
    var cards = Array.prototype.slice.call(document.querySelectorAll(".kzict-statement"));
    var shown = document.querySelector(".kzict-filters .kzict-shown");
    if (!selects.length || !cards.length) return;
    function update() {
      var n = 0;
      cards.forEach(function (card) {
        var ok = selects.every(function (s) {
          return !s.value || card.getAttribute("data-" + s.getAttribute("data-filter")) === s.value;
        });
        card.hidden = !ok;
        if (ok) n += 1;
      });
      if (shown) shown.textContent = n + " of " + cards.length + " shown";
    }
    selects.forEach(function (s) { s.addEventListener("change", update); });
    update();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
