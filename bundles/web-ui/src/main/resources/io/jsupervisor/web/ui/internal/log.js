// The live log viewer: asks log.txt for what came after the last offset once a second and appends it as
// text nodes (never markup); the stdout/stderr buttons start over on the other channel.
(function () {
  'use strict';
  var body = document.getElementById('logbody');
  var state = document.getElementById('logstate');
  var follow = document.getElementById('follow');
  var buttons = { stdout: document.getElementById('stdout'), stderr: document.getElementById('stderr') };
  var name = body.getAttribute('data-name');
  var channel = buttons.stderr.getAttribute('aria-pressed') === 'true' ? 'stderr' : 'stdout';
  var offset = -1;
  var decoder = new TextDecoder('utf-8');
  var generation = 0;
  var timer = null;
  var MAX_CHARS = 2000000;
  // see status.js: no URL resolved against a base that may carry credentials
  var base = location.origin + location.pathname.replace(/[^/]*$/, '');

  function append(text) {
    if (!text) { return; }
    body.appendChild(document.createTextNode(text));
    // keep the page light: drop the oldest output beyond about 2 million characters
    var total = body.textContent.length;
    while (total > MAX_CHARS && body.firstChild) {
      total -= body.firstChild.textContent.length;
      body.removeChild(body.firstChild);
    }
    if (follow.checked) { window.scrollTo(0, document.body.scrollHeight); }
  }

  function read() {
    var mine = generation;
    timer = null;
    fetch(base + 'log.txt?processname=' + encodeURIComponent(name) + '&channel=' + channel + '&offset=' + offset,
      { cache: 'no-store', credentials: 'same-origin' })
      .then(function (r) {
        return r.arrayBuffer().then(function (bytes) { return { r: r, bytes: bytes }; });
      })
      .then(function (a) {
        if (mine !== generation) { return; }
        if (!a.r.ok) {
          state.textContent = new TextDecoder('utf-8').decode(a.bytes);
          return;
        }
        if (a.r.headers.get('X-Log-Reset')) {
          body.textContent = '';
          decoder = new TextDecoder('utf-8');
        }
        if (a.r.headers.get('X-Log-Skipped')) { append('\n[\u2026 output skipped \u2026]\n'); }
        append(decoder.decode(a.bytes, { stream: true }));
        offset = Number(a.r.headers.get('X-Log-Offset'));
        state.textContent = '';
      })
      .catch(function () { if (mine === generation) { state.textContent = 'live update paused'; } })
      .then(function () { if (mine === generation && timer === null) { timer = setTimeout(read, 1000); } });
  }

  function show(which) {
    channel = which;
    buttons.stdout.setAttribute('aria-pressed', String(which === 'stdout'));
    buttons.stderr.setAttribute('aria-pressed', String(which === 'stderr'));
    generation++;
    if (timer !== null) { clearTimeout(timer); timer = null; }
    offset = -1;
    body.textContent = '';
    decoder = new TextDecoder('utf-8');
    history.replaceState(null, '', '?processname=' + encodeURIComponent(name) + (which === 'stderr' ? '&channel=stderr' : ''));
    read();
  }

  buttons.stdout.addEventListener('click', function () { show('stdout'); });
  buttons.stderr.addEventListener('click', function () { show('stderr'); });
  read();
})();
