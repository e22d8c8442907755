// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.register;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.openrathaus.files.PdfRenderer;
import de.openrathaus.tenancy.MunicipalClock;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The register as a PDF/A document to sign and file, and as a spreadsheet (XLSX) to work with. */
@Component
class RegisterExports {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(MunicipalClock.ZONE);
	private static final List<String> COLUMNS = List.of("process", "department", "name", "purpose", "categories", "special", "subjects",
			"legalBases", "recipients", "retention", "measures", "itSystem", "online", "completed");

	private final PdfRenderer pdf;
	private final MessageSource messages;

	RegisterExports(PdfRenderer pdf, MessageSource messages) {
		this.pdf = pdf;
		this.messages = messages;
	}

	byte[] pdf(String municipality, List<RegisterEntry> entries, String asOf) {
		return pdf.render("privacy/pdf/register", Map.of("municipality", municipality, "entries", entries, "asOf", asOf), Locale.GERMAN);
	}

	byte[] xlsx(List<RegisterEntry> entries) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(text("privacy.register.sheet"));
			Row header = sheet.createRow(0);
			for (int i = 0; i < COLUMNS.size(); i++) {
				header.createCell(i).setCellValue(text("privacy.register.column." + COLUMNS.get(i)));
			}
			int row = 1;
			for (RegisterEntry entry : entries) {
				Row line = sheet.createRow(row++);
				List<String> values = List.of(entry.process().key(), entry.process().department(), entry.process().name(), entry.purpose(),
						entry.process().categories(), text(entry.process().specialCategories() ? "privacy.register.yes" : "privacy.register.no"),
						entry.dataSubjects(), entry.process().legalBases(), entry.recipients(), entry.retention(), entry.measures(),
						entry.process().itSystem(), entry.process().procedureTypeKey(),
						entry.completedAt() == null ? "" : DATE.format(entry.completedAt()) + " " + entry.completedBy());
				for (int i = 0; i < values.size(); i++) {
					line.createCell(i).setCellValue(values.get(i));
				}
			}
			sheet.createFreezePane(0, 1);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private String text(String code) {
		return messages.getMessage(code, null, Locale.GERMAN);
	}
}
