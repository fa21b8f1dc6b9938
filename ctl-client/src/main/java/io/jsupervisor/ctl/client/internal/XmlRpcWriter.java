package io.jsupervisor.ctl.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A {@code <methodCall>} body with string, int and boolean parameters: all supervisorctl ever sends. */
public final class XmlRpcWriter {
    private XmlRpcWriter() {
    }

    public static byte[] methodCall(String method, List<Object> params) {
        StringBuilder xml = new StringBuilder(128).append("<?xml version='1.0'?>\n<methodCall>\n<methodName>")
                .append(escape(method)).append("</methodName>\n<params>\n");
        for (Object param : params) {
            xml.append("<param>\n<value>");
            if (param instanceof Boolean b) {
                xml.append("<boolean>").append(b ? '1' : '0').append("</boolean>");
            } else if (param instanceof Integer || param instanceof Long) {
                xml.append("<int>").append(param).append("</int>");
            } else if (param instanceof String s) {
                xml.append("<string>").append(escape(s)).append("</string>");
            } else {
                throw new IllegalArgumentException("unsupported parameter type " + param.getClass());
            }
            xml.append("</value>\n</param>\n");
        }
        return xml.append("</params>\n</methodCall>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** xmlrpclib's escape: {@code &}, {@code <} and {@code >}. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
