// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.openrathaus.records.content.StoredContent;

import de.openrathaus.tenancy.MunicipalClock;

import de.openrathaus.records.audit.AuditAction;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.files.PdfRenderer;
import de.openrathaus.records.audit.AuditTrail;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode every municipality gets a few files in its e-file, so that search, retention and
 * the archive hand-over can be tried at once: council minutes of 1994 whose 30 years have passed
 * (offered to the archive), dog tax cases of 2013 whose 10 years have passed (to be destroyed) and
 * an open objection of this year. Everything is invented and says so; references start with
 * {@code DEMO-}. Created once: a municipality that has any demo file gets nothing more, so
 * destroying or handing over the demo cases is for good.
 */
@Component
@ConditionalOnBooleanProperty("openrathaus.demo.enabled")
class DemoRecords {

	private static final Logger log = LoggerFactory.getLogger(DemoRecords.class);
	private static final String AUTHOR = "Demodaten";
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.uuuu");

	/** A case of the demo: its file, reference, title, department, when it began and, if closed, when. */
	record DemoCase(String plan, String file, String fileTitle, String reference, String title, String department, LocalDate begun,
			LocalDate closed, List<DemoDocument> documents) {
	}

	record DemoDocument(String title, String filename, List<String> paragraphs) {
	}

	static final List<DemoCase> CASES = List.of(
			new DemoCase("10.10", "10.10/DEMO-1994", "Ratssitzungen 1994 (Demo)", "DEMO-RAT-1994-03",
					"Ratssitzung vom 14.03.1994: Neufassung der Hundesteuersatzung", "organisation", LocalDate.of(1994, 3, 1),
					LocalDate.of(1994, 4, 30), List.of(
							new DemoDocument("Niederschrift der Ratssitzung vom 14.03.1994", "niederschrift-1994-03-14.pdf", List.of(
									"Der Rat der Stadt Musterstadt trat um 17 Uhr im Ratssaal zusammen; 38 von 41 Mitgliedern waren anwesend.",
									"Zu Punkt 4 der Tagesordnung beriet der Rat die Neufassung der Hundesteuersatzung. Die Steuer für den "
											+ "ersten Hund steigt auf 120 DM im Jahr, für jeden weiteren Hund auf 150 DM. Für gefährliche Hunde "
											+ "wird ein besonderer Steuersatz eingeführt.",
									"Der Rat beschloss die Satzung mit 30 Ja-Stimmen bei 6 Gegenstimmen und 2 Enthaltungen.")),
							new DemoDocument("Beschluss: Hundesteuersatzung 1994", "beschluss-hundesteuersatzung-1994.pdf", List.of(
									"Der Rat der Stadt Musterstadt beschließt die Satzung über die Erhebung der Hundesteuer in der "
											+ "Fassung der Vorlage 1994/017. Die Satzung tritt am 01.07.1994 in Kraft.")))),
			new DemoCase("10.10", "10.10/DEMO-1994", "Ratssitzungen 1994 (Demo)", "DEMO-RAT-1994-09",
					"Ratssitzung vom 20.09.1994: Bewohnerparken in der Altstadt", "organisation", LocalDate.of(1994, 9, 1),
					LocalDate.of(1994, 10, 31), List.of(
							new DemoDocument("Niederschrift der Ratssitzung vom 20.09.1994", "niederschrift-1994-09-20.pdf", List.of(
									"Der Rat beriet den Antrag der Anwohnerinnen und Anwohner der Altstadt auf Bewohnerparkzonen.",
									"Die Verwaltung wird beauftragt, für die Kirchstraße, die Bachstraße und den Marktplatz "
											+ "Bewohnerparkausweise einzuführen und die Gebühr auf 30 DM im Jahr festzusetzen.")))),
			new DemoCase("32.40", "32.40/DEMO-2013", "Hundesteuer Abmeldungen 2013 (Demo)", "DEMO-HUND-2013-017",
					"Abmeldung des Hundes Bello (Demo)", "steuern", LocalDate.of(2013, 5, 6), LocalDate.of(2013, 6, 28), List.of(
							new DemoDocument("Abmeldung zur Hundesteuer", "abmeldung-bello.pdf", List.of(
									"Hiermit melde ich meinen Hund Bello (Mischling, Chipnummer 276098100000017) zum 31.05.2013 ab, "
											+ "da er verstorben ist. Max Mustermann, Lindenallee 7, Musterstadt.")),
							new DemoDocument("Bescheid über die Abmeldung", "bescheid-abmeldung-bello.pdf", List.of(
									"Die Hundesteuer für den Hund Bello wird ab dem 01.06.2013 nicht mehr erhoben. Zu viel gezahlte "
											+ "Steuer in Höhe von 70,00 Euro wird auf Ihr Konto erstattet.")))),
			new DemoCase("32.40", "32.40/DEMO-2013", "Hundesteuer Abmeldungen 2013 (Demo)", "DEMO-HUND-2013-042",
					"Abmeldung der Hündin Luna (Demo)", "steuern", LocalDate.of(2013, 10, 14), LocalDate.of(2013, 11, 15), List.of(
							new DemoDocument("Abmeldung zur Hundesteuer", "abmeldung-luna.pdf", List.of(
									"Wegen Umzugs nach Hamburg melde ich meine Hündin Luna (Labrador) zum 31.10.2013 ab. "
											+ "Erika Beispiel, Birkenweg 3, Musterstadt.")))),
			new DemoCase("32.40", "32.40/DEMO-2026", "Hundesteuer Widersprüche 2026 (Demo)", "DEMO-HUND-2026-003",
					"Widerspruch gegen den Hundesteuerbescheid (Demo)", "steuern", LocalDate.of(2026, 2, 9), null, List.of(
							new DemoDocument("Widerspruch", "widerspruch.pdf", List.of(
									"Gegen den Hundesteuerbescheid vom 02.02.2026 lege ich Widerspruch ein. Mein Hund Rex ist ein "
											+ "Assistenzhund; für Assistenzhunde sieht die Satzung eine Steuerbefreiung vor.",
									"Eine Bescheinigung der Ausbildungsstätte lege ich bei. Jonas Probe, Mühlenweg 12, Musterstadt.")),
							new DemoDocument("Aktenvermerk", "aktenvermerk.pdf", List.of(
									"Die Bescheinigung liegt vor. Die Befreiung nach § 4 der Hundesteuersatzung ist zu prüfen; "
											+ "Rückfrage beim Ordnungsamt zur Anerkennung als Assistenzhund am 16.02.2026.")))));

	private final RecordsStore store;
	private final PdfRenderer pdf;
	private final Tenants tenants;
	private final TransactionTemplate transactions;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final boolean enabled;

	DemoRecords(RecordsStore store, PdfRenderer pdf, Tenants tenants, TransactionTemplate transactions, JdbcClient jdbc, AuditTrail audit,
			@Value("${openrathaus.demo.e-file:true}") boolean enabled) {
		this.store = store;
		this.pdf = pdf;
		this.tenants = tenants;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.audit = audit;
		this.enabled = enabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(300)
	void create() {
		if (!enabled) {
			return;
		}
		for (Tenant tenant : tenants.all()) {
			TenantContext.runAs(tenant.id(), () -> createFor(tenant));
		}
	}

	/**
	 * Renders the demo documents and writes them to the content store first, then adds all files,
	 * cases and documents in one transaction (no storage call inside a transaction).
	 */
	private void createFor(Tenant tenant) {
		if (demoDataPresent()) {
			return;
		}
		Map<DemoCase, List<StoredContent>> contents = new java.util.LinkedHashMap<>();
		for (DemoCase demo : CASES) {
			contents.put(demo, demo.documents().stream().map(document -> store.storeContent(pdf.render("records/pdf/demo-document",
					Map.of("municipality", tenant.name(), "title", document.title(), "reference", demo.reference(), "date",
							DAY.format(demo.begun()), "paragraphs", document.paragraphs()), Locale.GERMAN))).toList());
		}
		transactions.executeWithoutResult(status -> {
			if (demoDataPresent()) {
				return; // another instance was quicker
			}
			int created = 0;
			for (Map.Entry<DemoCase, List<StoredContent>> entry : contents.entrySet()) {
				created += fileDemo(entry.getKey(), entry.getValue()) ? 1 : 0;
			}
			log.info("Demo data for '{}': {} demo cases in the e-file (references DEMO-…)", tenant.slug(), created);
		});
	}

	private boolean demoDataPresent() {
		return jdbc.sql("select count(*) from records.file where reference like '%/DEMO-%'").query(Integer.class).single() > 0;
	}

	private boolean fileDemo(DemoCase demo, List<StoredContent> contents) {
		PlanEntryId plan = store.planEntryId(demo.plan()).orElse(null);
		if (plan == null) {
			return false; // the records manager renumbered the plan before the demo data came
		}
		DepartmentCode department = new DepartmentCode(demo.department());
		FileId file = store.file(plan, demo.file(), demo.fileTitle(), department);
		CaseId recordCase = store.caseFor(file, demo.reference(), demo.title(), department, CaseSource.demo(demo.reference())).getKey();
		for (int i = 0; i < demo.documents().size(); i++) {
			DemoDocument document = demo.documents().get(i);
			store.addDocument(recordCase, document.title(), document.filename(), "application/pdf", contents.get(i), AUTHOR,
					Map.of("source", DocumentSource.DEMO.stored()));
		}
		if (demo.closed() != null) {
			store.close(recordCase);
		}
		store.backdate(recordCase, demo.begun().atStartOfDay(MunicipalClock.ZONE).toInstant(),
				demo.closed() == null ? null : demo.closed().atStartOfDay(MunicipalClock.ZONE).toInstant());
		audit.record(AUTHOR, AuditAction.CREATE, "case " + demo.reference(), "demo data");
		return true;
	}
}
