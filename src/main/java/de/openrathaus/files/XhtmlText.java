// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;

import java.io.IOException;
import java.io.StringReader;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The readable text of an XHTML document that we rendered ourselves: what a reader of its PDF sees,
 * without the head, styles or scripts, one line per block. The e-file indexes a decision by this text
 * instead of extracting it again from the PDF (see docs/benchmarks.md, issue 13).
 */
final class XhtmlText {

	private static final Set<String> SKIPPED = Set.of("head", "style", "script", "title");
	private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer", "main", "aside", "h1", "h2",
			"h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "thead", "tbody", "br", "address", "blockquote",
			"pre", "figure", "figcaption", "img", "hr");
	private static final SAXParserFactory FACTORY = factory();

	private XhtmlText() {
	}

	static String of(String xhtml) {
		Collector text = new Collector();
		try {
			FACTORY.newSAXParser().parse(new InputSource(new StringReader(xhtml)), text);
		}
		catch (ParserConfigurationException | SAXException | IOException e) {
			throw new IllegalArgumentException("not well-formed XHTML: " + e.getMessage(), e);
		}
		return text.result();
	}

	private static SAXParserFactory factory() {
		try {
			SAXParserFactory factory = SAXParserFactory.newInstance();
			factory.setNamespaceAware(true);
			// the templates declare <!DOCTYPE html> and nothing more: no DTD is read, no entity expanded
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			return factory;
		}
		catch (ParserConfigurationException | SAXException e) {
			throw new IllegalStateException("no usable SAX parser", e);
		}
	}

	private static final class Collector extends DefaultHandler {

		private final StringBuilder text = new StringBuilder();
		private int skipping;

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			String name = localName.isEmpty() ? qName : localName;
			if (SKIPPED.contains(name)) {
				skipping++;
			}
			else if (BLOCKS.contains(name)) {
				lineBreak();
			}
			else if ("td".equals(name) || "th".equals(name)) {
				space();
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			String name = localName.isEmpty() ? qName : localName;
			if (SKIPPED.contains(name)) {
				skipping--;
			}
			else if (BLOCKS.contains(name)) {
				lineBreak();
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (skipping > 0) {
				return;
			}
			for (int i = start; i < start + length; i++) {
				char c = ch[i];
				if (Character.isWhitespace(c) || c == '\u00a0') {
					space();
				}
				else {
					text.append(c);
				}
			}
		}

		private void space() {
			if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ' && text.charAt(text.length() - 1) != '\n') {
				text.append(' ');
			}
		}

		private void lineBreak() {
			if (!text.isEmpty() && text.charAt(text.length() - 1) == ' ') {
				text.setLength(text.length() - 1);
			}
			if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
				text.append('\n');
			}
		}

		String result() {
			return text.toString().strip();
		}
	}
}
