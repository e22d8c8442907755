// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.retention;

import static de.openrathaus.records.retention.XdomeaOfferList.NS;
import static de.openrathaus.records.retention.XdomeaOfferList.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import de.openrathaus.records.filing.DocumentId;
import de.openrathaus.records.filing.VersionId;

/**
 * The hand-over to the archive (xdomea 3.0.0 message 0503, Aussonderung.Aussonderung): the cases the
 * archive chose with every version of every document, the primary files beside the message in the
 * ZIP package, each named {@code <version id>_<file name>} as xdomea requires.
 */
final class XdomeaHandOver {

	static final String MESSAGE = "Aussonderung.Aussonderung.0503";

	/** A version to hand over with its content. */
	record Primary(VersionId version, int number, String filename, String mediaType, byte[] content) {

		String packedName() {
			return version + "_" + filename.replaceAll("[^\\p{L}\\p{N}._-]", "_");
		}
	}

	/** A document with its versions. */
	record Doc(DocumentId id, String title, List<Primary> versions) {
	}

	/** A case with its documents. */
	record Transferred(XdomeaOfferList.Offered metadata, List<Doc> documents) {
	}

	private XdomeaHandOver() {
	}

	static byte[] zip(UUID process, XdomeaOfferList.Parties parties, List<Transferred> cases, LocalDateTime created) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
			zip.putNextEntry(new ZipEntry(process + "_" + MESSAGE + ".xml"));
			zip.write(xml(process, parties, cases, created));
			zip.closeEntry();
			for (Transferred transferred : cases) {
				for (Doc document : transferred.documents()) {
					for (Primary primary : document.versions()) {
						zip.putNextEntry(new ZipEntry(primary.packedName()));
						zip.write(primary.content());
						zip.closeEntry();
					}
				}
			}
			zip.finish();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static byte[] xml(UUID process, XdomeaOfferList.Parties parties, List<Transferred> cases, LocalDateTime created) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			xml.setPrefix("xdomea", NS);
			xml.writeStartElement("xdomea", MESSAGE, NS);
			xml.writeNamespace("xdomea", NS);
			xml.writeStartElement(NS, "Kopf");
			text(xml, "ProzessID", process.toString());
			XdomeaOfferList.code(xml, "Nachrichtentyp", "0503", null);
			text(xml, "Erstellungszeitpunkt", XdomeaOfferList.timestamp(created));
			XdomeaOfferList.party(xml, "Absender", parties.senderKey(), parties.senderName());
			XdomeaOfferList.party(xml, "Empfaenger", parties.archiveKey(), parties.archiveName());
			xml.writeStartElement(NS, "SendendesSystem");
			text(xml, "Produktname", "OpenRathaus");
			xml.writeEndElement();
			text(xml, "Importbestaetigung", "1");
			text(xml, "RueckmeldungArchivkennung", "0");
			text(xml, "Empfangsbestaetigung", "1");
			xml.writeEndElement();
			for (Transferred transferred : cases) {
				xml.writeStartElement(NS, "Schriftgutobjekt");
				XdomeaOfferList.caseStart(xml, transferred.metadata());
				for (Doc document : transferred.documents()) {
					xml.writeStartElement(NS, "Dokument");
					xml.writeStartElement(NS, "Identifikation");
					text(xml, "ID", document.id().toString());
					xml.writeEndElement();
					xml.writeStartElement(NS, "AllgemeineMetadaten");
					text(xml, "Betreff", document.title());
					xml.writeEndElement();
					for (Primary primary : document.versions()) {
						xml.writeStartElement(NS, "Version");
						text(xml, "Nummer", String.valueOf(primary.number()));
						xml.writeStartElement(NS, "Format");
						xml.writeStartElement(NS, "Name");
						xml.writeAttribute("listURI", "urn:xoev-de:xdomea:codeliste:dateiformat");
						xml.writeAttribute("listVersionID", "1.0");
						xml.writeStartElement("code");
						xml.writeCharacters(FORMATS.getOrDefault(primary.mediaType(), "100"));
						xml.writeEndElement();
						xml.writeEndElement();
						text(xml, "Version", "1");
						xml.writeStartElement(NS, "Primaerdokument");
						text(xml, "Dateiname", primary.packedName());
						xml.writeEndElement();
						xml.writeEndElement();
						xml.writeEndElement();
					}
					xml.writeEndElement();
				}
				xml.writeEndElement();
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
			return out.toByteArray();
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException("Could not write the hand-over", e);
		}
	}

	/** Media types to the xdomea file format code list (1.0); anything else is "100 Sonstiges". */
	static final Map<String, String> FORMATS = Map.of("application/pdf", "018", "image/png", "019", "image/jpeg", "010",
			"image/tiff", "024", "text/plain", "045", "application/xml", "030", "message/rfc822", "006",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "035",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "036");
}
