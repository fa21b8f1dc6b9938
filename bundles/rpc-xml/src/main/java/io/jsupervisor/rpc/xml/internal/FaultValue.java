package io.jsupervisor.rpc.xml.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.rpc.xml.RpcFault;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** An XML-RPC fault: {@code faultCode} and {@code faultString} ("NAME" or "NAME: detail"). */
record FaultValue(int code, String text) {

    /**
     * The fault a failed call answers with. Anything that is not a supervisor fault becomes FAILED
     * with the exception's type and message, as the reference's multicall reports it.
     */
    static FaultValue of(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof SupervisorException s) {
            return new FaultValue(s.fault().code(), s.getMessage());
        }
        if (e instanceof RpcFault f) {
            return new FaultValue(f.code(), f.faultString());
        }
        return new FaultValue(Fault.FAILED.code(), "FAILED: " + e.getClass().getName() + ":" + e.getMessage());
    }

    static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException
                || e instanceof InvocationTargetException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** The struct form used inside a multicall result. */
    Map<String, Object> struct() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("faultCode", code);
        m.put("faultString", XmlText.sanitize(text));
        return m;
    }
}
