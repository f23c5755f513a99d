// The review page's behaviour: the innermost highlight under the pointer, focus or finger is
// the one shown; every mention shows its record; table rows and highlights select each other;
// the legend filters kinds; headers sort. No library, no network.
(function () {
  'use strict';
  var text = document.getElementById('body');
  var hint = document.getElementById('hint');

  function rowFor(id) { return document.querySelector('tr[data-record="' + id + '"]'); }
  function markFor(id) {
    return document.querySelector('mark[data-id="' + id + '"]') ||
      document.querySelector('mark[data-record="' + id + '"]');
  }

  function openTab(kind) {
    document.querySelectorAll('[role="tab"]').forEach(function (tab) {
      var on = tab.dataset.kind === kind;
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
    });
    document.querySelectorAll('[role="tabpanel"]').forEach(function (panel) {
      panel.hidden = panel.dataset.kind !== kind;
    });
  }

  function show(id, from) {
    document.querySelectorAll('mark.active').forEach(function (m) { m.classList.remove('active'); });
    document.querySelectorAll('mark[data-record="' + id + '"]').forEach(function (m) { m.classList.add('active'); });
    var found = false;
    document.querySelectorAll('section.record').forEach(function (section) {
      section.hidden = section.id !== 'record-' + id;
      found = found || !section.hidden;
    });
    if (hint) { hint.hidden = found; }
    document.body.dataset.shown = id;
    document.querySelectorAll('tr.selected').forEach(function (r) { r.classList.remove('selected'); });
    var row = rowFor(id);
    if (row) {
      row.classList.add('selected');
      if (from !== 'row') { openTab(row.closest('[role="tabpanel"]').dataset.kind); }
    }
  }

  function goTo(id) {
    var mark = markFor(id);
    show(id, 'row');
    if (mark) {
      mark.scrollIntoView({block: 'center'});
      mark.classList.remove('flash');
      void mark.offsetWidth;  // restart the animation
      mark.classList.add('flash');
      mark.focus({preventScroll: true});
    }
  }

  function innermost(target) { return target && target.closest ? target.closest('mark[data-record]') : null; }
  function onMark(event) {
    var mark = innermost(event.target);
    if (!mark) { return; }
    if (event.type === 'click') { event.preventDefault(); }
    show(mark.dataset.record, 'mark');
  }
  text.addEventListener('mouseover', onMark);
  text.addEventListener('click', onMark);
  text.addEventListener('focusin', onMark);
  text.addEventListener('keydown', function (event) { if (event.key === 'Enter') { onMark(event); } });

  document.querySelectorAll('tr[data-record]').forEach(function (row) {
    row.addEventListener('click', function () { goTo(row.dataset.record); });
  });
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-goto]');
    if (link) { event.preventDefault(); goTo(link.dataset.goto); }
  });
  document.querySelectorAll('[role="tab"]').forEach(function (tab) {
    tab.addEventListener('click', function () { openTab(tab.dataset.kind); });
  });
  document.querySelectorAll('.legend button[data-kind]').forEach(function (button) {
    button.addEventListener('click', function () {
      var on = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', on ? 'true' : 'false');
      document.body.classList.toggle('hide-' + button.dataset.kind, !on);
    });
  });

}());
