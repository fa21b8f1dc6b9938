package io.jsupervisor.rest.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.SupervisorException;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer of the JSON API: status and body (JSON text). */
record Reply(int status, String json) {
    static Reply ok(Object body) {
        return new Reply(200, Json.write(body));
    }

    /** {@code {"fault": "BAD_NAME", "code": 10, "message": "BAD_NAME: foo"}}, the message being the reference's fault string. */
    static Reply fault(SupervisorException e) {
        return fault(FaultStatus.of(e.fault()), e.fault(), e.getMessage());
    }

    static Reply fault(int status, Fault fault, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fault", fault.name());
        body.put("code", fault.code());
        body.put("message", message);
        return new Reply(status, Json.write(body));
    }

    static Reply badArguments(String detail) {
        return fault(new SupervisorException(Fault.BAD_ARGUMENTS, detail));
    }
}
