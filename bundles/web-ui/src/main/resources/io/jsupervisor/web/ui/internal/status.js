// Keeps the status table current: fetches status.json every 2 s and redraws the rows with DOM
// calls only (textContent, never innerHTML), so names and descriptions cannot inject markup.
(function () {
  'use strict';
  var token = document.getElementById('csrf-token').value;
  var table = document.getElementById('statustable');
  var tbody = document.getElementById('tbody');
  var empty = document.getElementById('noprograms');
  var filter = document.getElementById('filter');
  var live = document.getElementById('live');
  var last = null;
  // built from origin + path: a page opened as http://user:pw@host/ has a base URL with credentials,
  // and fetch() refuses any URL resolved against it
  var feed = location.origin + location.pathname.replace(/[^/]*$/, '') + 'status.json';

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function row(p) {
    var ns = encodeURIComponent(p.namespec);
    var tr = el('tr', { 'data-name': p.namespec });
    var status = el('td', { 'class': 'status' });
    status.appendChild(el('span', { 'class': p.stateClass }, p.state));
    tr.appendChild(status);
    tr.appendChild(el('td', { 'class': 'desc' }, p.description));
    var name = el('td', { 'class': 'name' });
    name.appendChild(el('a', { href: 'tail.html?processname=' + ns, target: '_blank', rel: 'noopener' }, p.namespec));
    tr.appendChild(name);
    var action = el('td', { 'class': 'action' });
    var form = el('form', { method: 'post', action: 'index.html' });
    form.appendChild(el('input', { type: 'hidden', name: 'csrf', value: token }));
    form.appendChild(el('input', { type: 'hidden', name: 'processname', value: p.namespec }));
    p.actions.forEach(function (a) {
      form.appendChild(el('button', { type: 'submit', name: 'action', value: a.action }, a.label));
    });
    form.appendChild(el('a', { href: 'logtail/' + ns, target: '_blank', rel: 'noopener' }, 'Tail -f Stdout'));
    form.appendChild(el('a', { href: 'logtail/' + ns + '/stderr', target: '_blank', rel: 'noopener' }, 'Tail -f Stderr'));
    action.appendChild(form);
    tr.appendChild(action);
    return tr;
  }

  // Hides rows whose name does not contain the filter text; shades the visible ones alternately.
  function applyFilter() {
    var q = filter.value.trim().toLowerCase();
    var shade = false;
    Array.prototype.forEach.call(tbody.rows, function (tr) {
      var show = !q || (tr.getAttribute('data-name') || '').toLowerCase().indexOf(q) >= 0;
      tr.hidden = !show;
      if (show) {
        tr.className = shade ? 'shade' : '';
        shade = !shade;
      }
    });
  }

  function render(data) {
    var rows = document.createDocumentFragment();
    data.processes.forEach(function (p) { rows.appendChild(row(p)); });
    tbody.replaceChildren(rows);
    table.hidden = data.processes.length === 0;
    empty.hidden = data.processes.length !== 0;
    applyFilter();
  }

  function poll() {
    fetch(feed, { cache: 'no-store', credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.text();
      })
      .then(function (text) {
        // an unchanged answer leaves the DOM alone (no lost clicks, no flicker)
        if (text !== last) {
          last = text;
          render(JSON.parse(text));
        }
        live.textContent = '';
      })
      .catch(function () { live.textContent = 'live update paused'; })
      .then(function () { setTimeout(poll, 2000); });
  }

  filter.addEventListener('input', applyFilter);
  applyFilter();
  setTimeout(poll, 2000);
})();
