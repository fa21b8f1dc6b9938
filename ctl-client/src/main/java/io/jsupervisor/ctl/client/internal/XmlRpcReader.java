package io.jsupervisor.ctl.client.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a {@code <methodResponse>} with the JDK's StAX parser, hardened: a DTD anywhere is refused (so no
 * entity expansion, internal or external), no external access, only the standard XML-RPC types (no
 * {@code <nil/>}, {@code <i8>} or {@code ex:} extensions), nesting at most {@value #MAX_DEPTH} deep. Values
 * come back as String, Integer, Boolean, Double, byte[] (base64), List and Map; a fault as an
 * {@link XmlRpcFault} holding just its code and string.
 */
public final class XmlRpcReader {
    static final int MAX_DEPTH = 64;

    private final XMLStreamReader xml;

    private XmlRpcReader(XMLStreamReader xml) {
        this.xml = xml;
    }

    /** The single value of a successful reply. */
    public static Object parseResponse(byte[] body) throws XmlRpcFault, MalformedReply {
        XMLStreamReader xml;
        try {
            xml = factory().createXMLStreamReader(new ByteArrayInputStream(body));
        } catch (XMLStreamException e) {
            throw new MalformedReply(e.getMessage(), e);
        }
        try {
            return new XmlRpcReader(xml).response();
        } catch (XMLStreamException | IllegalStateException | java.util.NoSuchElementException e) {
            throw new MalformedReply(String.valueOf(e.getMessage()), e);
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // nothing held but memory
            }
        }
    }

    private static XMLInputFactory factory() {
        // the JDK's own implementation, not whatever a service lookup finds on the class path
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private Object response() throws XMLStreamException, XmlRpcFault, MalformedReply {
        expectStart("methodResponse");
        String kind = nextStart();
        Object result;
        if (kind.equals("params")) {
            expectStart("param");
            result = valueAfterStart(1);
            expectEnd("param");
            expectEnd("params");
        } else if (kind.equals("fault")) {
            Object fault = valueAfterStart(1);
            expectEnd("fault");
            throw fault(fault);
        } else {
            throw new MalformedReply("unexpected <" + kind + "> in methodResponse");
        }
        expectEnd("methodResponse");
        return result;
    }

    private static XmlRpcFault fault(Object value) throws MalformedReply {
        if (value instanceof Map<?, ?> struct && struct.get("faultCode") instanceof Integer code
                && struct.get("faultString") instanceof String string) {
            return new XmlRpcFault(code, string);
        }
        throw new MalformedReply("fault is not a {faultCode:int, faultString:string} struct");
    }

    /** Reads {@code <value>…</value>}, the {@code <value>} start tag next. */
    private Object valueAfterStart(int depth) throws XMLStreamException, MalformedReply {
        expectStart("value");
        return valueBody(depth);
    }

    /** The inside of a {@code <value>} whose start tag was just read, through its end tag. */
    private Object valueBody(int depth) throws XMLStreamException, MalformedReply {
        if (depth > MAX_DEPTH) {
            throw new MalformedReply("values nested deeper than " + MAX_DEPTH);
        }
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                // an untyped <value>text</value> is a string
                return text.toString();
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                if (!text.toString().isBlank()) {
                    throw new MalformedReply("text before a typed value");
                }
                Object value = typed(xml.getLocalName(), depth);
                expectEnd("value");
                return value;
            }
        }
    }

    private Object typed(String type, int depth) throws XMLStreamException, MalformedReply {
        switch (type) {
            case "string":
                return xml.getElementText();
            case "int":
            case "i4":
                return parseInt(xml.getElementText().strip());
            case "boolean": {
                String text = xml.getElementText().strip();
                if (!text.equals("0") && !text.equals("1")) {
                    throw new MalformedReply("bad boolean " + text);
                }
                return text.equals("1");
            }
            case "double":
                try {
                    return Double.parseDouble(xml.getElementText().strip());
                } catch (NumberFormatException e) {
                    throw new MalformedReply("bad double", e);
                }
            case "dateTime.iso8601":
                return xml.getElementText().strip();
            case "base64":
                try {
                    return Base64.getMimeDecoder().decode(xml.getElementText());
                } catch (IllegalArgumentException e) {
                    throw new MalformedReply("bad base64", e);
                }
            case "array":
                return array(depth);
            case "struct":
                return struct(depth);
            default:
                throw new MalformedReply("unsupported value type <" + type + ">");
        }
    }

    private static Integer parseInt(String text) throws MalformedReply {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new MalformedReply("bad int " + text, e);
        }
    }

    private List<Object> array(int depth) throws XMLStreamException, MalformedReply {
        expectStart("data");
        List<Object> values = new ArrayList<>();
        while (true) {
            int event = nextTag();
            if (event == XMLStreamConstants.END_ELEMENT) {
                requireName("data");
                break;
            }
            requireName("value");
            values.add(valueBody(depth + 1));
        }
        expectEnd("array");
        return values;
    }

    private Map<String, Object> struct(int depth) throws XMLStreamException, MalformedReply {
        Map<String, Object> members = new LinkedHashMap<>();
        while (true) {
            int event = nextTag();
            if (event == XMLStreamConstants.END_ELEMENT) {
                requireName("struct");
                return members;
            }
            requireName("member");
            expectStart("name");
            String name = xml.getElementText();
            Object value = valueAfterStart(depth + 1);
            expectEnd("member");
            members.put(name, value);
        }
    }

    private int next() throws XMLStreamException, MalformedReply {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE
                || event == XMLStreamConstants.ENTITY_DECLARATION) {
            throw new MalformedReply("DTDs and entity references are not accepted");
        }
        return event;
    }

    /** The next start or end tag, skipping whitespace, comments and processing instructions. */
    private int nextTag() throws XMLStreamException, MalformedReply {
        while (true) {
            int event = next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT:
                    return event;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE:
                    if (!xml.getText().isBlank()) {
                        throw new MalformedReply("unexpected text " + abbreviate(xml.getText()));
                    }
                    break;
                case XMLStreamConstants.END_DOCUMENT:
                    throw new MalformedReply("unexpected end of document");
                default:
                    break;
            }
        }
    }

    private String nextStart() throws XMLStreamException, MalformedReply {
        if (nextTag() != XMLStreamConstants.START_ELEMENT) {
            throw new MalformedReply("unexpected </" + xml.getLocalName() + ">");
        }
        return xml.getLocalName();
    }

    private void expectStart(String name) throws XMLStreamException, MalformedReply {
        String found = nextStart();
        if (!found.equals(name)) {
            throw new MalformedReply("expected <" + name + ">, found <" + found + ">");
        }
    }

    private void expectEnd(String name) throws XMLStreamException, MalformedReply {
        if (nextTag() != XMLStreamConstants.END_ELEMENT || !xml.getLocalName().equals(name)) {
            throw new MalformedReply("expected </" + name + ">");
        }
    }

    private void requireName(String name) throws MalformedReply {
        if (!xml.getLocalName().equals(name)) {
            throw new MalformedReply("expected " + name + ", found " + xml.getLocalName());
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
