#!/usr/bin/env python3
"""Side-by-side figures: the reference supervisord (Debian's 4.2.5) and JSupervisor on identical configs, in one
run, alternating, with the targets of issue 10 next to every ratio. Standard library only (plus
/usr/bin/supervisorctl for the client figure). bench/run.sh builds the distribution first and then runs this.

    python3 bench/compare.py                      # the issue-10 table at 200 and 1,000 programs (~20 min)
    python3 bench/compare.py --quick              # 50 and 200 programs, fewer repeats, 64 MiB log: to try it out
    python3 bench/compare.py --sweep 100,500,1000,2000 --svg docs/bench-scale.svg --png docs/bench-scale.png

Every config: an [inet_http_server] on a free 127.0.0.1 port, N programs `command=/bin/sleep 1000000`,
`startsecs=0`, `autorestart=true`, output to AUTO logs in a fresh temporary directory. Each figure is measured for
both daemons, one after the other, and printed as `reference | jsupervisor | ours/reference | target | verdict`.
The log figure reuses bench/log_throughput.py (256 MiB, default 50MB rotation); the physical limits (the same
spawns from one bash loop, the writer child straight to a file) are measured in the same run.
"""
import argparse
import concurrent.futures
import datetime
import http.client
import json
import os
import re
import platform
import shutil
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

    def __init__(self, kind, command, count, env=None):
        self.kind = kind
        self.env = env
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
        self.process = subprocess.Popen([self.command, '-n', '-c', self.conf], env=self.env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def first_answer(self):
        proxy = self.proxy()
        wait_for(lambda: proxy.supervisor.getState()['statename'] == 'RUNNING', 120, 'first answer', 0.005)
        return time.monotonic() - self.started

    def all_running(self, timeout=900):
        """Seconds from launch until every program is RUNNING. Polled with raw calls counted without parsing:
        parsing 1,000 entries in Python every few ms would take CPU from the daemon being measured."""
        wait_for(lambda: running_count(self.port) == self.count, timeout, 'all RUNNING', 0.1)
        return time.monotonic() - self.started

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


def env_for(kind, opts):
    if kind == 'jsupervisor' and opts.java_opts is not None:
        return dict(os.environ, JSUPERVISOR_JAVA_OPTS=opts.java_opts)
    return None


def measure_startup(opts, runs):
    """Seconds from launch to the first getState answer, median of `runs`, alternating."""
    times = {k: [] for k, _ in daemons(opts)}
    for _ in range(runs):
        for kind, command in daemons(opts):
            d = Daemon(kind, command, 1, env_for(kind, opts))
            try:
                d.start()
                times[kind].append(d.first_answer())
            finally:
                d.stop()
    return {k: statistics.median(v) for k, v in times.items()}


GET_ALL = (b"<?xml version='1.0'?><methodCall><methodName>supervisor.getAllProcessInfo</methodName>"
           b"<params></params></methodCall>")


class RpcFailed(OSError):
    """An HTTP error or fault: while a daemon starts, its RPC path may not be served yet (wait_for retries)."""


def raw_call(port):
    """One getAllProcessInfo over a fresh HTTP/1.0 connection, reading the whole reply without parsing it:
    the figure is the server's, not Python's XML parser's (which would dominate at 1,000 processes)."""
    conn = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
    try:
        conn.request('POST', '/RPC2', GET_ALL, {'Content-Type': 'text/xml'})
        reply = conn.getresponse()
        body = reply.read()
        if reply.status != 200 or b'<fault>' in body:
            raise RpcFailed('getAllProcessInfo failed: %d %r' % (reply.status, body[:200]))
        return body
    finally:
        conn.close()


RUNNING = re.compile(rb'<name>statename</name>\s*<value>\s*(?:<string>)?RUNNING<')


def running_count(port):
    return len(RUNNING.findall(raw_call(port)))


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


class Target:
    """A target of issue 10 on a ratio: `ratio <op> bound`."""

    def __init__(self, op, bound, text=None):
        self.op, self.bound = op, bound
        self.text = text or '%s %g×' % ('≤' if op == '<=' else '≥', bound)

    def met(self, ratio):
        if ratio != ratio:  # nan
            return False
        return ratio <= self.bound if self.op == '<=' else ratio >= self.bound


class Table:
    """Rows of `figure | reference | jsupervisor | ratio | target | verdict`, printed as they come."""
    FORMAT = '  %-50s %15s %15s %9s %9s %s'

    def __init__(self):
        self.rows = []
        self.values = {}

    def header(self):
        print(self.FORMAT % ('figure', 'reference', 'jsupervisor', 'ratio', 'target', ''), flush=True)

    def add(self, key, figure, reference, ours, unit, fmt='%.3f', target=None, ratio=None, reference_text=None):
        """ratio defaults to ours/reference; reference_text replaces the reference column (limit rows)."""
        if ratio is None:
            if reference:
                ratio = ours / reference
            else:
                ratio = 1.0 if ours == reference else float('inf')  # e.g. idle CPU: no tick for the reference
        self.values[key] = {'reference': reference, 'jsupervisor': ours, 'ratio': ratio}
        verdict = ('met' if target.met(ratio) else 'MISSED') if target else ''
        row = (figure, reference_text or ((fmt % reference) + ' ' + unit), (fmt % ours) + ' ' + unit,
               '%.2f×' % ratio, target.text if target else '—', verdict)
        self.rows.append(row)
        print(self.FORMAT % row, flush=True)

    def note(self, text):
        print('  ' + text, flush=True)

    def markdown(self):
        lines = ['| figure | reference | JSupervisor | ratio | target | |', '|---|---|---|---|---|---|']
        lines += ['| %s | %s | %s | %s | %s | %s |' % row for row in self.rows]
        return '\n'.join(lines)


TARGET_RUNNING = Target('<=', 0.1)
TARGET_START = Target('<=', 3)
TARGET_CPS = Target('>=', 20)
TARGET_LOG = Target('>=', 1.5)
TARGET_LOG_DIRECT = Target('<=', 1.5, '≤ 1.5× limit')
TARGET_SHELL = Target('<=', 2, '≤ 2× limit')
TARGET_CRASH = Target('<=', 0.05)
TARGET_STOP = Target('<=', 1)
TARGET_CPU = Target('<=', 1)
TARGET_RSS = Target('<=', 3)


def scale_figures(opts, table, count, detailed):
    """All figures at `count` programs, each daemon in turn (the reference first)."""
    results = {}
    for kind, command in daemons(opts):
        d = Daemon(kind, command, count, env_for(kind, opts))
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
                time.sleep(opts.settle_seconds)
                _, rss_kib = proc_stat(d.process.pid)
                r['rss'] = rss_kib / 1024
            r['stop_all'] = stop_all(d)
        finally:
            d.stop()
    ref, ours = results['reference'], results['jsupervisor']
    n = '{:,}'.format(count)
    table.add('running%d' % count, '%s programs: start to all RUNNING' % n, ref['running'], ours['running'], 's',
              target=TARGET_RUNNING)
    if detailed:
        table.add('cpu%d' % count, '%s programs: idle CPU (%d s window)' % (n, opts.idle_seconds), ref['cpu'],
                  ours['cpu'], '%', '%.2f', target=TARGET_CPU)
        table.add('rss%d' % count, '%s programs: daemon resident memory' % n, ref['rss'], ours['rss'], 'MiB',
                  '%.1f', target=TARGET_RSS)
        table.add('lat%d' % count, '%s: getAllProcessInfo median latency' % n, ref['lat_median'],
                  ours['lat_median'], 's', '%.4f')
        table.add('p99_%d' % count, '%s: getAllProcessInfo p99 latency' % n, ref['lat_p99'], ours['lat_p99'], 's',
                  '%.4f')
        table.add('cps%d' % count, '%s: getAllProcessInfo calls/s, 4 clients' % n, ref['cps'], ours['cps'], '/s',
                  '%.1f', target=TARGET_CPS)
        table.add('crash%d' % count, '%s: kill -9 of a child to RUNNING again' % n, ref['crash'], ours['crash'],
                  's', '%.4f', target=TARGET_CRASH)
        table.add('ctl%d' % count, '%s: `supervisorctl status`, own client' % n, ref['ctl'], ours['ctl'], 's')
        table.add('ctlpy%d' % count, '%s: `supervisorctl status`, Python client' % n, ref['ctl_ref_client'],
                  ours['ctl_ref_client'], 's')
    table.add('stop%d' % count, '%s programs: stopAllProcesses(wait)' % n, ref['stop_all'], ours['stop_all'], 's',
              target=TARGET_STOP)
    return results


def shell_limit(opts, table, count, ours_running):
    """The physical limit of spawning: `count` sleeps from one bash loop (median of 3), against ours."""
    limit = statistics.median(shell_spawn(count) for _ in range(3))
    table.add('shell%d' % count, '{:,} programs: all RUNNING vs one bash loop'.format(count), limit, ours_running,
              's', target=TARGET_SHELL, reference_text='limit %.3f s' % limit)
    return limit


def log_figures(opts, table):
    """A child writing opts.log_mib MiB to stdout until the log holds every byte (default rotation, 50MB x 10),
    alternating: straight to a file (the limit), the reference, ours. Median of opts.log_runs."""
    sys.dont_write_bytecode = True  # no __pycache__ in the source tree
    sys.path.insert(0, HERE)
    import log_throughput
    total = opts.log_mib * 1024 * 1024
    total -= total % (log_throughput.LINE * log_throughput.BLOCK_LINES)
    mib = total / (1024 * 1024)
    times = {'direct': [], 'reference': [], 'jsupervisor': []}
    for _ in range(opts.log_runs):
        times['direct'].append(log_throughput.run_direct(total)[0])
        for kind, command in daemons(opts):
            env = env_for(kind, opts)
            saved = os.environ.get('JSUPERVISOR_JAVA_OPTS')
            if env:
                os.environ['JSUPERVISOR_JAVA_OPTS'] = env['JSUPERVISOR_JAVA_OPTS']
            try:
                result = log_throughput.run_daemon(command, total, '50MB')
            finally:
                if env:
                    if saved is None:
                        os.environ.pop('JSUPERVISOR_JAVA_OPTS', None)
                    else:
                        os.environ['JSUPERVISOR_JAVA_OPTS'] = saved
            times[kind].append(result[0] if result else float('inf'))
    rate = {k: mib / statistics.median(v) for k, v in times.items()}
    label = '%d MiB child stdout to the log' % mib
    table.add('log', label + ', MiB/s', rate['reference'], rate['jsupervisor'], 'MiB/s', '%.0f',
              target=TARGET_LOG)
    table.add('log_direct', label + ' vs straight to a file', rate['direct'], rate['jsupervisor'], 'MiB/s', '%.0f',
              target=TARGET_LOG_DIRECT, ratio=rate['direct'] / rate['jsupervisor'],
              reference_text='limit %.0f MiB/s' % rate['direct'])


def svg_plot(sweep, path):
    """A two-panel SVG: all-RUNNING seconds and RSS MiB against program count, both daemons."""
    counts = sorted(sweep)
    width, height, pad = 900, 380, 60
    panels = [('start to all RUNNING (s)', 'running'), ('daemon RSS, all RUNNING (MiB)', 'rss')]
    colours = {'reference': '#d62728', 'jsupervisor': '#1f77b4'}
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" '
           'font-size="13"><rect width="100%%" height="100%%" fill="white"/>' % (width, height)]
    panel_w = width / 2
    for n, (title, key) in enumerate(panels):
        x0, y0, w, h = n * panel_w + pad, pad / 2 + 4, panel_w - pad * 1.5, height - pad * 1.7
        top = max(sweep[c][k][key] for c in counts for k in colours) * 1.1
        out.append('<text x="%d" y="%d" font-weight="bold">%s</text>' % (x0, y0 - 10, title))
        out.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#888"/>' % (x0, y0, w, h))
        for i in range(5):
            v = top * i / 4
            y = y0 + h - h * i / 4
            out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#ddd"/>' % (x0, y, x0 + w, y))
            out.append('<text x="%d" y="%d" text-anchor="end">%.0f</text>' % (x0 - 4, y + 4, v))
        for c in counts:
            x = x0 + w * c / counts[-1]
            out.append('<text x="%d" y="%d" text-anchor="middle">%d</text>' % (x, y0 + h + 16, c))
        for kind, colour in colours.items():
            pts = [(x0 + w * c / counts[-1], y0 + h - h * sweep[c][kind][key] / top) for c in counts]
            out.append('<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>'
                       % (' '.join('%.1f,%.1f' % p for p in pts), colour))
            out += ['<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>' % (x, y, colour) for x, y in pts]
        out.append('<text x="%d" y="%d" text-anchor="middle">programs</text>' % (x0 + w / 2, y0 + h + 32))
    for i, (kind, colour) in enumerate(colours.items()):
        label = 'reference supervisord 4.2.5' if kind == 'reference' else 'JSupervisor'
        out.append('<text x="%d" y="%d" fill="%s" font-weight="bold">%s</text>'
                   % (pad + i * 260, height - 8, colour, label))
    out.append('</svg>')
    with open(path, 'w') as f:
        f.write('\n'.join(out))


def java_command():
    """The java bin/supervisord runs: $JAVA_HOME/bin/java, else java on the PATH (None when there is none)."""
    home = os.environ.get('JAVA_HOME')
    if home and os.access(os.path.join(home, 'bin', 'java'), os.X_OK):
        return os.path.join(home, 'bin', 'java')
    return shutil.which('java')


def png_plot(sweep, svg, png):
    """The sweep plot as a PNG: drawn by bench/ScalePlot.java (the JDK alone), else the SVG converted by
    rsvg-convert or ImageMagick when installed. False when none of them worked."""
    rows = ['%d,%.3f,%.1f,%.3f,%.1f' % (c, sweep[c]['reference']['running'], sweep[c]['reference']['rss'],
                                        sweep[c]['jsupervisor']['running'], sweep[c]['jsupervisor']['rss'])
            for c in sorted(sweep)]
    java = java_command()
    if java and subprocess.run([java, '-Djava.awt.headless=true', os.path.join(HERE, 'ScalePlot.java'), png]
                               + rows).returncode == 0:
        return True
    for tool in (shutil.which('rsvg-convert'), shutil.which('convert')):
        if tool:
            command = [tool, '-o', png, svg] if tool.endswith('rsvg-convert') else [tool, svg, png]
            if subprocess.run(command).returncode == 0 and os.path.exists(png):
                return True
    return False


def java_version():
    """The version lines of the java bin/supervisord runs."""
    java = java_command()
    if not java:
        return 'no java found'
    out = subprocess.run([java, '-version'], capture_output=True, text=True).stderr.splitlines()
    return ' / '.join(line.strip() for line in out[:2])


def machine():
    model = platform.processor() or platform.machine()
    try:
        with open('/proc/cpuinfo') as f:
            model = next(line.split(':', 1)[1].strip() for line in f if line.startswith('model name'))
    except (OSError, StopIteration):
        pass
    mem = 0
    try:
        with open('/proc/meminfo') as f:
            mem = int(f.readline().split()[1]) // (1024 * 1024)
    except (OSError, ValueError, IndexError):
        pass
    return '%s, %d cores, %d GiB, Linux %s' % (model, os.cpu_count(), mem, platform.release())


def reference_version(reference):
    try:
        return subprocess.run([reference, '--version'], capture_output=True, text=True).stdout.strip()
    except OSError:
        return '?'


def load():
    return '%.1f %.1f %.1f' % os.getloadavg()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--reference', default='/usr/bin/supervisord')
    ap.add_argument('--ours', default=OURS)
    ap.add_argument('--ours-ctl', default=OURS_CTL)
    ap.add_argument('--java-opts', help='JSUPERVISOR_JAVA_OPTS for our daemon (default: the environment)')
    ap.add_argument('--quick', action='store_true', help='counts 50 and 200, fewer repeats, 64 MiB log')
    ap.add_argument('--counts', help='the two program counts of the table (default 200,1000)')
    ap.add_argument('--no-log', action='store_true', help='leave out the log throughput figure')
    ap.add_argument('--sweep', help='comma-separated program counts for the scaling plot (e.g. 100,500,1000,2000)')
    ap.add_argument('--svg', default='bench-scale.svg', help='where the sweep plot goes (SVG)')
    ap.add_argument('--png', help='also draw the sweep plot as this PNG (bench/ScalePlot.java)')
    ap.add_argument('--markdown', help='also write the table, with machine, date and load, as markdown here')
    ap.add_argument('--json', help='also write every value as JSON here')
    opts = ap.parse_args()
    opts.small, opts.large = (50, 200) if opts.quick else (200, 1000)
    if opts.counts:
        opts.small, opts.large = (int(c) for c in opts.counts.split(','))
    opts.startup_runs = 3 if opts.quick else 5
    opts.idle_seconds = 5 if opts.quick else 15
    opts.settle_seconds = 3
    opts.rpc_calls = 10 if opts.quick else 30
    opts.rpc_seconds = 3 if opts.quick else 10
    opts.crash_repeats = 3 if opts.quick else 7
    opts.ctl_runs = 3 if opts.quick else 7
    opts.log_mib = 64 if opts.quick else 256
    opts.log_runs = 1 if opts.quick else 3
    for _, command in daemons(opts):
        if not os.access(command, os.X_OK):
            sys.exit('not executable: %s (build first: bench/run.sh builds and runs this)' % command)

    started = datetime.datetime.now(datetime.timezone.utc)
    facts = ['date: %s' % started.strftime('%Y-%m-%d %H:%M UTC'), 'machine: %s' % machine(),
             'JDK: %s' % java_version(), 'reference: %s supervisord %s' % (opts.reference, reference_version(opts.reference)),
             'JSUPERVISOR_JAVA_OPTS: %s' % (opts.java_opts if opts.java_opts is not None
                                           else os.environ.get('JSUPERVISOR_JAVA_OPTS', '(none)')),
             'load average at start: %s' % load()]
    for fact in facts:
        print(fact, flush=True)
    table = Table()
    table.header()
    sweep = {}
    if opts.sweep:
        for count in [int(c) for c in opts.sweep.split(',')]:
            sweep[count] = scale_figures(opts, table, count, False)
        svg_plot(sweep, opts.svg)
        print('plot written to %s' % opts.svg)
        if opts.png:
            print('PNG written to %s' % opts.png if png_plot(sweep, opts.svg, opts.png)
                  else 'no PNG: neither java (bench/ScalePlot.java), rsvg-convert nor ImageMagick worked')
    else:
        start = measure_startup(opts, opts.startup_runs)
        table.add('start', 'start to first RPC answer (median of %d)' % opts.startup_runs,
                  start['reference'], start['jsupervisor'], 's', target=TARGET_START)
        scale_figures(opts, table, opts.small, True)
        large = scale_figures(opts, table, opts.large, True)
        shell_limit(opts, table, opts.large, large['jsupervisor']['running'])
        if not opts.no_log:
            log_figures(opts, table)
    facts.append('load average at the end: %s' % load())
    print(facts[-1])
    missed = [row[0] for row in table.rows if row[5] == 'MISSED']
    print('targets met: %d of %d' % (sum(1 for row in table.rows if row[5] == 'met'),
                                     sum(1 for row in table.rows if row[5])))
    if opts.markdown:
        with open(opts.markdown, 'w') as f:
            f.write('\n'.join('- ' + fact for fact in facts) + '\n\n' + table.markdown() + '\n')
    if opts.json:
        with open(opts.json, 'w') as f:
            json.dump({'facts': facts, 'values': table.values,
                       'sweep': {str(k): v for k, v in sweep.items()}, 'missed': missed}, f, indent=1)
    return 0


if __name__ == '__main__':
    sys.exit(main())
