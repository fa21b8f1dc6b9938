// Keeps the status table current from status.events (server-sent events), or by fetching
// status.json every 2 s, and updates the rows with DOM calls only (textContent, never innerHTML),
// so names and descriptions cannot inject markup.
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
  var base = location.origin + location.pathname.replace(/[^/]*$/, '');

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function actionCell(p) {
    var ns = encodeURIComponent(p.namespec);
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
    return action;
  }

  function row(p) {
    var tr = el('tr', { 'data-name': p.namespec });
    var status = el('td', { 'class': 'status' });
    status.appendChild(el('span', { 'class': p.stateClass }, p.state));
    tr.appendChild(status);
    tr.appendChild(el('td', { 'class': 'desc' }, p.description));
    var name = el('td', { 'class': 'name' });
    name.appendChild(el('a', { href: 'tail.html?processname=' + encodeURIComponent(p.namespec), target: '_blank', rel: 'noopener' }, p.namespec));
    tr.appendChild(name);
    tr.appendChild(actionCell(p));
    return tr;
  }

  // Changes only what differs, so a button is not replaced under the pointer just because an uptime moved.
  function update(tr, p) {
    var span = tr.querySelector('td.status span');
    if (span.textContent !== p.state) { span.textContent = p.state; }
    if (span.className !== p.stateClass) { span.className = p.stateClass; }
    var desc = tr.querySelector('td.desc');
    if (desc.textContent !== p.description) { desc.textContent = p.description; }
    var want = p.actions.map(function (a) { return a.action; }).join(',');
    var have = Array.prototype.map.call(tr.querySelectorAll('td.action button'), function (b) { return b.value; }).join(',');
    if (want !== have) { tr.replaceChild(actionCell(p), tr.querySelector('td.action')); }
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
    var existing = new Map();
    Array.prototype.forEach.call(tbody.rows, function (tr) { existing.set(tr.getAttribute('data-name'), tr); });
    var wanted = data.processes.map(function (p) {
      var tr = existing.get(p.namespec);
      if (tr) {
        update(tr, p);
        existing.delete(p.namespec);
        return tr;
      }
      return row(p);
    });
    existing.forEach(function (tr) { tbody.removeChild(tr); });
    // re-append only when the order or the set changed
    var same = tbody.rows.length === wanted.length && wanted.every(function (tr, i) { return tbody.rows[i] === tr; });
    if (!same) { wanted.forEach(function (tr) { tbody.appendChild(tr); }); }
    table.hidden = data.processes.length === 0;
    empty.hidden = data.processes.length !== 0;
    applyFilter();
  }

  function handle(text) {
    // an unchanged answer leaves the DOM alone
    if (text !== last) {
      last = text;
      render(JSON.parse(text));
    }
    live.textContent = '';
  }

  function poll() {
    fetch(base + 'status.json', { cache: 'no-store', credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.text();
      })
      .then(handle)
      .catch(function () { live.textContent = 'live update paused'; })
      .then(function () { setTimeout(poll, 2000); });
  }

  // Server-sent events when they work; on the first error (no stream, proxy, daemon stopping) poll instead.
  function listen() {
    if (!window.EventSource) {
      setTimeout(poll, 2000);
      return;
    }
    var events = new EventSource(base + 'status.events');
    events.onmessage = function (e) { handle(e.data); };
    events.onerror = function () {
      events.close();
      setTimeout(poll, 2000);
    };
  }

  filter.addEventListener('input', applyFilter);
  applyFilter();
  listen();
})();
