"""Dumps how Supervisor 4.2.5 reads a supervisord.conf, one "key<TAB>json" line per setting.

Usage: python3 dump_config.py CONFIG_FILE...
Prints "host_node_name<TAB>json", then per file "===<TAB>path" and the result of
ServerOptions.realize(['-c', path]) in the current directory and environment: "OK" and the settings, or
"ERROR<TAB>json message". The JUnit test renders our parse in the same format.
"""
import json
import os
import platform
import sys

from supervisor.datatypes import Automatic, RestartUnconditionally, RestartWhenExitUnexpected
from supervisor.events import getEventNameByType
from supervisor.options import ServerOptions, EventListenerPoolConfig, FastCGIGroupConfig


class Refused(Exception):
    pass


def refuse(msg):
    raise Refused(str(msg))


def out(key, value):
    print('%s\t%s' % (key, json.dumps(value, ensure_ascii=False, sort_keys=True)))


def logname(v):
    if v is Automatic:
        return 'AUTO'
    if v is not None:
        return os.path.abspath(v)
    return v


def autorestart(v):
    if v is RestartUnconditionally:
        return 'TRUE'
    if v is RestartWhenExitUnexpected:
        return 'UNEXPECTED'
    return 'FALSE'


def kind(group):
    if isinstance(group, EventListenerPoolConfig):
        return 'EVENTLISTENER'
    if isinstance(group, FastCGIGroupConfig):
        return 'FCGI'
    return 'PROGRAM_OR_GROUP'


def dump_process(prefix, p):
    out(prefix + 'command', p.command)
    out(prefix + 'priority', p.priority)
    out(prefix + 'autostart', p.autostart)
    out(prefix + 'startsecs', p.startsecs)
    out(prefix + 'startretries', p.startretries)
    out(prefix + 'autorestart', autorestart(p.autorestart))
    out(prefix + 'exitcodes', p.exitcodes)
    out(prefix + 'stopsignal', p.stopsignal)
    out(prefix + 'stopwaitsecs', p.stopwaitsecs)
    out(prefix + 'stopasgroup', p.stopasgroup)
    out(prefix + 'killasgroup', p.killasgroup)
    out(prefix + 'uid', p.uid)
    out(prefix + 'redirect_stderr', p.redirect_stderr)
    for ch in ('stdout', 'stderr'):
        out(prefix + ch + '_logfile', logname(getattr(p, ch + '_logfile')))
        out(prefix + ch + '_logfile_maxbytes', getattr(p, ch + '_logfile_maxbytes'))
        out(prefix + ch + '_logfile_backups', getattr(p, ch + '_logfile_backups'))
        out(prefix + ch + '_capture_maxbytes', getattr(p, ch + '_capture_maxbytes'))
        out(prefix + ch + '_events_enabled', getattr(p, ch + '_events_enabled'))
        out(prefix + ch + '_syslog', getattr(p, ch + '_syslog'))
    out(prefix + 'environment', p.environment)
    out(prefix + 'directory', p.directory)
    out(prefix + 'umask', p.umask)
    out(prefix + 'serverurl', p.serverurl)


def dump(opts):
    out('supervisord.logfile', opts.logfile)
    out('supervisord.logfile_maxbytes', opts.logfile_maxbytes)
    out('supervisord.logfile_backups', opts.logfile_backups)
    out('supervisord.loglevel', opts.loglevel)
    out('supervisord.pidfile', opts.pidfile)
    out('supervisord.umask', opts.umask)
    out('supervisord.nodaemon', bool(opts.nodaemon))
    out('supervisord.silent', bool(opts.silent))
    out('supervisord.minfds', opts.minfds)
    out('supervisord.minprocs', opts.minprocs)
    out('supervisord.nocleanup', bool(opts.nocleanup))
    out('supervisord.childlogdir', os.path.abspath(opts.childlogdir))
    out('supervisord.user', opts.user)
    out('supervisord.directory', opts.directory)
    out('supervisord.strip_ansi', bool(opts.strip_ansi))
    out('supervisord.environment', opts.configroot.supervisord.environment)
    out('supervisord.identifier', opts.identifier)
    for c in opts.server_configs:
        prefix = 'server.%s.' % c['section']
        if 'file' in c:
            out(prefix + 'file', c['file'])
            out(prefix + 'chmod', c['chmod'])
            out(prefix + 'chown', list(c['chown']))
        else:
            out(prefix + 'host', c['host'])
            out(prefix + 'port', c['port'])
        out(prefix + 'username', c['username'])
        out(prefix + 'password', c['password'])
    for name, factory, extras in opts.rpcinterface_factories:
        out('rpcinterface.%s.factory' % name, '%s:%s' % (factory.__module__, factory.__name__))
        out('rpcinterface.%s.options' % name, extras)
    for i, g in enumerate(opts.process_group_configs):
        prefix = 'group.%03d.' % i
        out(prefix + 'name', g.name)
        out(prefix + 'priority', g.priority)
        out(prefix + 'kind', kind(g))
        if isinstance(g, EventListenerPoolConfig):
            out(prefix + 'events', sorted(getEventNameByType(e) for e in g.pool_events))
            out(prefix + 'buffer_size', g.buffer_size)
            out(prefix + 'result_handler',
                '%s:%s' % (g.result_handler.__module__, g.result_handler.__name__))
        out(prefix + 'processes', [p.name for p in g.process_configs])
        for p in g.process_configs:
            dump_process('%sprocess.%s.' % (prefix, p.name), p)
    for m in opts.parse_warnings:
        out('message', ['WARN', m])
    for m in opts.parse_infos:
        out('message', ['INFO', m])


def dump_one(path):
    opts = ServerOptions()
    opts.usage = refuse
    try:
        opts.realize(args=['-c', path])
    except Refused as e:
        print('ERROR\t%s' % json.dumps(str(e), ensure_ascii=False))
        return
    print('OK')
    dump(opts)


def main():
    out('host_node_name', platform.node())
    for path in sys.argv[1:]:
        # one interpreter for many files: start-up is the slow part
        print('===\t%s' % path)
        try:
            dump_one(path)
        except Exception as e:
            print('CRASH\t%s' % json.dumps(repr(e), ensure_ascii=False))


if __name__ == '__main__':
    main()
