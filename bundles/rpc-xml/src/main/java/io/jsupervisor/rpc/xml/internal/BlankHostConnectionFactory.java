package io.jsupervisor.rpc.xml.internal;

import org.eclipse.jetty.http.HostPortHttpField;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.StringUtil;

/**
 * HTTP/1.1 for the unix socket, reading an empty {@code Host:} header as {@code Host: localhost}.
 * supervisorctl's {@code tail -f} over {@code unix://} sends {@code Host:} with an empty value (valid
 * per RFC 9112 for a URI without authority), which Jetty 12.0 refuses with "400 Blank Host".
 */
final class BlankHostConnectionFactory extends HttpConnectionFactory {
    private static final HttpField LOCALHOST = new HostPortHttpField("localhost");

    BlankHostConnectionFactory(HttpConfiguration config) {
        super(config);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new HttpConnection(getHttpConfiguration(), connector, endPoint) {
            @Override
            protected RequestHandler newRequestHandler() {
                return new RequestHandler() {
                    @Override
                    public void parsedHeader(HttpField field) {
                        boolean blankHost = field.getHeader() == HttpHeader.HOST && StringUtil.isBlank(field.getValue());
                        super.parsedHeader(blankHost ? LOCALHOST : field);
                    }
                };
            }
        };
        connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
        connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
        return configure(connection, connector, endPoint);
    }
}
