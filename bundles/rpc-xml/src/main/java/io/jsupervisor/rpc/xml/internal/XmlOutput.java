package io.jsupervisor.rpc.xml.internal;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;

/**
 * The SAX sink for the library's {@code XmlRpcWriter}: plain UTF-8 text with {@code & < >} escaped.
 * Replaces ws-commons' writers, which emit surrogate halves and control characters as character
 * references that XML 1.0 forbids. CR is written as {@code &#13;} so that it survives the client's
 * line-end normalisation (the reference sends it raw and clients receive LF). Input text must already
 * be legal XML ({@link XmlText#sanitize}).
 */
final class XmlOutput implements ContentHandler {
    private final StringBuilder out = new StringBuilder(256);

    String text() {
        return out.toString();
    }

    @Override
    public void startDocument() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    @Override
    public void endDocument() {
        out.append('\n');
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        out.append('<').append(name(localName, qName)).append('>');
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        out.append("</").append(name(localName, qName)).append('>');
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        for (int i = start; i < start + length; i++) {
            char c = ch[i];
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        characters(ch, start, length);
    }

    private static String name(String localName, String qName) {
        return qName != null && !qName.isEmpty() ? qName : localName;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) {
    }

    @Override
    public void endPrefixMapping(String prefix) {
    }

    @Override
    public void processingInstruction(String target, String data) {
    }

    @Override
    public void skippedEntity(String name) {
    }
}
