#!/usr/bin/env python3
"""Side-by-side figures: the reference supervisord (Debian's 4.2.5) and JSupervisor on identical configs, in one
run, alternating. Standard library only (plus /usr/bin/supervisorctl for the client figure).

    python3 bench/compare.py                      # the issue-10 table at 200 and 1,000 programs
    python3 bench/compare.py --quick              # smaller counts and fewer repeats, to try it out
    python3 bench/compare.py --sweep 100,500,1000,2000 --svg docs/bench-scale.svg   # the scaling plot

Every config: an [inet_http_server] on a free 127.0.0.1 port, N programs `command=/bin/sleep 1000000`,
`startsecs=0`, `autorestart=true`, output to AUTO logs in a fresh temporary directory. Each figure is measured for
both daemons, one after the other, and printed as `reference | jsupervisor | ratio (ours/reference)`.
"""
import argparse
import concurrent.futures
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import xmlrpc.client

HERE = os.path.dirname(os.path.abspath(__file__))
OURS = os.path.join(HERE, '..', 'distribution', 'target', 'jsupervisor', 'bin', 'supervisord')
OURS_CTL = os.path.join(HERE, '..', 'distribution', 'target', 'jsupervisor', 'bin', 'supervisorctl')

HEADER = """[inet_http_server]
port=127.0.0.1:{port}

[supervisord]
logfile={dir}/supervisord.log
pidfile={dir}/supervisord.pid
childlogdir={dir}/children
nodaemon=true
minfds=1024

[supervisorctl]
serverurl=http://127.0.0.1:{port}

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
"""

PROGRAM = """
[program:p{i:04d}]
command=/bin/sleep 1000000
startsecs=0
autorestart=true
"""


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def proc_stat(pid):
    """(utime + stime in seconds, VmRSS in KiB) of one process (all its threads)."""
    with open('/proc/%d/stat' % pid) as f:
        fields = f.read().rsplit(')', 1)[1].split()
    ticks = os.sysconf('SC_CLK_TCK')
    cpu = (int(fields[11]) + int(fields[12])) / ticks
    rss = 0
    with open('/proc/%d/status' % pid) as f:
        for line in f:
            if line.startswith('VmRSS:'):
                rss = int(line.split()[1])
    return cpu, rss


def wait_for(predicate, timeout, what, interval=0.01):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except (OSError, xmlrpc.client.Error):
            pass
        time.sleep(interval)
    raise RuntimeError('timed out after %d s waiting for %s' % (timeout, what))


class Daemon:
    """One daemon on a fresh config with `count` programs, started with -n."""

    def __init__(self, kind, command, count):
        self.kind = kind
        self.count = count
        self.dir = tempfile.mkdtemp(prefix='jsv-compare-')
        os.mkdir(os.path.join(self.dir, 'children'))
        self.port = free_port()
        self.conf = os.path.join(self.dir, 'supervisord.conf')
        with open(self.conf, 'w') as f:
            f.write(HEADER.format(port=self.port, dir=self.dir))
            for i in range(count):
                f.write(PROGRAM.format(i=i))
        self.url = 'http://127.0.0.1:%d/RPC2' % self.port
        self.command = command
        self.process = None
        self.started = None

    def proxy(self):
        return xmlrpc.client.ServerProxy(self.url)

    def start(self):
        self.started = time.monotonic()
        self.process = subprocess.Popen([self.command, '-n', '-c', self.conf],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def first_answer(self):
        proxy = self.proxy()
        wait_for(lambda: proxy.supervisor.getState()['statename'] == 'RUNNING', 120, 'first answer', 0.005)
        return time.monotonic() - self.started

    def all_running(self, timeout=600):
        proxy = self.proxy()
        wait_for(lambda: self.running_count(proxy) == self.count, timeout, 'all RUNNING', 0.05)
        return time.monotonic() - self.started

    @staticmethod
    def running_count(proxy):
        return sum(1 for p in proxy.supervisor.getAllProcessInfo() if p['statename'] == 'RUNNING')

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=300)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        subprocess.run(['rm', '-rf', self.dir])


def daemons(opts):
    return [('reference', opts.reference), ('jsupervisor', os.path.abspath(opts.ours))]


def measure_startup(opts, runs):
    """Seconds from launch to the first getState answer, median of `runs`, alternating."""
    times = {k: [] for k, _ in daemons(opts)}
    for _ in range(runs):
        for kind, command in daemons(opts):
            d = Daemon(kind, command, 1)
            try:
                d.start()
                times[kind].append(d.first_answer())
            finally:
                d.stop()
    return {k: statistics.median(v) for k, v in times.items()}


GET_ALL = (b"<?xml version='1.0'?><methodCall><methodName>supervisor.getAllProcessInfo</methodName>"
           b"<params></params></methodCall>")


def raw_call(port):
    """One getAllProcessInfo over a fresh HTTP/1.0 connection, reading the whole reply without parsing it:
    the figure is the server's, not Python's XML parser's (which would dominate at 1,000 processes)."""
    conn = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
    try:
        conn.request('POST', '/RPC2', GET_ALL, {'Content-Type': 'text/xml'})
        reply = conn.getresponse()
        body = reply.read()
        if reply.status != 200 or b'<fault>' in body:
            raise RuntimeError('getAllProcessInfo failed: %d %r' % (reply.status, body[:200]))
        return len(body)
    finally:
        conn.close()


def rpc_latency(daemon, calls):
    samples = []
    for _ in range(calls):
        t0 = time.monotonic()
        raw_call(daemon.port)
        samples.append(time.monotonic() - t0)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.99))]


def hammer(port, seconds):
    stop_at = time.monotonic() + seconds
    done = 0
    while time.monotonic() < stop_at:
        raw_call(port)
        done += 1
    return done


def rpc_throughput(daemon, clients, seconds):
    """Calls per second with `clients` client processes calling back to back."""
    t0 = time.monotonic()
    with concurrent.futures.ProcessPoolExecutor(clients) as pool:
        total = sum(pool.map(hammer, [daemon.port] * clients, [seconds] * clients))
    return total / (time.monotonic() - t0)


def crash_to_running(daemon, repeats):
    """kill -9 of one child until getProcessInfo says RUNNING with a new pid (median seconds)."""
    proxy = daemon.proxy()
    samples = []
    for i in range(repeats):
        name = 'p%04d' % (i % daemon.count)
        old = proxy.supervisor.getProcessInfo(name)['pid']
        t0 = time.monotonic()
        os.kill(old, signal.SIGKILL)
        wait_for(lambda: (lambda info: info['statename'] == 'RUNNING' and info['pid'] not in (0, old))(
            proxy.supervisor.getProcessInfo(name)), 30, 'restart of ' + name, 0.002)
        samples.append(time.monotonic() - t0)
    return statistics.median(samples)


def idle(daemon, seconds):
    """(CPU percent of one core, VmRSS MiB) of the daemon process while idle."""
    cpu0, _ = proc_stat(daemon.process.pid)
    t0 = time.monotonic()
    time.sleep(seconds)
    cpu1, rss = proc_stat(daemon.process.pid)
    return 100.0 * (cpu1 - cpu0) / (time.monotonic() - t0), rss / 1024


def ctl_status(daemon, client, runs):
    samples = []
    for _ in range(runs):
        t0 = time.monotonic()
        subprocess.run([client, '-c', daemon.conf, 'status'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append(time.monotonic() - t0)
    return statistics.median(samples)


def stop_all(daemon):
    t0 = time.monotonic()
    daemon.proxy().supervisor.stopAllProcesses(True)
    return time.monotonic() - t0


def shell_spawn(count):
    """The physical limit: `count` background sleeps from one shell, until all exist."""
    script = 'for i in $(seq %d); do /bin/sleep 1000000 & done; echo started' % count
    t0 = time.monotonic()
    p = subprocess.Popen(['bash', '-c', script + '; wait'], stdout=subprocess.PIPE, start_new_session=True)
    p.stdout.readline()
    elapsed = time.monotonic() - t0
    os.killpg(p.pid, signal.SIGTERM)
    p.wait()
    return elapsed


class Table:
    def __init__(self):
        self.rows = []

    def add(self, figure, reference, ours, unit, fmt='%.3f', note=''):
        ratio = ours / reference if reference else float('nan')
        self.rows.append((figure, (fmt % reference) + ' ' + unit, (fmt % ours) + ' ' + unit, '%.2fx' % ratio, note))
        print('  %-52s %14s %14s %8s %s' % self.rows[-1], flush=True)

    def markdown(self):
        lines = ['| figure | reference | JSupervisor | ours/reference | note |', '|---|---|---|---|---|']
        lines += ['| %s | %s | %s | %s | %s |' % row for row in self.rows]
        return '\n'.join(lines)


def scale_figures(opts, table, count, detailed):
    results = {}
    for kind, command in daemons(opts):
        d = Daemon(kind, command, count)
        r = results.setdefault(kind, {})
        try:
            d.start()
            r['running'] = d.all_running()
            if detailed:
                r['cpu'], r['rss'] = idle(d, opts.idle_seconds)
                r['lat_median'], r['lat_p99'] = rpc_latency(d, opts.rpc_calls)
                r['cps'] = rpc_throughput(d, 4, opts.rpc_seconds)
                r['crash'] = crash_to_running(d, opts.crash_repeats)
                clients = {'reference': '/usr/bin/supervisorctl', 'jsupervisor': os.path.abspath(opts.ours_ctl)}
                r['ctl'] = ctl_status(d, clients[kind], opts.ctl_runs)
                r['ctl_ref_client'] = ctl_status(d, '/usr/bin/supervisorctl', opts.ctl_runs)
            else:
                _, r['rss'] = proc_stat(d.process.pid)
            r['stop_all'] = stop_all(d)
        finally:
            d.stop()
    ref, ours = results['reference'], results['jsupervisor']
    table.add('%d programs: start to all RUNNING' % count, ref['running'], ours['running'], 's')
    if detailed:
        table.add('%d programs: idle CPU (10 s window)' % count, ref['cpu'], ours['cpu'], '%', '%.2f')
        table.add('%d programs: daemon resident memory' % count, ref['rss'], ours['rss'], 'MiB', '%.1f')
        table.add('%d: getAllProcessInfo median latency' % count, ref['lat_median'], ours['lat_median'], 's', '%.4f')
        table.add('%d: getAllProcessInfo p99 latency' % count, ref['lat_p99'], ours['lat_p99'], 's', '%.4f')
        table.add('%d: getAllProcessInfo calls/s, 4 clients' % count, ref['cps'], ours['cps'], '/s', '%.1f')
        table.add('%d: kill -9 of a child to RUNNING again' % count, ref['crash'], ours['crash'], 's', '%.4f')
        table.add('%d: `supervisorctl status`, each own client' % count, ref['ctl'], ours['ctl'], 's')
        table.add('%d: `supervisorctl status`, Python client' % count, ref['ctl_ref_client'],
                  ours['ctl_ref_client'], 's')
    table.add('%d programs: stopAllProcesses(wait)' % count, ref['stop_all'], ours['stop_all'], 's')
    return results


def svg_plot(sweep, path):
    """A small two-panel SVG: all-RUNNING seconds and RSS MiB against program count, both daemons."""
    counts = sorted(sweep)
    width, height, pad = 900, 360, 60
    panels = [('start to all RUNNING (s)', 'running'), ('daemon RSS when all RUNNING (MiB)', 'rss')]
    colours = {'reference': '#d62728', 'jsupervisor': '#1f77b4'}
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" '
           'font-size="12"><rect width="100%%" height="100%%" fill="white"/>' % (width, height)]
    panel_w = width / 2
    for n, (title, key) in enumerate(panels):
        x0, y0, w, h = n * panel_w + pad, pad / 2, panel_w - pad * 1.5, height - pad * 1.5
        top = max(sweep[c][k][key] for c in counts for k in colours) * 1.1
        out.append('<text x="%d" y="%d">%s</text>' % (x0, y0 - 8, title))
        out.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#888"/>' % (x0, y0, w, h))
        for i in range(5):
            v = top * i / 4
            y = y0 + h - h * i / 4
            out.append('<text x="%d" y="%d" text-anchor="end">%.0f</text>' % (x0 - 4, y + 4, v))
        for c in counts:
            x = x0 + w * c / counts[-1]
            out.append('<text x="%d" y="%d" text-anchor="middle">%d</text>' % (x, y0 + h + 16, c))
        for kind, colour in colours.items():
            pts = ' '.join('%.1f,%.1f' % (x0 + w * c / counts[-1], y0 + h - h * sweep[c][kind][key] / top)
                           for c in counts)
            out.append('<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>' % (pts, colour))
        out.append('<text x="%d" y="%d" text-anchor="middle">programs</text>' % (x0 + w / 2, y0 + h + 32))
    for i, (kind, colour) in enumerate(colours.items()):
        out.append('<text x="%d" y="%d" fill="%s">%s</text>' % (width - 200 + i * 100, height - 8, colour, kind))
    out.append('</svg>')
    with open(path, 'w') as f:
        f.write('\n'.join(out))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--reference', default='/usr/bin/supervisord')
    ap.add_argument('--ours', default=OURS)
    ap.add_argument('--ours-ctl', default=OURS_CTL)
    ap.add_argument('--quick', action='store_true', help='counts 50 and 200, fewer repeats')
    ap.add_argument('--sweep', help='comma-separated program counts for the scaling plot (e.g. 100,500,1000,2000)')
    ap.add_argument('--svg', default='bench-scale.svg', help='where the sweep plot goes')
    ap.add_argument('--markdown', help='also write the table as markdown to this file')
    opts = ap.parse_args()
    opts.small, opts.large = (50, 200) if opts.quick else (200, 1000)
    opts.startup_runs = 3 if opts.quick else 5
    opts.idle_seconds = 3 if opts.quick else 10
    opts.rpc_calls = 10 if opts.quick else 30
    opts.rpc_seconds = 3 if opts.quick else 10
    opts.crash_repeats = 3 if opts.quick else 7
    opts.ctl_runs = 3 if opts.quick else 10
    for _, command in daemons(opts):
        if not os.access(command, os.X_OK):
            sys.exit('not executable: %s (build with mvn -B -DskipTests install)' % command)

    table = Table()
    print('  %-52s %14s %14s %8s' % ('figure', 'reference', 'jsupervisor', 'ratio'))
    if opts.sweep:
        sweep = {}
        for count in [int(c) for c in opts.sweep.split(',')]:
            sweep[count] = scale_figures(opts, table, count, False)
        svg_plot(sweep, opts.svg)
        print('plot written to %s' % opts.svg)
    else:
        start = measure_startup(opts, opts.startup_runs)
        table.add('start to first RPC answer (median of %d)' % opts.startup_runs,
                  start['reference'], start['jsupervisor'], 's')
        scale_figures(opts, table, opts.small, True)
        scale_figures(opts, table, opts.large, True)
        limit = statistics.median(shell_spawn(opts.large) for _ in range(3))
        print('  physical limit: %d background sleeps from one bash loop: %.3f s' % (opts.large, limit))
    if opts.markdown:
        with open(opts.markdown, 'w') as f:
            f.write(table.markdown() + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
