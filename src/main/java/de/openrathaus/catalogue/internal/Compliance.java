// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.time.LocalDate;
import java.util.List;

import de.openrathaus.payment.PaymentReadiness;
import de.openrathaus.procedure.OnlineServices;
import de.openrathaus.records.EFileOverview;

import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The duties of the EGovG NRW with their dates and what in this deployment fulfils them, measured
 * from the running platform (its configuration, its online procedure types and the catalogue),
 * never typed in. A duty nothing fulfils is shown as open, with the reason.
 */
@Component
class Compliance {

	enum State {
		FULFILLED, PARTLY, OPEN
	}

	/** One duty: the law, since when, its state and how that was measured. */
	record Duty(String paragraph, String duty, LocalDate since, State state, String evidence) {
	}

	private final Environment environment;
	private final OnlineServices services;
	private final ProcessStore processes;
	private final EFileOverview efile;
	private final PaymentReadiness payments;
	private final MessageSource messages;

	Compliance(Environment environment, OnlineServices services, ProcessStore processes, EFileOverview efile,
			PaymentReadiness payments, MessageSource messages) {
		this.environment = environment;
		this.services = services;
		this.processes = processes;
		this.efile = efile;
		this.payments = payments;
		this.messages = messages;
	}

	List<Duty> duties() {
		List<OnlineServices.OnlineService> online = services.currentServices();
		List<ProcessRecord> catalogue = processes.all();
		return List.of(encryption(), deMail(), eid(online), channel(), payment(online), procedures(online, catalogue), efile(online));
	}

	private Duty encryption() {
		boolean tls = environment.getProperty("server.ssl.enabled", Boolean.class, false);
		boolean secureCookie = environment.getProperty("server.servlet.session.cookie.secure", Boolean.class, false);
		if (tls) {
			return duty("§ 3 Abs. 1", "Elektronischer Zugang mit Verschlüsselung", "2018-01-01", State.FULFILLED,
					"OpenRathaus nimmt Verbindungen nur über TLS an (server.ssl.enabled=true).");
		}
		return duty("§ 3 Abs. 1", "Elektronischer Zugang mit Verschlüsselung", "2018-01-01", secureCookie ? State.PARTLY : State.OPEN,
				secureCookie ? "TLS wird vor OpenRathaus beendet (Reverse Proxy); Sitzungs-Cookies nur über HTTPS. Die Verschlüsselung des Proxys ist von hier nicht messbar."
						: "OpenRathaus selbst spricht unverschlüsselt (server.ssl.enabled=false) und Sitzungs-Cookies sind nicht auf HTTPS beschränkt. Im Betrieb TLS am Proxy beenden und server.servlet.session.cookie.secure=true setzen.");
	}

	private Duty deMail() {
		return duty("§ 3 Abs. 2", "Zugang über De-Mail (absenderbestätigt)", "2018-01-01", State.OPEN,
				"Kein De-Mail-Gateway angebunden: OpenRathaus empfängt und sendet noch keine De-Mail.");
	}

	private Duty eid(List<OnlineServices.OnlineService> online) {
		long high = online.stream().filter(s -> !"LOW".equals(s.trustLevel())).count();
		return duty("§ 3 Abs. 3", "Identifizierung mit dem elektronischen Identitätsnachweis (eID)", "2018-01-01", State.OPEN,
				"Servicekonten erreichen nur das Vertrauensniveau Basis (E-Mail und Passwort); keine eID-Anbindung. "
						+ high + " Online-Verfahren verlangen ein höheres Niveau und zeigen deshalb die Hinweisseite.");
	}

	private Duty channel() {
		boolean smtp = "smtp".equalsIgnoreCase(environment.getProperty("openrathaus.mail.mode", "pickup"));
		return duty("§ 4 Abs. 1", "Antwort auf dem gewählten Kommunikationsweg", "2018-01-01", State.PARTLY,
				"Bescheide und Rückfragen gehen in das Postfach des Servicekontos. "
						+ (smtp ? "Hinweise darauf gehen per E-Mail über den konfigurierten Mailserver hinaus."
								: "Hinweis-E-Mails verlassen den Server nicht: sie werden nur als Dateien abgelegt (openrathaus.mail.mode=pickup).")
						+ " Eine Wahl des Kanals (z. B. verschlüsselte E-Mail, Papier) je Vorgang gibt es noch nicht.");
	}

	/** Met only when measured: a provider is configured and a payment has gone through, not merely a fee shown. */
	private Duty payment(List<OnlineServices.OnlineService> online) {
		long withFee = online.stream().filter(s -> s.feeCents() > 0).count();
		String duty = text("compliance.payment.duty");
		if (withFee == 0) {
			return duty("§ 7", duty, "2019-01-01", State.FULFILLED, text("compliance.payment.noFee"));
		}
		if (!payments.providerConfigured()) {
			return duty("§ 7", duty, "2019-01-01", State.OPEN, text("compliance.payment.noProvider", withFee, online.size()));
		}
		if (!payments.anySettled()) {
			return duty("§ 7", duty, "2019-01-01", State.PARTLY, text("compliance.payment.noneSettled", withFee, online.size()));
		}
		return duty("§ 7", duty, "2019-01-01", State.FULFILLED, text("compliance.payment.fulfilled", withFee, online.size()));
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, java.util.Locale.GERMAN);
	}

	private Duty procedures(List<OnlineServices.OnlineService> online, List<ProcessRecord> catalogue) {
		List<ProcessRecord> demanded = catalogue.stream().filter(p -> p.flag(ProcessField.LAW_DEMANDS_DIGITAL)).toList();
		long offered = demanded.stream().filter(p -> !p.text(ProcessField.PROCEDURE_TYPE).isEmpty()).count();
		String evidence = online.size() + " Online-Verfahren mit Formular, Entwurf, Eingangsbestätigung und elektronischem Bescheid im Postfach. "
				+ "Im Prozesskatalog fordert bei " + demanded.size() + " Prozessen ein Gesetz ein digitales Angebot; " + offered
				+ " davon haben ein Online-Verfahren ("
				+ (demanded.isEmpty() ? "–" : Math.round(100.0 * offered / demanded.size()) + " %") + ").";
		State state = demanded.isEmpty() ? (online.isEmpty() ? State.OPEN : State.PARTLY)
				: offered == demanded.size() ? State.FULFILLED : offered > 0 ? State.PARTLY : State.OPEN;
		return duty("§ 5", "Elektronische Verwaltungsverfahren mit Formularen und rechtsverbindlichem Bescheid", "2021-01-01", state, evidence);
	}

	private Duty efile(List<OnlineServices.OnlineService> online) {
		EFileOverview.Figures figures = efile.figures();
		String duty = "Elektronische Aktenführung";
		if (figures.planEntries() == 0) {
			return duty("§ 9", duty, "2022-01-01", State.OPEN,
					"Die E-Akte hat keinen Aktenplan: Anträge können nicht abgelegt werden. Unter „E-Akte“ → „Aktenplan pflegen“ anlegen.");
		}
		List<String> unfiled = online.stream().map(OnlineServices.OnlineService::key)
			.filter(key -> !figures.procedureTypesFiled().contains(key)).toList();
		String evidence = "E-Akte mit Aktenplan (" + figures.planEntries() + " Einträge, " + figures.planEntriesWithRetention()
				+ " mit Aufbewahrungsfrist und Aussonderung), " + figures.files() + " Akten und " + figures.cases()
				+ " Vorgängen. Eingänge der Online-Verfahren werden als Vorgang mit Antragsdaten, Anlagen und Bescheid abgelegt. ";
		if (unfiled.isEmpty()) {
			return duty("§ 9", duty, "2022-01-01", State.FULFILLED, evidence + "Jedes Online-Verfahren hat seinen Aktenplaneintrag.");
		}
		return duty("§ 9", duty, "2022-01-01", State.PARTLY, evidence + unfiled.size() + " von " + online.size()
				+ " Online-Verfahren haben keinen Aktenplaneintrag; ihre Vorgänge landen unter „Nicht zugeordnete Vorgänge“ (" + String.join(", ", unfiled) + ").");
	}

	private static Duty duty(String paragraph, String duty, String since, State state, String evidence) {
		return new Duty(paragraph, duty, LocalDate.parse(since), state, evidence);
	}
}
