package io.jsupervisor.rpc.xml.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "JSupervisor XML-RPC endpoint", description = "POST /RPC2")
public @interface RpcConfig {
    /** Same PID as the component. */
    String PID = "io.jsupervisor.rpc.xml";

    @AttributeDefinition(name = "Largest request body (bytes)",
            description = "Bigger requests are refused with 413 before their body is read.", min = "1024")
    long max_request_bytes() default 2L * 1024 * 1024;
}
