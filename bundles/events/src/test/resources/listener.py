# A protocol-speaking event listener for the tests.
# usage: listener.py MODE RECORD_FILE
#   ok          answers every event with RESULT 2\nOKREADY\n in one write
#   fail-first  answers the first event RESULT 4\nFAIL, then READY\n in a second write; OK afterwards
#   die         exits (status 3) as soon as it has read an event, without answering
#   garbage     says HELLO!\n instead of READY\n (a protocol violation), then behaves as ok
#   badline     answers every event with RESULT x\n (not a number)
#   slow        as ok, but waits 2 s before each answer
# Each event received is appended to RECORD_FILE as one line: the envelope's token line, then
# " payload=" and the payload with newlines written as \n.
import sys
import time

mode, record = sys.argv[1], sys.argv[2]
out, inp = sys.stdout.buffer, sys.stdin.buffer
out.write(b'HELLO!\n' if mode == 'garbage' else b'READY\n')
out.flush()
count = 0
while True:
    line = inp.readline()
    if not line:
        break
    headers = dict(token.split(b':', 1) for token in line.split())
    payload = inp.read(int(headers[b'len']))
    with open(record, 'ab') as f:
        f.write(line.rstrip(b'\n') + b' payload=' + payload.replace(b'\n', b'\\n') + b'\n')
    count += 1
    if mode == 'die':
        sys.exit(3)
    if mode == 'slow':
        time.sleep(2)
    if mode == 'badline':
        out.write(b'RESULT x\n')
    elif mode == 'fail-first' and count == 1:
        out.write(b'RESULT 4\nFAIL')
        out.flush()
        out.write(b'READY\n')
    else:
        out.write(b'RESULT 2\nOKREADY\n')
    out.flush()
