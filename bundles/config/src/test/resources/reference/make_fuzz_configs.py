"""Writes COUNT small random supervisord.conf files (seeded, so always the same) into OUTDIR.

Usage: python3 make_fuzz_configs.py OUTDIR COUNT SEED
They mix syntax variations (delimiters, inline comments, continuation lines, [DEFAULT]) with mostly
valid and some invalid values; CorpusConformanceTest compares how we and the reference read each one.
"""
import os
import random
import sys

GOOD = {
    'command': ['/bin/a', '/bin/sh -c "x ; y"', '/bin/echo %(program_name)s', '/bin/x %(ENV_HOME)s',
                'cmd;semi #hash', 'a\\b', '/bin/%%literal', '/bin/%(here)s %(group_name)s %(host_node_name)s',
                '/bin/%(ENV_K)s'],
    'startsecs': ['1', '0', '  5', '-1'], 'priority': ['1', '999', '-3'],
    'environment': ['A=1', 'A="x y",B=2', 'K=%(process_num)d', "Q='q'", 'K="%(program_name)s-%(numprocs)d"'],
    'stdout_logfile': ['AUTO', 'NONE', '/tmp/x.log', '%(here)s/%(program_name)s.log', 'syslog', 'off',
                       '%(here)s/%(ENV_K)s.log'],
    'stderr_logfile': ['/tmp/e.log', 'NONE', 'AUTO'], 'stderr_logfile_maxbytes': ['0'],
    'directory': ['/tmp', '%(here)s', '/x/%(process_num)d'], 'autostart': ['true', 'false', 'yes'],
    'numprocs': ['1', '2', '0'],
    'process_name': ['%(program_name)s_%(process_num)s', '%(program_name)s-%(process_num)03d'],
    'exitcodes': ['0', '0,2', ''], 'stopsignal': ['TERM', 'kill', '9', 'sigusr1', 'HUP'],
    'umask': ['022', '0o7'], 'redirect_stderr': ['true', 'false'],
    'stdout_logfile_maxbytes': ['1MB', '0', '1gb'], 'serverurl': ['AUTO', 'http://x'],
    'STARTRETRIES': ['3', '7'], 'autorestart': ['unexpected', 'true', 'false'],
    'stopasgroup': ['true', 'false'], 'killasgroup': ['true'],
}
BAD = {
    'startsecs': ['ten'], 'priority': ['x'], 'environment': ['bad', 'A=1 B=2'], 'autostart': ['maybe'],
    'process_name': ['x y'], 'exitcodes': ['1,256'], 'stopsignal': ['WHAT'], 'umask': ['9'],
    'stdout_logfile_maxbytes': ['5M'], 'autorestart': ['sometimes'], 'command': ['/bin/%(nope)s', '%z'],
}


def option(rnd, key, value):
    line = key + rnd.choice(['=', ' = ', ':', ' : ', '\t=\t', '=  ']) + value
    if rnd.random() < 0.15:
        line += rnd.choice([' ; c', '\t# c', ';nc', '#nc', ' ;'])
    lines = [line]
    if rnd.random() < 0.08:
        lines.append(rnd.choice(['  more', '\tmore', '', '; comment']))
    return lines


def value(rnd, key):
    if key in BAD and rnd.random() < 0.04:
        return rnd.choice(BAD[key])
    return rnd.choice(GOOD[key])


def config(rnd):
    lines = []
    if rnd.random() < 0.2:
        lines += ['[DEFAULT]'] + option(rnd, 'startsecs', '2')
    lines.append('[supervisord]' + rnd.choice(['', ' ; c', '   ']))
    if rnd.random() < 0.3:
        lines += option(rnd, 'environment', rnd.choice(['K=glob', 'G="a b"']))
    for p in range(rnd.randint(1, 3)):
        lines.append(rnd.choice(['[program:p%d]' % p, '[program:p%d] ; c' % p]))
        keys = rnd.sample(sorted(GOOD), rnd.randint(2, 8))
        if 'numprocs' in keys and 'process_name' not in keys:
            keys.append('process_name')
        for key in keys:
            lines += option(rnd, key, value(rnd, key))
        if 'command' not in keys:
            lines += option(rnd, 'command', '/bin/p%d' % p)
        if rnd.random() < 0.03:
            lines.append('junk line')
    if rnd.random() < 0.2:
        lines += ['[group:g]', 'programs=p0', 'priority=3']
    if rnd.random() < 0.2:
        lines += ['[eventlistener:l]', 'command=/bin/l', 'events=TICK_5, process_state']
    return '\n'.join(lines) + rnd.choice(['\n', ''])


def main():
    out, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(seed)
    for n in range(count):
        with open(os.path.join(out, 'fuzz-%03d.conf' % n), 'w') as f:
            f.write(config(rnd))


if __name__ == '__main__':
    main()
