#!/usr/bin/env python3
"""JVM options of bin/supervisord, before and after, in one run: each variant is our daemon with its own
JSUPERVISOR_JAVA_OPTS (appended after the script's own options, so they override them), measured alternating:

    python3 bench/jvm_options.py --runs 3 --count 200 \\
        'before=-Xms256m -XX:MinHeapFreeRatio=40 -XX:MaxHeapFreeRatio=70' 'after='

Per variant, medians of: start to first RPC answer (1 program), start to all RUNNING at --count programs, the
daemon's resident memory and idle CPU once they are all RUNNING (after --idle seconds), and the MiB/s of a child
writing --mib MiB to its log (bench/log_throughput.py; --mib 0 leaves it out). Standard library only.
"""
import argparse
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)
import compare  # noqa: E402  (same directory)
import log_throughput  # noqa: E402


def one_round(opts, java_opts):
    env = dict(os.environ, JSUPERVISOR_JAVA_OPTS=java_opts)
    out = {}
    d = compare.Daemon('jsupervisor', opts.ours, 1, env)
    try:
        d.start()
        out['start'] = d.first_answer()
    finally:
        d.stop()
    d = compare.Daemon('jsupervisor', opts.ours, opts.count, env)
    try:
        d.start()
        out['running'] = d.all_running()
        out['cpu'], out['rss'] = compare.idle(d, opts.idle)
    finally:
        d.stop()
    if opts.mib:
        total = opts.mib * 1024 * 1024
        total -= total % (log_throughput.LINE * log_throughput.BLOCK_LINES)
        saved = os.environ.get('JSUPERVISOR_JAVA_OPTS')
        os.environ['JSUPERVISOR_JAVA_OPTS'] = java_opts
        try:
            result = log_throughput.run_daemon(opts.ours, total, '50MB')
        finally:
            if saved is None:
                os.environ.pop('JSUPERVISOR_JAVA_OPTS')
            else:
                os.environ['JSUPERVISOR_JAVA_OPTS'] = saved
        out['log'] = total / (1024 * 1024) / result[0] if result else float('nan')
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('variants', nargs='+', help='NAME=JSUPERVISOR_JAVA_OPTS')
    ap.add_argument('--ours', default=os.path.abspath(compare.OURS))
    ap.add_argument('--runs', type=int, default=3)
    ap.add_argument('--count', type=int, default=200)
    ap.add_argument('--idle', type=float, default=10)
    ap.add_argument('--mib', type=int, default=256)
    opts = ap.parse_args()
    variants = [v.split('=', 1) for v in opts.variants]
    print('load average at start: %.1f %.1f %.1f' % os.getloadavg(), flush=True)
    results = {name: [] for name, _ in variants}
    for _ in range(opts.runs):
        for name, java_opts in variants:
            results[name].append(one_round(opts, java_opts))
            print('  %s: %s' % (name, ', '.join('%s %.3f' % kv for kv in results[name][-1].items())), flush=True)
    print('load average at the end: %.1f %.1f %.1f' % os.getloadavg())
    keys = [('start', 'start to first answer, s'), ('running', '%d programs all RUNNING, s' % opts.count),
            ('rss', '%d programs RSS, MiB' % opts.count), ('cpu', '%d programs idle CPU, %%' % opts.count)]
    if opts.mib:
        keys.append(('log', '%d MiB to the log, MiB/s' % opts.mib))
    print('| variant | JSUPERVISOR_JAVA_OPTS | ' + ' | '.join(label for _, label in keys) + ' |')
    print('|---|---|' + '---|' * len(keys))
    for name, java_opts in variants:
        medians = [statistics.median(r[key] for r in results[name]) for key, _ in keys]
        print('| %s | `%s` | %s |' % (name, java_opts or '(none)', ' | '.join('%.2f' % m for m in medians)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
