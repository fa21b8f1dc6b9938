package io.jsupervisor.rpc.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmlRpcCodecTest {
    private final XmlRpcCodec codec = new XmlRpcCodec();

    @Test
    void writesIntsAndStringsWithTheReferenceTags() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statecode", 1);
        m.put("statename", "R&<>\r");
        String xml = new String(codec.response(Wire.of(List.of(m, true, ""))), StandardCharsets.UTF_8);
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<methodResponse><params><param><value><array><data>"
                + "<value><struct><member><name>statecode</name><value><int>1</int></value></member>"
                + "<member><name>statename</name><value><string>R&amp;&lt;&gt;&#13;</string></value></member>"
                + "</struct></value><value><boolean>1</boolean></value><value><string></string></value>"
                + "</data></array></value></param></params></methodResponse>\n", xml);
    }

    @Test
    void writesFaultsAsCodeAndString() throws Exception {
        String xml = new String(codec.fault(new FaultValue(10, "BAD_NAME: x")), StandardCharsets.UTF_8);
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<methodResponse><fault><value><struct>"
                + "<member><name>faultCode</name><value><int>10</int></value></member>"
                + "<member><name>faultString</name><value><string>BAD_NAME: x</string></value></member>"
                + "</struct></value></fault></methodResponse>\n", xml);
    }

    @Test
    void readsEveryTypeTheReferenceAccepts() throws Exception {
        String body = "<?xml version='1.0'?><methodCall><methodName>a.b</methodName><params>"
                + "<param><value><int>1</int></value></param><param><value><i4>-2</i4></value></param>"
                + "<param><value><boolean>1</boolean></value></param><param><value><string>s</string></value></param>"
                + "<param><value>untyped</value></param><param><value><double>1.5</double></value></param>"
                + "<param><value><base64>aGk=</base64></value></param>"
                + "<param><value><array><data><value><int>3</int></value></data></array></value></param>"
                + "<param><value><struct><member><name>k</name><value>v</value></member></struct></value></param>"
                + "</params></methodCall>";
        XmlRpcCodec.Call call = codec.parse(body.getBytes(StandardCharsets.UTF_8));
        assertEquals("a.b", call.method());
        assertEquals(List.of(1, -2, true, "s", "untyped", 1.5), call.params().subList(0, 6));
        assertEquals("hi", new String((byte[]) call.params().get(6), StandardCharsets.UTF_8));
        assertEquals(List.of(3), call.params().get(7));
        assertEquals(Map.of("k", "v"), call.params().get(8));
    }

    @Test
    void paramsMayBeLeftOut() throws Exception {
        XmlRpcCodec.Call call = codec.parse(
                "<methodCall><methodName>a.b</methodName></methodCall>".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), call.params());
    }
}
