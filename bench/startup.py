#!/usr/bin/env python3
"""Start-up figure, side by side: time from launching `supervisord -n` to the first XML-RPC answer of
supervisor.getState, for the reference (Debian's supervisord) and JSupervisor, alternating, in one run.

    python3 bench/startup.py [--runs 5] [--ours distribution/target/jsupervisor/bin/supervisord]

Prints one row per daemon (median, min, max in seconds) and the ratio ours/reference of the medians.
Also reports the resident memory (VmRSS) of each daemon once it answers. Standard library only.
"""
import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import xmlrpc.client

CONF = """[inet_http_server]
port=127.0.0.1:{port}

[supervisord]
logfile={dir}/supervisord.log
pidfile={dir}/supervisord.pid
childlogdir={dir}
nodaemon=true

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[program:sleeper]
command=/bin/sleep 1000
startsecs=0
"""


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def rss_kib(pid):
    try:
        with open('/proc/%d/status' % pid) as f:
            for line in f:
                if line.startswith('VmRSS:'):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def one_run(daemon):
    d = tempfile.mkdtemp(prefix='jsv-bench-')
    port = free_port()
    conf = os.path.join(d, 'supervisord.conf')
    with open(conf, 'w') as f:
        f.write(CONF.format(port=port, dir=d))
    proxy = xmlrpc.client.ServerProxy('http://127.0.0.1:%d/RPC2' % port)
    t0 = time.monotonic()
    p = subprocess.Popen([daemon, '-n', '-c', conf], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = t0 + 60
        while time.monotonic() < deadline:
            try:
                if proxy.supervisor.getState()['statename'] == 'RUNNING':
                    elapsed = time.monotonic() - t0
                    return elapsed, rss_kib(p.pid)
            except (OSError, xmlrpc.client.Error):
                time.sleep(0.005)
        raise RuntimeError('%s did not answer within 60 s' % daemon)
    finally:
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--reference', default='/usr/bin/supervisord')
    ap.add_argument('--ours', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..',
                                                   'distribution', 'target', 'jsupervisor', 'bin', 'supervisord'))
    opts = ap.parse_args()
    daemons = {'reference': opts.reference, 'jsupervisor': os.path.abspath(opts.ours)}
    times = {k: [] for k in daemons}
    rss = {k: [] for k in daemons}
    for _ in range(opts.runs):
        for name, path in daemons.items():
            t, r = one_run(path)
            times[name].append(t)
            rss[name].append(r)
    print('%-12s %8s %8s %8s %10s' % ('daemon', 'median', 'min', 'max', 'RSS MiB'))
    for name in daemons:
        ts = times[name]
        print('%-12s %8.3f %8.3f %8.3f %10.1f' % (name, statistics.median(ts), min(ts), max(ts),
                                                 statistics.median(rss[name]) / 1024))
    ratio = statistics.median(times['jsupervisor']) / statistics.median(times['reference'])
    print('start to first RPC answer, ours/reference: %.2fx' % ratio)
    ratio_rss = statistics.median(rss['jsupervisor']) / max(1, statistics.median(rss['reference']))
    print('resident memory at first answer, ours/reference: %.2fx' % ratio_rss)
    return 0


if __name__ == '__main__':
    sys.exit(main())
