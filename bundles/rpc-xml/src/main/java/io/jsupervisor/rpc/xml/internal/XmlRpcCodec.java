package io.jsupervisor.rpc.xml.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.xmlrpc.common.TypeFactoryImpl;
import org.apache.xmlrpc.common.XmlRpcHttpRequestConfigImpl;
import org.apache.xmlrpc.common.XmlRpcStreamConfig;
import org.apache.xmlrpc.parser.XmlRpcRequestParser;
import org.apache.xmlrpc.serializer.TypeSerializer;
import org.apache.xmlrpc.serializer.TypeSerializerImpl;
import org.apache.xmlrpc.serializer.XmlRpcWriter;
import org.apache.xmlrpc.server.XmlRpcServer;
import org.apache.xmlrpc.server.XmlRpcServerConfigImpl;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads {@code methodCall} documents and writes {@code methodResponse} documents with Apache XML-RPC's
 * parser and writer, configured as the reference behaves: no extensions (so no {@code ex:serializable},
 * {@code nil} or {@code i8}, CVE-2016-5003), ints as {@code <int>}, strings as {@code <string>}.
 * Only the library's servlet-free, logging-free classes are used.
 */
final class XmlRpcCodec {
    private final XmlRpcServerConfigImpl config = new XmlRpcServerConfigImpl();
    private final XmlRpcHttpRequestConfigImpl replyConfig = new XmlRpcHttpRequestConfigImpl();
    private final TypeFactoryImpl types = new WireTypes(new XmlRpcServer());
    private final HardenedSax sax = new HardenedSax();

    XmlRpcCodec() {
        config.setEncoding(XmlRpcStreamConfig.UTF8_ENCODING);
        config.setEnabledForExtensions(false);
        config.setEnabledForExceptions(false);
        replyConfig.setEncoding(XmlRpcStreamConfig.UTF8_ENCODING);
        replyConfig.setEnabledForExtensions(false);
        replyConfig.setEnabledForExceptions(false);
    }

    /** A parsed request. */
    record Call(String method, List<Object> params) {
    }

    /** The request, or an exception when it is not a well-formed call with a method name. */
    Call parse(byte[] body) throws SAXException, IOException {
        XmlRpcRequestParser parser = new XmlRpcRequestParser(config, types);
        XMLReader reader = sax.newReader();
        reader.setContentHandler(parser);
        reader.parse(HardenedSax.source(body));
        String method = parser.getMethodName();
        if (method == null || method.isEmpty()) {
            throw new SAXException("no methodName");
        }
        List<?> params = parser.getParams();
        List<Object> values = new ArrayList<>();
        if (params != null) {
            params.forEach(p -> values.add(normalise(p)));
        }
        return new Call(method, values);
    }

    /** The library gives arrays as {@code Object[]}; everything else works with lists. */
    private static Object normalise(Object v) {
        if (v instanceof Object[] array) {
            List<Object> list = new ArrayList<>(array.length);
            for (Object x : array) {
                list.add(normalise(x));
            }
            return list;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> struct = new LinkedHashMap<>();
            m.forEach((k, x) -> struct.put(k, normalise(x)));
            return struct;
        }
        return v;
    }

    /** A {@code methodResponse} holding a value made by {@link Wire#of}. */
    byte[] response(Object wireValue) throws SAXException {
        XmlOutput out = new XmlOutput();
        new XmlRpcWriter(config, out, types).write(replyConfig, wireValue);
        return out.text().getBytes(StandardCharsets.UTF_8);
    }

    byte[] fault(FaultValue fault) throws SAXException {
        XmlOutput out = new XmlOutput();
        new XmlRpcWriter(config, out, types).write(replyConfig, fault.code(), XmlText.sanitize(fault.text()));
        return out.text().getBytes(StandardCharsets.UTF_8);
    }

    /** The library's types, but with the tags the reference writes. */
    private static final class WireTypes extends TypeFactoryImpl {
        private static final TypeSerializer STRING = new Tagged("string");
        private static final TypeSerializer INT = new Tagged("int");

        WireTypes(XmlRpcServer controller) {
            super(controller);
        }

        @Override
        public TypeSerializer getSerializer(XmlRpcStreamConfig cfg, Object value) throws SAXException {
            if (value instanceof String) {
                return STRING;
            }
            if (value instanceof Integer) {
                return INT;
            }
            return super.getSerializer(cfg, value);
        }
    }

    private static final class Tagged extends TypeSerializerImpl {
        private final String tag;

        Tagged(String tag) {
            this.tag = tag;
        }

        @Override
        public void write(ContentHandler handler, Object value) throws SAXException {
            write(handler, tag, value.toString());
        }
    }
}
