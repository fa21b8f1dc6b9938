// Keeps the status table current from status.events (server-sent events), or by fetching
// status.json every 2 s, and updates the rows with DOM calls only (textContent, never innerHTML),
// so names and descriptions cannot inject markup. Also: filters by name and state, and folds groups.
(function () {
  'use strict';
  var root = document.querySelector('.jsv');
  var token = document.getElementById('csrf-token').value;
  var table = document.getElementById('statustable');
  var tbody = document.getElementById('tbody');
  var empty = document.getElementById('noprograms');
  var filter = document.getElementById('filter');
  var stateFilter = document.getElementById('statefilter');
  var live = document.getElementById('live');
  var ui = root.getAttribute('data-ui');
  var action = root.getAttribute('data-action');
  var folded = new Set();
  var headers = new Map();
  var last = null;
  // built from origin + path: a page opened as http://user:pw@host/ has a base URL with credentials,
  // and fetch() refuses any URL resolved against it
  var data = root.getAttribute('data-data');
  var base = location.origin + (data || location.pathname.replace(/[^/]*$/, ''));

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function link(href, text, cls) {
    var a = el('a', { href: href, target: '_blank', rel: 'noopener' }, text);
    if (cls) { a.className = cls; }
    return a;
  }

  function actionCell(p) {
    var ns = encodeURIComponent(p.namespec);
    var cell = el('td', { 'class': 'action' });
    var form = el('form', { method: 'post', action: action });
    form.appendChild(el('input', { type: 'hidden', name: 'csrf', value: token }));
    form.appendChild(el('input', { type: 'hidden', name: 'processname', value: p.namespec }));
    p.actions.forEach(function (a) {
      form.appendChild(el('button', { type: 'submit', name: 'action', value: a.action }, a.label));
    });
    form.appendChild(link(ui + 'logtail/' + ns, 'Tail -f Stdout'));
    form.appendChild(link(ui + 'logtail/' + ns + '/stderr', 'Tail -f Stderr'));
    form.appendChild(link(ui + 'log.html?processname=' + ns, 'Log', 'follow'));
    cell.appendChild(form);
    return cell;
  }

  // The health badge, only for a program with a health check (p.health absent otherwise).
  function badge(p) {
    return el('span', { 'class': 'health health' + p.health.toLowerCase(), title: p.healthResult }, p.health.toLowerCase());
  }

  function syncBadge(status, p) {
    var have = status.querySelector('span.health');
    if (!p.health) {
      if (have) { status.removeChild(have); }
    } else if (!have) {
      status.appendChild(badge(p));
    } else if (have.textContent !== p.health.toLowerCase() || have.title !== p.healthResult) {
      status.replaceChild(badge(p), have);
    }
  }

  function row(p) {
    var tr = el('tr', { 'data-name': p.namespec, 'data-group': p.group });
    var status = el('td', { 'class': 'status' });
    status.appendChild(el('span', { 'class': p.stateClass }, p.state));
    syncBadge(status, p);
    tr.appendChild(status);
    tr.appendChild(el('td', { 'class': 'desc' }, p.description));
    var name = el('td', { 'class': 'name' });
    name.appendChild(link(ui + 'tail.html?processname=' + encodeURIComponent(p.namespec), p.namespec));
    tr.appendChild(name);
    tr.appendChild(actionCell(p));
    return tr;
  }

  // Changes only what differs, so a button is not replaced under the pointer just because an uptime moved.
  function update(tr, p) {
    var span = tr.querySelector('td.status span');
    if (span.textContent !== p.state) { span.textContent = p.state; }
    if (span.className !== p.stateClass) { span.className = p.stateClass; }
    syncBadge(tr.querySelector('td.status'), p);
    var desc = tr.querySelector('td.desc');
    if (desc.textContent !== p.description) { desc.textContent = p.description; }
    var want = p.actions.map(function (a) { return a.action; }).join(',');
    var have = Array.prototype.map.call(tr.querySelectorAll('td.action button'), function (b) { return b.value; }).join(',');
    if (want !== have) { tr.replaceChild(actionCell(p), tr.querySelector('td.action')); }
  }

  function processRows() {
    return Array.prototype.filter.call(tbody.rows, function (tr) { return tr.hasAttribute('data-name'); });
  }

  // A process belongs to a foldable group when its namespec is group:name (a [group:x] or numprocs > 1).
  function groupOf(tr) {
    var group = tr.getAttribute('data-group');
    return tr.getAttribute('data-name') === group ? null : group;
  }

  function header(group) {
    var tr = headers.get(group);
    if (!tr) {
      tr = el('tr', { 'class': 'group', 'data-group-header': group });
      var td = el('td', { colspan: '4' });
      var button = el('button', { type: 'button', 'class': 'fold', 'aria-expanded': 'true' });
      button.addEventListener('click', function () {
        if (folded.has(group)) { folded.delete(group); } else { folded.add(group); }
        applyFilter();
      });
      td.appendChild(button);
      td.appendChild(el('span', { 'class': 'summary' }));
      tr.appendChild(td);
      headers.set(group, tr);
    }
    return tr;
  }

  // Puts a header row before the first row of each group; the rows keep the manager's order.
  function arrange(rows) {
    var wanted = [];
    var seen = new Set();
    rows.forEach(function (tr) {
      var group = groupOf(tr);
      if (group !== null && !seen.has(group)) {
        seen.add(group);
        wanted.push(header(group));
      }
      wanted.push(tr);
    });
    headers.forEach(function (tr, group) { if (!seen.has(group)) { headers.delete(group); } });
    Array.prototype.slice.call(tbody.rows).forEach(function (tr) {
      if (wanted.indexOf(tr) < 0) { tbody.removeChild(tr); }
    });
    // re-append only when the order or the set changed
    var same = tbody.rows.length === wanted.length && wanted.every(function (tr, i) { return tbody.rows[i] === tr; });
    if (!same) { wanted.forEach(function (tr) { tbody.appendChild(tr); }); }
  }

  // Hides rows by name (substring, any case), by state, and rows of folded groups; shades the visible ones
  // alternately; a group header shows while any of its processes passes the filters, with a count by state.
  function applyFilter() {
    var q = filter.value.trim().toLowerCase();
    var state = stateFilter.value;
    var shade = false;
    var counts = new Map();
    processRows().forEach(function (tr) {
      var group = groupOf(tr);
      var stateText = tr.querySelector('td.status span').textContent;
      var match = (!q || tr.getAttribute('data-name').toLowerCase().indexOf(q) >= 0) && (!state || stateText === state);
      if (group !== null && match) {
        var c = counts.get(group) || {};
        c[stateText] = (c[stateText] || 0) + 1;
        counts.set(group, c);
      }
      var show = match && (group === null || !folded.has(group));
      tr.hidden = !show;
      if (show) {
        tr.className = shade ? 'shade' : '';
        shade = !shade;
      }
    });
    headers.forEach(function (tr, group) {
      var c = counts.get(group);
      tr.hidden = !c;
      var open = !folded.has(group);
      var button = tr.querySelector('button');
      button.textContent = (open ? '\u25be ' : '\u25b8 ') + group;
      button.setAttribute('aria-expanded', String(open));
      tr.querySelector('.summary').textContent = c ? Object.keys(c).map(function (k) { return c[k] + ' ' + k; }).join(', ') : '';
    });
  }

  function render(status) {
    var existing = new Map();
    processRows().forEach(function (tr) { existing.set(tr.getAttribute('data-name'), tr); });
    var rows = status.processes.map(function (p) {
      var tr = existing.get(p.namespec);
      if (tr) {
        update(tr, p);
        return tr;
      }
      return row(p);
    });
    arrange(rows);
    table.hidden = status.processes.length === 0;
    empty.hidden = status.processes.length !== 0;
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

  function refreshNow() {
    fetch(base + 'status.json', { cache: 'no-store', credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text().then(handle) : null; })
      .catch(function () { /* the stream or the poll will catch up */ });
  }

  function showMessage(text) {
    var box = document.getElementById('statusmessage');
    if (!box) {
      box = el('div', { id: 'statusmessage', 'class': 'status_msg' });
      root.insertBefore(box, document.getElementById('buttons'));
    }
    box.textContent = text;
  }

  // Actions without leaving the page: the same form POST (token included) sent by fetch; the redirect it
  // answers with carries the reference's message, and the rows show the new state at once. Without script
  // the forms post and redirect as the reference's page does.
  root.addEventListener('submit', function (e) {
    var form = e.target;
    var button = e.submitter;
    if (!button || !button.name || !window.fetch || !window.URLSearchParams) { return; }
    e.preventDefault();
    var params = new URLSearchParams();
    Array.prototype.forEach.call(form.querySelectorAll('input[type=hidden]'), function (i) { params.append(i.name, i.value); });
    params.append(button.name, button.value);
    var target = form.getAttribute('action');
    target = target.charAt(0) === '/' ? location.origin + target
      : location.origin + location.pathname.replace(/[^/]*$/, '') + target;
    button.disabled = true;
    live.textContent = button.textContent + '\u2026';
    fetch(target, { method: 'POST', body: params, credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) {
        if (!r.ok) { return r.text(); }
        return new URL(r.url).searchParams.get('message') || '';
      })
      .then(function (text) { if (text) { showMessage(text); } })
      .catch(function () { showMessage('ERROR: the action could not be sent'); })
      .then(function () {
        button.disabled = false;
        live.textContent = '';
        refreshNow();
      });
  });

  filter.addEventListener('input', applyFilter);
  stateFilter.addEventListener('change', applyFilter);
  arrange(processRows());
  applyFilter();
  listen();
})();
