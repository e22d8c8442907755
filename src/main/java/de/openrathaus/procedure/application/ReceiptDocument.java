// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import de.openrathaus.tenancy.MunicipalClock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.openrathaus.procedure.definition.ProcedureDefinition;
import de.openrathaus.files.PdfRenderer;
import de.openrathaus.tenancy.Tenants;

import org.springframework.stereotype.Component;

/** The receipt (Eingangsbestätigung) of a submitted application as PDF/A, with the answers and files as submitted. */
@Component
class ReceiptDocument {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'").withZone(MunicipalClock.ZONE);

	private final PdfRenderer renderer;
	private final Tenants tenants;

	ReceiptDocument(PdfRenderer renderer, Tenants tenants) {
		this.renderer = renderer;
		this.tenants = tenants;
	}

	byte[] render(Application application, ProcedureDefinition definition, List<StoredAttachment> attachments, Locale locale) {
		String municipality = tenants.current().name();
		return renderer.render("procedure/pdf/receipt", Map.of(
				"municipality", municipality,
				// not "title": the document frame's own parameter of that name would hide it
				"procedureTitle", definition.title().in(locale),
				"reference", application.reference(),
				"submittedAt", TIME.format(application.submittedAt()),
				"sections", AnswerFormatter.sections(definition, application.data(), attachments, locale),
				"attachments", attachments.stream().filter(a -> a.exchangeId() == null).toList()), locale);
	}
}
