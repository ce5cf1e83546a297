/**
 * The page's only script, inlined: the filter box, "only problems", and
 * expand/collapse all. It reads the DOM and fetches nothing; the page reads
 * fully without it (details elements open and close natively).
 */
export const PAGE_SCRIPT = `
(function () {
  var box = document.getElementById('pg-filter');
  var only = document.getElementById('pg-only-problems');
  var count = document.getElementById('pg-count');
  var tests = Array.prototype.slice.call(document.querySelectorAll('details.test'));
  function apply() {
    var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    tests.forEach(function (el) {
      var text = el.getAttribute('data-search') || '';
      var hit = words.every(function (w) { return text.indexOf(w) !== -1; }) && (!only.checked || el.classList.contains('has-problem'));
      el.hidden = !hit;
      if (hit) shown++;
    });
    count.textContent = shown + ' of ' + tests.length + ' tests shown';
  }
  function openAll(open) {
    document.querySelectorAll('details').forEach(function (d) { d.open = open; });
  }
  box.addEventListener('input', apply);
  only.addEventListener('change', apply);
  document.getElementById('pg-expand').addEventListener('click', function () { openAll(true); });
  document.getElementById('pg-collapse').addEventListener('click', function () { openAll(false); });
  apply();
})();
`;
