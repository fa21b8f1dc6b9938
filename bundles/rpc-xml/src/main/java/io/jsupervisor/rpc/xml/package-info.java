/**
 * Extension point of the XML-RPC endpoint: register an {@link io.jsupervisor.rpc.xml.RpcNamespace}
 * service to add {@code namespace.method} calls to {@code /RPC2}, the equivalent of Supervisor's
 * {@code [rpcinterface:x]} sections.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.jsupervisor.rpc.xml;
