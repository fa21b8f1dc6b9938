# An event listener speaking the reference's protocol, for the events itests against the real daemon.
# usage: protocol_listener.py RECORD_FILE MODE [MARKER_FILE]
#   ok          answers every event OK
#   fail-first  answers its first event FAIL, then OK
#   die-once    the first process of the pool to get an event creates MARKER_FILE and exits without
#               answering; afterwards (MARKER_FILE exists) as ok
#   hang-once   the first process of the pool to get an event writes its SUPERVISOR_PROCESS_NAME into
#               MARKER_FILE and hangs without answering (for the test to kill it); afterwards as ok
#   wait-file   says READY only once MARKER_FILE exists, then as ok
# Appends one line per event to RECORD_FILE: the envelope's header line, " payload=", and the payload
# with backslashes written as \\ and newlines as \n.
import os
import sys
import time

record, mode = sys.argv[1], sys.argv[2]
marker = sys.argv[3] if len(sys.argv) > 3 else None
out, inp = sys.stdout.buffer, sys.stdin.buffer
if mode == 'wait-file':
    while not os.path.exists(marker):
        time.sleep(0.05)
out.write(b'READY\n')
out.flush()
count = 0
while True:
    line = inp.readline()
    if not line:
        break
    headers = dict(token.split(b':', 1) for token in line.split())
    payload = inp.read(int(headers[b'len']))
    with open(record, 'ab') as f:
        f.write(line.rstrip(b'\n') + b' payload=' + payload.replace(b'\\', b'\\\\').replace(b'\n', b'\\n') + b'\n')
    count += 1
    if mode == 'die-once' and not os.path.exists(marker):
        open(marker, 'w').close()
        os._exit(3)
    if mode == 'hang-once' and not os.path.exists(marker):
        with open(marker + '.tmp', 'w') as f:
            f.write(os.environ['SUPERVISOR_PROCESS_NAME'])
        os.rename(marker + '.tmp', marker)
        while True:
            time.sleep(3600)
    if mode == 'fail-first' and count == 1:
        out.write(b'RESULT 4\nFAIL')
    else:
        out.write(b'RESULT 2\nOK')
    out.write(b'READY\n')
    out.flush()
