#!/usr/bin/env python3
"""Child log throughput, side by side: a child writes 256 MiB of 128-byte lines to stdout as fast as it can;
the time is from its first write until the log files hold every byte. Measured for the reference (Debian's
supervisord), JSupervisor and the same child writing straight to a file (the physical limit), alternating,
with stdout_logfile_maxbytes=0 and with the default rotation (50MB, 10 backups).

    python3 bench/log_throughput.py [--runs 3] [--mib 256] [--ours distribution/target/jsupervisor/bin/supervisord]

Prints per case the median (min, max) of the seconds and MiB/s, the daemon's CPU seconds per GiB logged
(utime+stime of the daemon process from /proc/<pid>/stat, read before the first write and once every byte is
in; the pid is the one in the daemon's pidfile). The child starts writing once the daemon's CPU use has gone
quiet (start-up finished), so start-up work is not counted. and the ratios ours/reference and ours/direct.
Standard library only. Not a test: the figures depend on the machine and what else runs on it.
"""
import argparse
import glob
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time

LINE = 128
BLOCK_LINES = 512  # 64 KiB per write, whole lines

# Waits for DIR/go, notes its start time in DIR/t0, writes, then stays alive (no exit, no restart).
CHILD = r'''
import os, sys, time
d, total = sys.argv[1], int(sys.argv[2])
open(os.path.join(d, 'ready'), 'w').close()
while not os.path.exists(os.path.join(d, 'go')):
    time.sleep(0.001)
line = b'x' * (%d - 10)
block = b''.join(b'%%09d ' %% i + line[:-1] + b'\n' for i in range(%d))
out = sys.stdout.buffer.raw if hasattr(sys.stdout.buffer, 'raw') else sys.stdout.buffer
with open(os.path.join(d, 't0'), 'w') as f:
    f.write(repr(time.time()))
left = total
while left > 0:
    n = min(left, len(block))
    view = memoryview(block)[:n]
    while view:
        w = out.write(view)
        view = view[w:]
    left -= n
open(os.path.join(d, 'written'), 'w').close()
if len(sys.argv) < 4:
    time.sleep(100000)
''' % (LINE, BLOCK_LINES)

CONF = """[supervisord]
logfile={dir}/supervisord.log
pidfile={dir}/supervisord.pid
childlogdir={dir}
nodaemon=true

[program:writer]
command=python3 -u {dir}/child.py {dir} {total}
startsecs=0
autorestart=false
stdout_logfile={dir}/writer.log
stdout_logfile_maxbytes={maxbytes}
stdout_logfile_backups=10
stderr_logfile={dir}/writer.err
"""

CLK_TCK = os.sysconf('SC_CLK_TCK')


def cpu_seconds(pid):
    with open('/proc/%d/stat' % pid) as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime, stime


def logged_bytes(d):
    total = 0
    for p in glob.glob(os.path.join(d, 'writer.log*')):
        try:
            total += os.stat(p).st_size
        except OSError:
            pass  # rotated away between glob and stat: counted under its new name next time
    return total


def wait_for(path, timeout, what):
    deadline = time.monotonic() + timeout
    while not os.path.exists(path):
        if time.monotonic() > deadline:
            raise RuntimeError('timed out waiting for ' + what)
        time.sleep(0.002)


class Lost(Exception):
    """Not every byte reached the log: the daemon dropped output (or stalled for 30 s)."""


def finish(d, total, stall=30):
    last, since = -1, time.monotonic()
    while True:
        now_bytes = logged_bytes(d)
        if now_bytes >= total:
            break
        if now_bytes != last:
            last, since = now_bytes, time.monotonic()
        elif time.monotonic() - since > stall:
            raise Lost('only %d of %d bytes logged, none more for %d s' % (now_bytes, total, stall))
        time.sleep(0.001)
    end = time.time()
    with open(os.path.join(d, 't0')) as f:
        return end - float(f.read())


WARM_SECONDS = 6


def settle(pid, quiet_ticks=2, window=0.3, limit=30):
    """Waits until the daemon has finished starting (bundles still activating would be measured too):
    at most {quiet_ticks} clock ticks of CPU in a {window} s window, or {limit} s."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        before = cpu_seconds(pid)
        time.sleep(window)
        if (cpu_seconds(pid) - before) * CLK_TCK <= quiet_ticks:
            return


def run_daemon(daemon, total, maxbytes):
    d = tempfile.mkdtemp(prefix='jsv-logbench-')
    with open(os.path.join(d, 'child.py'), 'w') as f:
        f.write(CHILD)
    conf = os.path.join(d, 'supervisord.conf')
    with open(conf, 'w') as f:
        f.write(CONF.format(dir=d, total=total, maxbytes=maxbytes))
    p = subprocess.Popen([daemon, '-n', '-c', conf], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(os.path.join(d, 'ready'), 120, daemon + ' starting its child')
        wait_for(os.path.join(d, 'supervisord.pid'), 60, 'the pidfile')
        with open(os.path.join(d, 'supervisord.pid')) as f:
            pid = int(f.read().strip())
        settle(pid)
        # steady state: for a few seconds after its sinks arrive, JSupervisor keeps output for late ones
        time.sleep(WARM_SECONDS)
        cpu0 = cpu_seconds(pid)
        open(os.path.join(d, 'go'), 'w').close()
        try:
            elapsed = finish(d, total)
        except Lost as e:
            drops = [l.strip() for l in open(os.path.join(d, 'supervisord.log'), errors='replace')
                     if 'dropped' in l]
            print('%s maxbytes=%s: %s; main log: %s' % (daemon, maxbytes, e, drops or 'no drop line'),
                  file=sys.stderr)
            return None
        cpu = cpu_seconds(pid) - cpu0
        return elapsed, cpu
    finally:
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(timeout=60)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
        subprocess.run(['rm', '-rf', d])


def run_direct(total):
    d = tempfile.mkdtemp(prefix='jsv-logbench-')
    with open(os.path.join(d, 'child.py'), 'w') as f:
        f.write(CHILD)
    open(os.path.join(d, 'go'), 'w').close()
    try:
        with open(os.path.join(d, 'writer.log'), 'wb') as out:
            subprocess.run(['python3', '-u', os.path.join(d, 'child.py'), d, str(total), 'exit'], stdout=out,
                           check=True)
        return finish(d, total), 0.0
    finally:
        subprocess.run(['rm', '-rf', d])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--runs', type=int, default=3)
    ap.add_argument('--mib', type=int, default=256)
    ap.add_argument('--reference', default='/usr/bin/supervisord')
    ap.add_argument('--ours', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..',
                                                   'distribution', 'target', 'jsupervisor', 'bin', 'supervisord'))
    opts = ap.parse_args()
    total = opts.mib * 1024 * 1024
    total -= total % (LINE * BLOCK_LINES)
    mib = total / (1024 * 1024)
    cases = []
    for maxbytes in ('0', '50MB'):
        for name, path in (('reference', opts.reference), ('jsupervisor', os.path.abspath(opts.ours))):
            cases.append((maxbytes, name, path))
    results = {(m, n): [] for m, n, _ in cases}
    results[('-', 'direct')] = []
    for _ in range(opts.runs):  # alternating: one run of every case per round
        results[('-', 'direct')].append(run_direct(total))
        for maxbytes, name, path in cases:
            results[(maxbytes, name)].append(run_daemon(path, total, maxbytes))
    load = os.getloadavg()
    print('%d MiB of %d-byte lines, %d runs each, load average %.1f %.1f %.1f, %d cores'
          % (mib, LINE, opts.runs, load[0], load[1], load[2], os.cpu_count()))
    print('%-8s %-12s %8s %8s %8s %9s %16s' % ('maxbytes', 'writer', 'median s', 'min s', 'max s', 'MiB/s',
                                               'daemon CPU s/GiB'))
    medians = {}
    for key, rs in results.items():
        lost = sum(1 for r in rs if r is None)
        rs = [r for r in rs if r is not None]
        if lost:
            print('%-8s %-12s lost output in %d of %d runs (see above)' % (key[0], key[1], lost, lost + len(rs)))
        if not rs:
            medians[key] = float('nan')
            continue
        ts = [r[0] for r in rs]
        cpu = statistics.median([r[1] for r in rs]) * 1024 / mib
        medians[key] = statistics.median(ts)
        print('%-8s %-12s %8.3f %8.3f %8.3f %9.0f %16s' % (key[0], key[1], medians[key], min(ts), max(ts),
                                                          mib / medians[key],
                                                          '-' if key[1] == 'direct' else '%.2f' % cpu))
    for maxbytes in ('0', '50MB'):
        ours, ref = medians[(maxbytes, 'jsupervisor')], medians[(maxbytes, 'reference')]
        print('maxbytes=%s: ours/reference %.2f (target <= 0.67), ours/direct %.2f (target <= 1.5)'
              % (maxbytes, ours / ref, ours / medians[('-', 'direct')]))
    return 0


if __name__ == '__main__':
    sys.exit(main())
