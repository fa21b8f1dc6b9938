package io.jsupervisor.rpc.xml;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Names the namespace of an {@link RpcNamespace} component: {@code @RpcNamespaceName("hello")} on the
 * component class registers the service with {@code jsupervisor.rpc.namespace.name=hello}
 * ({@link RpcNamespace#NAME_PROPERTY}), and its methods are called as {@code hello.method}; the component then
 * need not implement {@link RpcNamespace#name()}. Read at build time by the DS annotation processor (bnd).
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface RpcNamespaceName {
    /** Prefix of the property name derived from this annotation's name: {@code jsupervisor.rpc.namespace.name}. */
    String PREFIX_ = "jsupervisor.";

    /** The namespace, a name without dots; {@code system} and {@code supervisor} are taken. */
    String value();
}
