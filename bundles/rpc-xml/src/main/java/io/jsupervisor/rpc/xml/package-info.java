/**
 * Extension point of the XML-RPC endpoint: register an {@link io.jsupervisor.rpc.xml.RpcNamespace}
 * service to add {@code namespace.method} calls to {@code /RPC2}, the equivalent of Supervisor's
 * {@code [rpcinterface:x]} sections, named by {@link io.jsupervisor.rpc.xml.RpcNamespaceName}; and the
 * {@link io.jsupervisor.rpc.xml.HttpAuth} filter that web pages of other bundles put themselves behind.
 *
 * <p>1.1: {@code RpcNamespace.NAME_PROPERTY}, {@code @RpcNamespaceName}, {@code RpcNamespace.name()} has a
 * default, {@code HttpAuth}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.jsupervisor.rpc.xml;
