package io.jsupervisor.ctl.client.internal;

import java.util.Map;

/** A status line, headers (names in lower case) and the whole body. */
public record HttpResponse(int status, String reason, Map<String, String> headers, byte[] body) {
}
