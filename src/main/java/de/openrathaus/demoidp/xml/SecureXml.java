// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.xml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

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

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The one way the demo identity provider reads and writes XML. Parsing refuses any DTD (so no
 * entity, internal or external, can be declared), resolves nothing from outside, and is bounded in
 * size; inflating a redirect-binding message stops at a limit, so a small compressed bomb cannot
 * fill the memory.
 */
public final class SecureXml {

	/** Largest XML message accepted, compressed or not: AuthnRequests and LogoutRequests are a few kilobytes. */
	public static final int MAX_MESSAGE_BYTES = 128 * 1024;

	/** Largest metadata document accepted. */
	public static final int MAX_METADATA_BYTES = 1024 * 1024;

	private static final DocumentBuilderFactory FACTORY = hardenedFactory();

	private SecureXml() {
	}

	/** Thrown for anything that is not acceptable XML; the message names the reason, never the content. */
	public static final class Unacceptable extends Exception {

		public Unacceptable(String reason) {
			super(reason);
		}

		public Unacceptable(String reason, Throwable cause) {
			super(reason, cause);
		}
	}

	private static DocumentBuilderFactory hardenedFactory() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			factory.setIgnoringComments(false);
			return factory;
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
		}
	}

	/** A new empty document, for messages this provider writes. */
	public static Document newDocument() {
		try {
			return FACTORY.newDocumentBuilder().newDocument();
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Parses a message or metadata document; no DTD, no entities, at most {@code limit} bytes. */
	public static Document parse(byte[] xml, int limit) throws Unacceptable {
		if (xml.length > limit) {
			throw new Unacceptable("document larger than " + limit + " bytes");
		}
		try {
			DocumentBuilder builder = FACTORY.newDocumentBuilder();
			builder.setErrorHandler(null);
			builder.setEntityResolver((publicId, systemId) -> {
				throw new SAXException("external entities are not resolved");
			});
			return builder.parse(new ByteArrayInputStream(xml));
		}
		catch (SAXException e) {
			throw new Unacceptable("not well-formed or declares a DTD", e);
		}
		catch (IOException | ParserConfigurationException e) {
			throw new Unacceptable("unreadable", e);
		}
	}

	/** One transformer per thread: making a factory looks up services and costs more than writing a response. */
	private static final ThreadLocal<Transformer> TRANSFORMER = ThreadLocal.withInitial(() -> {
		try {
			TransformerFactory factory = TransformerFactory.newInstance();
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
			return factory.newTransformer();
		}
		catch (TransformerException e) {
			throw new IllegalStateException(e);
		}
	});

	/** The document as UTF-8 text, without reformatting (signatures stay valid). */
	public static byte[] serialize(Node node) {
		Transformer transformer = TRANSFORMER.get();
		try {
			transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
			transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, node instanceof Document ? "no" : "yes");
			StringWriter out = new StringWriter();
			transformer.transform(new DOMSource(node), new StreamResult(out));
			return out.toString().getBytes(StandardCharsets.UTF_8);
		}
		catch (TransformerException e) {
			throw new IllegalStateException("a document this provider built cannot be written", e);
		}
	}

	/** Base64, then raw DEFLATE inflation (the redirect binding), bounded. */
	public static byte[] inflateBase64(String encoded) throws Unacceptable {
		byte[] compressed;
		try {
			compressed = Base64.getMimeDecoder().decode(encoded);
		}
		catch (IllegalArgumentException e) {
			throw new Unacceptable("not Base64", e);
		}
		Inflater inflater = new Inflater(true);
		try {
			inflater.setInput(compressed);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			while (!inflater.finished()) {
				int n = inflater.inflate(buffer);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw new Unacceptable("truncated DEFLATE data");
				}
				out.write(buffer, 0, n);
				if (out.size() > MAX_MESSAGE_BYTES) {
					throw new Unacceptable("inflates to more than " + MAX_MESSAGE_BYTES + " bytes");
				}
			}
			return out.toByteArray();
		}
		catch (DataFormatException e) {
			throw new Unacceptable("not DEFLATE data", e);
		}
		finally {
			inflater.end();
		}
	}

	/** Raw DEFLATE, then Base64: what the redirect binding sends. */
	public static String deflateBase64(byte[] xml) {
		Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
		try {
			deflater.setInput(xml);
			deflater.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			while (!deflater.finished()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
			return Base64.getEncoder().encodeToString(out.toByteArray());
		}
		finally {
			deflater.end();
		}
	}

	/** Appends a new element (qualified name with its prefix) to {@code parent} and returns it. */
	public static Element add(Element parent, String namespace, String qualifiedName) {
		Element child = parent.getOwnerDocument().createElementNS(namespace, qualifiedName);
		parent.appendChild(child);
		return child;
	}

	/** The child elements of {@code parent} with this namespace and local name, in document order. */
	public static List<Element> children(Element parent, String namespace, String localName) {
		List<Element> found = new ArrayList<>();
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			if (nodes.item(i) instanceof Element element && namespace.equals(element.getNamespaceURI())
					&& localName.equals(element.getLocalName())) {
				found.add(element);
			}
		}
		return found;
	}

	/** The one child element with this name, or null if there is none; more than one is unacceptable. */
	public static @Nullable Element child(Element parent, String namespace, String localName) throws Unacceptable {
		List<Element> found = children(parent, namespace, localName);
		if (found.size() > 1) {
			throw new Unacceptable("more than one " + localName);
		}
		return found.isEmpty() ? null : found.getFirst();
	}

	/** An attribute's value, or null when it is absent (the DOM answers "" for both). */
	public static @Nullable String attribute(Element element, String name) {
		return element.hasAttributeNS(null, name) ? element.getAttributeNS(null, name) : null;
	}

	/** The element's text, trimmed. */
	public static String text(Element element) {
		return element.getTextContent().strip();
	}
}
