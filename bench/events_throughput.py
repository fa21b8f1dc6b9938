#!/usr/bin/env python3
"""Events per second: to one protocol listener (JSupervisor and the reference supervisord 4.2.5, same config, same
run) and to an in-JVM SupervisorEventListener (JSupervisor only). The three daemons run at once and take turns,
round by round, so that the machine's load drifts alike for all. Standard library, python3, javac and jar.

    python3 bench/events_throughput.py                 # 20,000 events per round, 3 rounds per daemon
    python3 bench/events_throughput.py --events 5000 --rounds 1    # quick look

Events are REMOTE_COMMUNICATION events made by `supervisor.sendRemoteCommEvent`, 1,000 per XML-RPC
`system.multicall`, sent as fast as the daemon answers. The protocol listener (python3) answers `RESULT 2\\nOK` at
once and notes the time every 1,000 events; the in-JVM listener is a bundle dropped into a copy of the
distribution's load/ folder that does the same from `onEvent`. A figure is N / (time the N-th event reached the
listener - time the first multicall was sent): generation and delivery together, so a figure can't go past the rate
at which the daemon takes sendRemoteCommEvent calls (that is the limit for the in-JVM listener).
The pools' buffer_size is larger than N, so nothing overflows.
"""
import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import xmlrpc.client

HERE = os.path.dirname(os.path.abspath(__file__))
DIST = os.environ.get('JSUPERVISOR_DIST', os.path.join(HERE, '..', 'distribution', 'target', 'jsupervisor'))
REFERENCE = '/usr/bin/supervisord'
BATCH = 1000

LISTENER = r'''
import sys, time
record = sys.argv[1]
out, inp = sys.stdout.buffer, sys.stdin.buffer
out.write(b'READY\n'); out.flush()
count = 0
while True:
    line = inp.readline()
    if not line:
        break
    length = int(line.rsplit(b'len:', 1)[1])
    inp.read(length)
    count += 1
    out.write(b'RESULT 2\nOKREADY\n'); out.flush()
    if count % 1000 == 0:
        with open(record, 'a') as f:
            f.write('%d %.6f\n' % (count, time.time()))
'''

BUNDLE_SOURCE = '''
package jsvbench;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.SupervisorEvent;
import io.jsupervisor.api.SupervisorEventListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/** Counts REMOTE_COMMUNICATION events; notes the time every 1,000 (one delivery thread: no locking). */
public final class CountingListener implements SupervisorEventListener {
    private Path record;
    private long count;

    public void activate(Map<String, Object> properties) throws Exception {
        record = Path.of((String) properties.get("record"));
        Files.writeString(record, "", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public void onEvent(SupervisorEvent event) {
        if (event.type() == EventType.REMOTE_COMMUNICATION && ++count % 1000 == 0) {
            try {
                Files.writeString(record, count + " " + System.currentTimeMillis() / 1000.0 + "\\n",
                        StandardOpenOption.APPEND);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }
    }
}
'''

COMPONENT_XML = '''<?xml version="1.0" encoding="UTF-8"?>
<scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="jsvbench.counting" immediate="true"
    activate="activate">
  <implementation class="jsvbench.CountingListener"/>
  <service><provide interface="io.jsupervisor.api.SupervisorEventListener"/></service>
  <property name="record" type="String" value="{record}"/>
</scr:component>
'''


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def config(work, port, protocol_listener, events):
    text = textwrap.dedent(f'''\
        [inet_http_server]
        port=127.0.0.1:{port}

        [supervisord]
        logfile={work}/supervisord.log
        pidfile={work}/supervisord.pid
        childlogdir={work}
        nodaemon=true

        [rpcinterface:supervisor]
        supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
        ''')
    if protocol_listener:
        with open(os.path.join(work, 'listener.py'), 'w') as f:
            f.write(LISTENER)
        text += textwrap.dedent(f'''
            [eventlistener:bench]
            command=/usr/bin/python3 -u {work}/listener.py {work}/record
            events=REMOTE_COMMUNICATION
            buffer_size={events + 10 * BATCH}
            ''')
    path = os.path.join(work, 'supervisord.conf')
    with open(path, 'w') as f:
        f.write(text)
    return path


def build_bundle(work, dist, record):
    src = os.path.join(work, 'src', 'jsvbench')
    os.makedirs(src)
    with open(os.path.join(src, 'CountingListener.java'), 'w') as f:
        f.write(BUNDLE_SOURCE)
    core = [os.path.join(dist, 'bundle', n) for n in os.listdir(os.path.join(dist, 'bundle'))
            if n.startswith('jsupervisor-core-')][0]
    classes = os.path.join(work, 'classes')
    subprocess.run(['javac', '--release', '17', '-d', classes, '-cp', core,
                    os.path.join(src, 'CountingListener.java')], check=True)
    os.makedirs(os.path.join(classes, 'OSGI-INF'))
    with open(os.path.join(classes, 'OSGI-INF', 'component.xml'), 'w') as f:
        f.write(COMPONENT_XML.format(record=record))
    manifest = os.path.join(work, 'MANIFEST.MF')
    with open(manifest, 'w') as f:
        f.write('Bundle-ManifestVersion: 2\nBundle-SymbolicName: jsvbench.counting\nBundle-Version: 1.0.0\n'
                'Import-Package: io.jsupervisor.api;version="[1.0,2)"\n'
                'Service-Component: OSGI-INF/component.xml\n')
    jar = os.path.join(dist, 'load', 'jsvbench-counting.jar')
    subprocess.run(['jar', 'cfm', jar, manifest, '-C', classes, '.'], check=True)


def read_marks(record):
    marks = {}
    if os.path.exists(record):
        with open(record) as f:
            for line in f:
                count, when = line.split()
                marks[int(count)] = float(when)
    return marks


def wait_for(what, condition, timeout):
    deadline = time.time() + timeout
    while not condition():
        if time.time() > deadline:
            raise RuntimeError('timed out waiting for ' + what)
        time.sleep(0.05)


class Daemon:
    """One daemon with its listener, started once; rounds are run on the daemons in turn (alternating)."""

    def __init__(self, kind, events):
        self.kind = kind
        self.events = events
        self.sent = 0
        self.rates = []
        self.work = tempfile.mkdtemp(prefix='events-bench-')
        self.record = os.path.join(self.work, 'record')
        port = free_port()
        if kind == 'reference':
            command = [REFERENCE, '-n', '-c', config(self.work, port, True, events)]
        else:
            dist = os.path.join(self.work, 'dist')
            shutil.copytree(DIST, dist)
            if kind == 'jvm':
                build_bundle(self.work, dist, self.record)
            command = [os.path.join(dist, 'bin', 'supervisord'), '-n', '-c',
                       config(self.work, port, kind == 'protocol', events)]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.server = xmlrpc.client.ServerProxy(f'http://127.0.0.1:{port}/RPC2')

    def wait_ready(self):
        def up():
            try:
                return self.server.supervisor.getState()['statename'] == 'RUNNING'
            except (OSError, xmlrpc.client.Error):
                return False
        wait_for('the daemon', up, 60)
        if self.kind == 'jvm':
            wait_for('the bench bundle', lambda: os.path.exists(self.record), 60)
        else:
            wait_for('the listener',
                     lambda: self.server.supervisor.getProcessInfo('bench')['statename'] == 'RUNNING', 60)

    def round(self, keep):
        began = time.time()
        for _ in range(self.events // BATCH):
            multi = xmlrpc.client.MultiCall(self.server)
            for i in range(BATCH):
                multi.supervisor.sendRemoteCommEvent('bench', str(i))
            multi()
        self.sent += self.events
        wait_for(f'{self.sent} events at the listener', lambda: self.sent in read_marks(self.record), 600)
        if keep:
            self.rates.append(self.events / (read_marks(self.record)[self.sent] - began))

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--events', type=int, default=20000, help='events per round (a multiple of 1000)')
    parser.add_argument('--rounds', type=int, default=3)
    parser.add_argument('--only', choices=['reference', 'protocol', 'jvm'], help='measure one row')
    args = parser.parse_args()
    rows = [('protocol listener, reference supervisord 4.2.5', 'reference'),
            ('protocol listener, JSupervisor', 'protocol'),
            ('in-JVM SupervisorEventListener, JSupervisor', 'jvm')]
    rows = [row for row in rows if not args.only or row[1] == args.only]
    daemons = [Daemon(kind, args.events) for _, kind in rows]
    try:
        for daemon in daemons:
            daemon.wait_ready()
        for r in range(args.rounds + 1):  # round 0 warms up; the daemons take turns
            for daemon in daemons:
                daemon.round(keep=r > 0)
    finally:
        for daemon in daemons:
            daemon.stop()
    print(f'{args.events} REMOTE_COMMUNICATION events per round, {args.rounds} rounds (+1 warm-up) taken in turn '
          'by the daemons, all running at once')
    print('| listener | events/s (median) | rounds |')
    print('|---|---|---|')
    for (label, _), daemon in zip(rows, daemons):
        rates = daemon.rates
        print(f'| {label} | {statistics.median(rates):,.0f} | {", ".join(f"{r:,.0f}" for r in rates)} |')


if __name__ == '__main__':
    sys.exit(main())
