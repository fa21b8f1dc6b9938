package io.jsupervisor.rpc.xml.internal;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.XMLReader;

/**
 * A SAX reader that cannot be made to read anything but the request: any DOCTYPE is an error, so no
 * external DTD is ever fetched and no entity expands (Apache XML-RPC 3.1.3 alone still fetches
 * external DTDs, CVE-2016-5002). Uses the JDK's own parser, never one found on a class path.
 */
final class HardenedSax {
    private final SAXParserFactory factory;

    HardenedSax() {
        try {
            factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("the JDK's SAX parser lacks a hardening feature", e);
        }
    }

    XMLReader newReader() throws SAXException {
        try {
            XMLReader reader = factory.newSAXParser().getXMLReader();
            // belt and braces: even if a DOCTYPE got through, resolve nothing
            reader.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are refused: " + systemId);
            });
            reader.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e; // quietly: the default handler also prints to stderr
                }
            });
            return reader;
        } catch (ParserConfigurationException e) {
            throw new SAXException(e);
        }
    }

    static InputSource source(byte[] body) {
        return new InputSource(new java.io.ByteArrayInputStream(body));
    }
}
