// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;

/**
 * Pins the JAXP factory implementations the class path provides, once. Without a system property,
 * every {@code TransformerFactory.newInstance()}, {@code DocumentBuilderFactory.newInstance()} and {@code SAXParserFactory.newInstance()}
 * walks the service files of every jar on the class path; PDF/A rendering (the XMP metadata of each
 * document) calls them per document, and the profile of the decision benchmark showed that walk as a
 * tenth of all CPU time. The implementation chosen is the one that same lookup finds, so nothing
 * behaves differently; a property set by the operator is left alone.
 */
final class XmlFactories {

	private static final String TRANSFORMER = "javax.xml.transform.TransformerFactory";
	private static final String DOCUMENT_BUILDER = "javax.xml.parsers.DocumentBuilderFactory";
	private static final String SAX_PARSER = "javax.xml.parsers.SAXParserFactory";

	private XmlFactories() {
	}

	static synchronized void pin() {
		if (System.getProperty(TRANSFORMER) == null) {
			System.setProperty(TRANSFORMER, TransformerFactory.newInstance().getClass().getName());
		}
		if (System.getProperty(DOCUMENT_BUILDER) == null) {
			System.setProperty(DOCUMENT_BUILDER, DocumentBuilderFactory.newInstance().getClass().getName());
		}
		// the HTML-to-PDF renderer parses each decision's XHTML with a new SAX parser factory
		if (System.getProperty(SAX_PARSER) == null) {
			System.setProperty(SAX_PARSER, javax.xml.parsers.SAXParserFactory.newInstance().getClass().getName());
		}
	}
}
