// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

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

	/** The duties, their titles and evidence in the reader's language. */
	List<Duty> duties(Locale locale) {
		List<OnlineServices.OnlineService> online = services.currentServices();
		List<ProcessRecord> catalogue = processes.all();
		Text text = new Text(messages, locale);
		return List.of(encryption(text), deMail(text), eid(text, online), channel(text), payment(text, online),
				procedures(text, online, catalogue), efile(text, online));
	}

	private Duty encryption(Text text) {
		boolean tls = environment.getProperty("server.ssl.enabled", Boolean.class, false);
		boolean secureCookie = environment.getProperty("server.servlet.session.cookie.secure", Boolean.class, false);
		State state = tls ? State.FULFILLED : secureCookie ? State.PARTLY : State.OPEN;
		return text.duty("§ 3 Abs. 1", "encryption", "2018-01-01", state,
				text.of(tls ? "compliance.evidence.encryption.tls" : secureCookie ? "compliance.evidence.encryption.proxy" : "compliance.evidence.encryption.none"));
	}

	private Duty deMail(Text text) {
		return text.duty("§ 3 Abs. 2", "deMail", "2018-01-01", State.OPEN, text.of("compliance.evidence.deMail"));
	}

	private Duty eid(Text text, List<OnlineServices.OnlineService> online) {
		long high = online.stream().filter(s -> !"LOW".equals(s.trustLevel())).count();
		return text.duty("§ 3 Abs. 3", "eid", "2018-01-01", State.OPEN, text.of("compliance.evidence.eid", high));
	}

	private Duty channel(Text text) {
		boolean smtp = "smtp".equalsIgnoreCase(environment.getProperty("openrathaus.mail.mode", "pickup"));
		return text.duty("§ 4 Abs. 1", "channel", "2018-01-01", State.PARTLY,
				text.of(smtp ? "compliance.evidence.channel.smtp" : "compliance.evidence.channel.pickup"));
	}

	/** Met only when measured: a provider is configured and a payment has gone through, not merely a fee shown. */
	private Duty payment(Text text, List<OnlineServices.OnlineService> online) {
		long withFee = online.stream().filter(s -> s.feeCents() > 0).count();
		if (withFee == 0) {
			return text.duty("§ 7", "payment", "2019-01-01", State.FULFILLED, text.of("compliance.evidence.payment.noFee"));
		}
		if (!payments.providerConfigured()) {
			return text.duty("§ 7", "payment", "2019-01-01", State.OPEN, text.of("compliance.evidence.payment.noProvider", withFee, online.size()));
		}
		if (!payments.anySettled()) {
			return text.duty("§ 7", "payment", "2019-01-01", State.PARTLY, text.of("compliance.evidence.payment.noneSettled", withFee, online.size()));
		}
		return text.duty("§ 7", "payment", "2019-01-01", State.FULFILLED, text.of("compliance.evidence.payment.fulfilled", withFee, online.size()));
	}

	private Duty procedures(Text text, List<OnlineServices.OnlineService> online, List<ProcessRecord> catalogue) {
		List<ProcessRecord> demanded = catalogue.stream().filter(p -> p.flag(ProcessField.LAW_DEMANDS_DIGITAL)).toList();
		long offered = demanded.stream().filter(p -> !p.text(ProcessField.PROCEDURE_TYPE).isEmpty()).count();
		String share = demanded.isEmpty() ? text.of("compliance.evidence.share.none")
				: text.of("compliance.evidence.share", Math.round(100.0 * offered / demanded.size()));
		String evidence = text.of("compliance.evidence.procedures", online.size(), demanded.size(), offered, share);
		State state = demanded.isEmpty() ? (online.isEmpty() ? State.OPEN : State.PARTLY)
				: offered == demanded.size() ? State.FULFILLED : offered > 0 ? State.PARTLY : State.OPEN;
		return text.duty("§ 5", "procedures", "2021-01-01", state, evidence);
	}

	private Duty efile(Text text, List<OnlineServices.OnlineService> online) {
		EFileOverview.Figures figures = efile.figures();
		if (figures.planEntries() == 0) {
			return text.duty("§ 9", "efile", "2022-01-01", State.OPEN, text.of("compliance.evidence.efile.noPlan"));
		}
		List<String> unfiled = online.stream().map(OnlineServices.OnlineService::key)
			.filter(key -> !figures.procedureTypesFiled().contains(key)).toList();
		String evidence = text.of("compliance.evidence.efile", figures.planEntries(), figures.planEntriesWithRetention(), figures.files(),
				figures.cases());
		if (unfiled.isEmpty()) {
			return text.duty("§ 9", "efile", "2022-01-01", State.FULFILLED, evidence + " " + text.of("compliance.evidence.efile.allFiled"));
		}
		return text.duty("§ 9", "efile", "2022-01-01", State.PARTLY,
				evidence + " " + text.of("compliance.evidence.efile.unfiled", unfiled.size(), online.size(), String.join(", ", unfiled)));
	}

	/**
	 * The bundle in one language. The paragraph is the law's citation and stays as the law writes it;
	 * the duty's title ({@code compliance.duty.<name>}) and the evidence come from the bundle.
	 */
	private record Text(MessageSource messages, Locale locale) {

		String of(String key, Object... args) {
			return messages.getMessage(key, args, locale);
		}

		Duty duty(String paragraph, String name, String since, State state, String evidence) {
			return new Duty(paragraph, of("compliance.duty." + name), LocalDate.parse(since), state, evidence);
		}
	}
}
