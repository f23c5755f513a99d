// Sortable tables: numbers as numbers, text in Korean collation; click a header again to reverse.
(function () {
  'use strict';
  document.querySelectorAll('table.sortable').forEach(function (table) {
    table.querySelectorAll('th').forEach(function (th, column) {
      th.addEventListener('click', function () {
        var descending = th.getAttribute('aria-sort') === 'ascending';
        table.querySelectorAll('th').forEach(function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        function key(row) {
          var cell = row.cells[column];
          var raw = cell ? (cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent) : '';
          var n = parseFloat(raw);
          return isNaN(n) || String(n) !== raw.trim() ? raw : n;
        }
        rows.sort(function (a, b) {
          var x = key(a), y = key(b), order;
          if (typeof x === 'number' && typeof y === 'number') { order = x - y; }
          else { order = String(x).localeCompare(String(y), 'ko'); }
          return descending ? -order : order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
}());
