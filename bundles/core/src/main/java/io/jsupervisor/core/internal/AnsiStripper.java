package io.jsupervisor.core.internal;

import java.io.ByteArrayOutputStream;

/** Removes ANSI escapes as the reference's {@code stripEscapes} does: from ESC [ up to a terminator. */
final class AnsiStripper {
    private static final String TERMINATORS = "HfABCDRsuJKhlpm";

    private AnsiStripper() {
    }

    static byte[] strip(byte[] s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length);
        boolean show = true;
        int i = 0;
        while (i < s.length) {
            if (!show && TERMINATORS.indexOf(s[i]) >= 0) {
                show = true;
            } else if (show) {
                int n = indexOf(s, i);
                if (n < 0) {
                    out.write(s, i, s.length - i);
                    return out.toByteArray();
                }
                out.write(s, i, n - i);
                i = n;
                show = false;
            }
            i++;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] s, int from) {
        for (int i = from; i + 1 < s.length; i++) {
            if (s[i] == 0x1b && s[i + 1] == '[') {
                return i;
            }
        }
        return -1;
    }
}
