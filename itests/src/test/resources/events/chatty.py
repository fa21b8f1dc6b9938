# A child for the events itests: one line on each stream, then one captured message on each stream
# (capture mode tokens), then sleeps. Pauses between writes so that each write is its own read.
import sys
import time

def say(stream, text):
    stream.write(text)
    stream.flush()
    time.sleep(0.3)

say(sys.stdout, 'out-line\n')
say(sys.stderr, 'err-line\n')
say(sys.stdout, '<!--XSUPERVISOR:BEGIN-->captured-out<!--XSUPERVISOR:END-->')
say(sys.stderr, '<!--XSUPERVISOR:BEGIN-->captured-err<!--XSUPERVISOR:END-->')
say(sys.stdout, 'after-capture\n')
time.sleep(987620)
