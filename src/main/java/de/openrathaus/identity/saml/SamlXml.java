// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.saml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one way this module reads and writes XML: namespace aware, no DOCTYPE at all (so no entity
 * expansion and no external entities), no external DTDs or schemas, secure processing on. Santuario
 * is initialised once, here.
 */
final class SamlXml {

	static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
	static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
	static final String METADATA = "urn:oasis:names:tc:SAML:2.0:metadata";
	static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
	static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
	static final String AKDB = "https://www.akdb.de/request/2018/09";
	static final String REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
	static final String POST_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

	private static final DocumentBuilderFactory FACTORY = hardenedFactory();

	static {
		org.apache.xml.security.Init.init();
	}

	private SamlXml() {
	}

	/** Ensures Santuario is initialised (its algorithms registered) before the first signature. */
	static void init() {
		// the static initialiser did it
	}

	private static DocumentBuilderFactory hardenedFactory() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			factory.setIgnoringComments(false);
			return factory;
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Parses untrusted XML; a DOCTYPE or anything malformed is refused. */
	static Document parse(byte[] xml) throws SamlRefusal {
		try {
			DocumentBuilder builder = FACTORY.newDocumentBuilder();
			builder.setErrorHandler(Quiet.INSTANCE);
			return builder.parse(new ByteArrayInputStream(xml));
		}
		catch (SAXException e) {
			boolean doctype = e.getMessage() != null && e.getMessage().contains("DOCTYPE");
			throw new SamlRefusal(doctype ? SamlRefusal.Reason.DOCTYPE : SamlRefusal.Reason.MALFORMED, e);
		}
		catch (IOException | ParserConfigurationException e) {
			throw new SamlRefusal(SamlRefusal.Reason.MALFORMED, e);
		}
	}

	static Document newDocument() {
		try {
			return FACTORY.newDocumentBuilder().newDocument();
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException(e);
		}
	}

	static byte[] serialize(Node node) {
		try {
			TransformerFactory factory = TransformerFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			Transformer transformer = factory.newTransformer();
			transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, node instanceof Document ? "no" : "yes");
			transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			transformer.transform(new DOMSource(node), new StreamResult(out));
			return out.toByteArray();
		}
		catch (TransformerException e) {
			throw new IllegalStateException(e);
		}
	}

	static List<Element> children(Element parent, String namespace, String localName) {
		List<Element> found = new ArrayList<>();
		for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element element && namespace.equals(element.getNamespaceURI())
					&& localName.equals(element.getLocalName())) {
				found.add(element);
			}
		}
		return found;
	}

	static Optional<Element> child(Element parent, String namespace, String localName) {
		List<Element> found = children(parent, namespace, localName);
		return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
	}

	/** Exactly one such child, or the response is refused. */
	static Element single(Element parent, String namespace, String localName, SamlRefusal.Reason reason) throws SamlRefusal {
		List<Element> found = children(parent, namespace, localName);
		if (found.size() != 1) {
			throw new SamlRefusal(reason, localName + " x" + found.size());
		}
		return found.get(0);
	}

	static String text(Element element) {
		return element.getTextContent() == null ? "" : element.getTextContent().trim();
	}

	static int count(Document document, String namespace, String localName) {
		return document.getElementsByTagNameNS(namespace, localName).getLength();
	}

	/**
	 * Declares every {@code ID} attribute of the document as an XML ID, so a signature reference
	 * resolves only to an element that carries it; an ID that occurs twice is refused, because a
	 * wrapped copy of a signed element would otherwise be able to stand in for it.
	 */
	static void registerIds(Document document) throws SamlRefusal {
		Set<String> seen = new HashSet<>();
		NodeList all = document.getElementsByTagNameNS("*", "*");
		for (int i = 0; i < all.getLength(); i++) {
			Element element = (Element) all.item(i);
			if (element.hasAttributeNS(null, "ID")) {
				String id = element.getAttributeNS(null, "ID");
				if (!seen.add(id)) {
					throw new SamlRefusal(SamlRefusal.Reason.WRAPPED, "duplicate ID");
				}
				element.setIdAttributeNS(null, "ID", true);
			}
		}
	}

	private enum Quiet implements ErrorHandler {
		INSTANCE;

		@Override
		public void warning(SAXParseException exception) {
		}

		@Override
		public void error(SAXParseException exception) throws SAXException {
			throw exception;
		}

		@Override
		public void fatalError(SAXParseException exception) throws SAXException {
			throw exception;
		}
	}
}
