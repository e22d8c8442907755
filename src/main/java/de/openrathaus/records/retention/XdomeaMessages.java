// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.retention;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import de.openrathaus.records.filing.CaseId;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the archive's xdomea answers: the assessment (0502, Bewertungsverzeichnis: which offered
 * objects the archive takes, "A", and which may be destroyed, "V") and the acknowledgement (0504).
 * Parsed without DTDs or external entities.
 */
final class XdomeaMessages {

	/** An archive answer: its process id and, for 0502, the assessment per object id. */
	record Answer(String type, UUID process, Map<CaseId, String> assessments) {
	}

	private XdomeaMessages() {
	}

	static Answer read(byte[] xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setExpandEntityReferences(false);
			Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
			Element root = document.getDocumentElement();
			if (!XdomeaOfferList.NS.equals(root.getNamespaceURI())) {
				throw new IllegalArgumentException("not an xdomea 3.0.0 message");
			}
			String type = root.getLocalName();
			UUID process = UUID.fromString(first(root, "ProzessID").getTextContent().strip());
			Map<CaseId, String> assessments = new LinkedHashMap<>();
			NodeList objects = root.getElementsByTagNameNS(XdomeaOfferList.NS, "BewertetesObjekt");
			for (int i = 0; i < objects.getLength(); i++) {
				Element object = (Element) objects.item(i);
				CaseId id = CaseId.of(first(object, "ID").getTextContent().strip());
				Element art = (Element) object.getElementsByTagNameNS(XdomeaOfferList.NS, "Aussonderungsart").item(1);
				String code = art == null ? "" : art.getElementsByTagName("code").item(0).getTextContent().strip();
				assessments.put(id, code);
			}
			return new Answer(type, process, assessments);
		}
		catch (IllegalArgumentException e) {
			throw e;
		}
		catch (Exception e) {
			throw new IllegalArgumentException("not a readable xdomea message", e);
		}
	}

	private static Element first(Element parent, String name) {
		Element element = (Element) parent.getElementsByTagNameNS(XdomeaOfferList.NS, name).item(0);
		if (element == null) {
			throw new IllegalArgumentException("missing " + name);
		}
		return element;
	}
}
