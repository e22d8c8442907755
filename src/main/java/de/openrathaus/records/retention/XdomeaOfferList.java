// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.retention;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import de.openrathaus.records.filing.CaseId;

import org.jspecify.annotations.Nullable;

/**
 * The offer list for the archive (xdomea 3.0.0 message 0501, Aussonderung.Anbieteverzeichnis):
 * the cases whose retention has ended and whose file plan entry says "offer to the archive", with
 * their metadata and no primary documents, packed as the ZIP file xdomea prescribes
 * ({@code <process id>_Aussonderung.Anbieteverzeichnis.0501.zip}).
 */
public final class XdomeaOfferList {

	static final String NS = "urn:xoev-de:xdomea:schema:3.0.0";
	static final String MESSAGE = "Aussonderung.Anbieteverzeichnis.0501";

	/** A case offered to the archive. */
	record Offered(CaseId id, String reference, String title, LocalDate begin, @Nullable LocalDate end) {
	}

	/** Sender and recipient: authority keys (Behördenschlüssel) and names. */
	public record Parties(String senderKey, String senderName, String archiveKey, String archiveName) {
	}

	private XdomeaOfferList() {
	}

	static String filename(UUID process) {
		return process + "_" + MESSAGE;
	}

	private static final java.time.format.DateTimeFormatter DATE_TIME = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

	/**
	 * An xs:dateTime with seconds always written: {@code LocalDateTime.toString()} leaves them out
	 * on the full minute, which the schema refuses.
	 */
	static String timestamp(LocalDateTime time) {
		return DATE_TIME.format(time);
	}

	static byte[] xml(UUID process, Parties parties, List<Offered> cases, LocalDateTime created) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			xml.setPrefix("xdomea", NS);
			xml.writeStartElement("xdomea", MESSAGE, NS);
			xml.writeNamespace("xdomea", NS);
			xml.writeStartElement(NS, "Kopf");
			text(xml, "ProzessID", process.toString());
			code(xml, "Nachrichtentyp", "0501", null);
			text(xml, "Erstellungszeitpunkt", timestamp(created));
			party(xml, "Absender", parties.senderKey(), parties.senderName());
			party(xml, "Empfaenger", parties.archiveKey(), parties.archiveName());
			xml.writeStartElement(NS, "SendendesSystem");
			text(xml, "Produktname", "OpenRathaus");
			xml.writeEndElement();
			text(xml, "Empfangsbestaetigung", "1");
			xml.writeEndElement();
			for (Offered offered : cases) {
				xml.writeStartElement(NS, "Schriftgutobjekt");
				caseStart(xml, offered);
				xml.writeEndElement();
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
			return out.toByteArray();
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException("Could not write the offer list", e);
		}
	}

	/** Writes the start of a case (Vorgang) with its metadata and term; the caller adds documents and closes it. */
	static void caseStart(XMLStreamWriter xml, Offered offered) throws XMLStreamException {
		xml.writeStartElement(NS, "Vorgang");
		xml.writeStartElement(NS, "Identifikation");
		text(xml, "ID", offered.id().toString());
		xml.writeEndElement();
		xml.writeStartElement(NS, "AllgemeineMetadaten");
		text(xml, "Betreff", offered.title());
		text(xml, "Kennzeichen", offered.reference());
		xml.writeEndElement();
		xml.writeStartElement(NS, "ArchivspezifischeMetadaten");
		xml.writeStartElement(NS, "Aussonderungsart");
		xml.writeStartElement(NS, "Aussonderungsart");
		xml.writeAttribute("listURI", "urn:xoev-de:xdomea:codeliste:aussonderungsart");
		xml.writeAttribute("listVersionID", "1.0");
		xml.writeStartElement("code");
		xml.writeCharacters("A");
		xml.writeEndElement();
		xml.writeEndElement();
		xml.writeEndElement();
		xml.writeEndElement();
		xml.writeStartElement(NS, "Laufzeit");
		text(xml, "Beginn", offered.begin().toString());
		if (offered.end() != null) {
			text(xml, "Ende", offered.end().toString());
		}
		xml.writeEndElement();
	}

	static byte[] zip(UUID process, byte[] xml) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
			zip.putNextEntry(new ZipEntry(filename(process) + ".xml"));
			zip.write(xml);
			zip.closeEntry();
			zip.finish();
			return out.toByteArray();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	static void party(XMLStreamWriter xml, String element, String key, String name) throws XMLStreamException {
		xml.writeStartElement(NS, element);
		xml.writeStartElement(NS, "Behoerdenkennung");
		xml.writeStartElement(NS, "Behoerdenschluessel");
		xml.writeStartElement("code");
		xml.writeCharacters(key);
		xml.writeEndElement();
		xml.writeStartElement("name");
		xml.writeCharacters(name);
		xml.writeEndElement();
		xml.writeEndElement();
		xml.writeEndElement();
		xml.writeEndElement();
	}

	static void code(XMLStreamWriter xml, String element, String code, @Nullable String name) throws XMLStreamException {
		xml.writeStartElement(NS, element);
		xml.writeStartElement("code");
		xml.writeCharacters(code);
		xml.writeEndElement();
		if (name != null) {
			xml.writeStartElement("name");
			xml.writeCharacters(name);
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
		xml.writeStartElement(NS, element);
		xml.writeCharacters(value);
		xml.writeEndElement();
	}

}
