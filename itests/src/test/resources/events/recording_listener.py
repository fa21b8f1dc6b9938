# An event listener speaking the reference's protocol, for the events itests.
# usage: recording_listener.py RECORD_FILE [DELAY_SECONDS]
# Appends one line per event to RECORD_FILE: the envelope's header line, then " payload=" and the payload
# with newlines written as \n; waits DELAY_SECONDS (default 0) before answering OK, so that events pile up
# in the pool's queue.
import sys
import time

record = sys.argv[1]
delay = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
out, inp = sys.stdout.buffer, sys.stdin.buffer
out.write(b'READY\n')
out.flush()
while True:
    line = inp.readline()
    if not line:
        break
    headers = dict(token.split(b':', 1) for token in line.split())
    payload = inp.read(int(headers[b'len']))
    with open(record, 'ab') as f:
        f.write(line.rstrip(b'\n') + b' payload=' + payload.replace(b'\n', b'\\n') + b'\n')
    if delay:
        time.sleep(delay)
    out.write(b'RESULT 2\nOKREADY\n')
    out.flush()
