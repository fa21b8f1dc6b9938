package io.jsupervisor.ctl.client.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reply codec: the reference's answers decode; hostile and broken ones are refused, never obeyed. */
class XmlRpcReaderTest {
    private static Object parse(String xml) throws Exception {
        return XmlRpcReader.parseResponse(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String reply(String value) {
        return "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n" + value
                + "</param>\n</params>\n</methodResponse>\n";
    }

    @Test
    void decodesWhatPythonXmlrpclibSends() throws Exception {
        Object value = parse(reply("<value><array><data>\n<value><struct>\n"
                + "<member>\n<name>name</name>\n<value><string>a &amp; b &lt;c&gt;</string></value>\n</member>\n"
                + "<member>\n<name>pid</name>\n<value><int>42</int></value>\n</member>\n"
                + "<member>\n<name>ok</name>\n<value><boolean>1</boolean></value>\n</member>\n"
                + "<member>\n<name>plain</name>\n<value>untyped text</value>\n</member>\n"
                + "<member>\n<name>empty</name>\n<value><string></string></value>\n</member>\n"
                + "<member>\n<name>raw</name>\n<value><base64>aGk=</base64></value>\n</member>\n"
                + "</struct></value>\n</data></array></value>\n"));
        Map<?, ?> struct = (Map<?, ?>) ((List<?>) value).get(0);
        assertEquals("a & b <c>", struct.get("name"));
        assertEquals(42, struct.get("pid"));
        assertEquals(true, struct.get("ok"));
        assertEquals("untyped text", struct.get("plain"));
        assertEquals("", struct.get("empty"));
        assertArrayEquals("hi".getBytes(StandardCharsets.US_ASCII), (byte[]) struct.get("raw"));
    }

    @Test
    void faultKeepsOnlyCodeAndString() {
        XmlRpcFault fault = assertThrows(XmlRpcFault.class, () -> parse("<?xml version='1.0'?>\n<methodResponse>\n"
                + "<fault>\n<value><struct>\n<member>\n<name>faultCode</name>\n<value><int>10</int></value>\n"
                + "</member>\n<member>\n<name>faultString</name>\n<value><string>BAD_NAME: nope</string></value>\n"
                + "</member>\n</struct></value>\n</fault>\n</methodResponse>\n"));
        assertEquals(10, fault.code());
        assertEquals("BAD_NAME: nope", fault.string());
    }

    @Test
    void faultCarryingASerializedJavaObjectIsRefusedNotDeserialized() {
        // Apache XML-RPC's client deserialized <ex:serializable> in faults (CVE-2019-17570)
        String hostile = "<?xml version='1.0'?><methodResponse><fault><value><struct>"
                + "<member><name>faultCode</name><value><int>1</int></value></member>"
                + "<member><name>faultString</name><value><string>x</string></value></member>"
                + "<member><name>faultCause</name><value><ex:serializable xmlns:ex=\"http://ws.apache.org/xmlrpc/"
                + "namespaces/extensions\">rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==</ex:serializable></value></member>"
                + "</struct></value></fault></methodResponse>";
        assertThrows(MalformedReply.class, () -> parse(hostile));
    }

    @Test
    void externalEntityIsNeverRead(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "TOP-SECRET");
        String xxe = "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<methodResponse><params><param><value><string>&x;</string></value></param></params>"
                + "</methodResponse>";
        MalformedReply refused = assertThrows(MalformedReply.class, () -> parse(xxe));
        assertTrue(!String.valueOf(refused.getMessage()).contains("TOP-SECRET"));
    }

    @Test
    void internalEntityExpansionIsRefused() {
        StringBuilder bomb = new StringBuilder("<?xml version='1.0'?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append("<!ENTITY ").append(c).append(" \"").append(("&" + p + ";").repeat(10)).append("\">");
        }
        bomb.append("]><methodResponse><params><param><value><string>&j;</string></value></param></params>"
                + "</methodResponse>");
        assertThrows(MalformedReply.class, () -> parse(bomb.toString()));
    }

    @Test
    void extensionsAndUnknownTypesAreRefused() {
        assertThrows(MalformedReply.class, () -> parse(reply("<value><nil/></value>")));
        assertThrows(MalformedReply.class, () -> parse(reply("<value><i8>5</i8></value>")));
        assertThrows(MalformedReply.class, () -> parse(reply("<value><object>x</object></value>")));
    }

    @Test
    void malformedRepliesAreRefused() {
        // the reference's server leaves control characters unescaped: not XML
        assertThrows(MalformedReply.class, () -> parse(reply("<value><string>a\u0001b</string></value>")));
        assertThrows(MalformedReply.class, () -> parse(reply("<value><int>12x</int></value>")));
        assertThrows(MalformedReply.class, () -> parse(reply("<value><boolean>2</boolean></value>")));
        assertThrows(MalformedReply.class, () -> parse("<methodResponse><params>"));
        assertThrows(MalformedReply.class, () -> parse("not xml at all"));
        assertThrows(MalformedReply.class, () -> parse(""));
        assertThrows(MalformedReply.class, () -> parse("<methodResponse><fault><value><string>x</string>"
                + "</value></fault></methodResponse>"));
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "<value><array><data>".repeat(200) + "<value>x</value>"
                + "</data></array></value>".repeat(200);
        assertThrows(MalformedReply.class, () -> parse(reply(deep)));
    }

    @Test
    void writerEscapesMarkupInParameters() {
        String xml = new String(XmlRpcWriter.methodCall("supervisor.startProcess", List.of("a<b>&c", true, 5)),
                StandardCharsets.UTF_8);
        assertTrue(xml.contains("<methodName>supervisor.startProcess</methodName>"));
        assertTrue(xml.contains("<string>a&lt;b&gt;&amp;c</string>"));
        assertTrue(xml.contains("<boolean>1</boolean>"));
        assertTrue(xml.contains("<int>5</int>"));
    }
}
