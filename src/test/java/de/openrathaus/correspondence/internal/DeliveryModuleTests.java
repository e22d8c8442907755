// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import de.openrathaus.account.AccountDirectory;
import de.openrathaus.account.AccountId;
import de.openrathaus.account.AccountKind;
import de.openrathaus.account.TrustLevel;
import de.openrathaus.correspondence.delivery.ChannelKind;
import de.openrathaus.correspondence.delivery.ChannelPreferences;
import de.openrathaus.correspondence.delivery.DeliveryChannel;
import de.openrathaus.correspondence.delivery.DeliveryUpdates;
import de.openrathaus.correspondence.delivery.Handover;
import de.openrathaus.correspondence.delivery.OutgoingMessage;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.CaseCorrespondence;
import de.openrathaus.procedure.DecisionDocuments;
import de.openrathaus.procedure.DecisionIssued;
import de.openrathaus.procedure.DecisionOutcome;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.Tenants;

import org.awaitility.Awaitility;
import static org.awaitility.Awaitility.await;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * One outbox for every channel: a decision reaches the portal mailbox with proof of delivery and
 * opening, goes out on the channel the citizen chose with the same message id on every attempt,
 * is retried while the channel is down and falls back to a letter the clerk sees when the
 * channel refuses or stays down. The channels here are test doubles standing for a peer that is
 * down, refuses or takes the message; the real channels have tests of their own.
 */
@ApplicationModuleTest(extraIncludes = {"tenancy", "operations", "files", "personaldata"})
@TestPropertySource(properties = {"openrathaus.delivery.send-interval=200ms", "openrathaus.delivery.first-pause=200ms",
		"openrathaus.delivery.max-attempts=3"})
class DeliveryModuleTests {

	private static final byte[] PDF = onePagePdf();

	private static byte[] onePagePdf() {
		try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
			document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** The e-file replies by mail are filed into; not part of this test. */
	@MockitoBean
	de.openrathaus.records.IncomingDocuments efile;

	@MockitoBean
	AccountDirectory accounts;

	@MockitoBean
	DecisionDocuments decisions;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ChannelPreferences preferences;

	@Autowired
	Mailbox mailbox;

	@Autowired
	DeliveryUpdates updates;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("caseDeliveries")
	CaseCorrespondence caseView;

	@Autowired
	TestChannels channels;

	TenantId tenant;
	AccountId citizen;
	ApplicationId application;
	String reference;

	@BeforeEach
	void citizen() {
		tenant = tenants.all().getFirst().id();
		citizen = new AccountId(UUID.randomUUID());
		application = new ApplicationId(UUID.randomUUID());
		reference = "HUND-2026-" + String.valueOf(Math.abs(application.value().getLeastSignificantBits())).substring(0, 6);
		when(accounts.find(citizen)).thenReturn(Optional.of(new AccountDirectory.AccountSummary(citizen, AccountKind.CITIZEN,
				"anna-" + citizen.value() + "@example.org", "Anna Beispiel", TrustLevel.SUBSTANTIAL)));
		when(decisions.decisionOf(application)).thenReturn(Optional.of(new DecisionDocuments.Document("bescheid.pdf", "application/pdf", PDF)));
	}

	record Delivery(UUID id, String channel, String status, int attempts, String reason, UUID fallbackOf, boolean handedOver,
			Instant deliveredAt, Instant openedAt) {
	}

	@Test
	void inTheMailboxTheDecisionIsDeliveredAtOnceAndItsFirstOpeningIsRecorded(Scenario scenario) {
		List<Delivery> delivered = issue(scenario, list -> !list.isEmpty());
		assertThat(delivered).singleElement().satisfies(d -> {
			assertThat(d.channel()).isEqualTo("PORTAL");
			assertThat(d.status()).isEqualTo("DELIVERED");
			assertThat(d.deliveredAt()).isNotNull();
		});
		assertThat(notices()).as("a mail without content says something arrived").singleElement().asString().doesNotContain("Bescheid über");

		UUID message = TenantContext.callAs(tenant, () -> mailbox.of(citizen).getFirst().id());
		TenantContext.callAs(tenant, () -> mailbox.open(citizen, message));
		TenantContext.callAs(tenant, () -> mailbox.open(citizen, message));

		assertThat(deliveries()).singleElement().satisfies(d -> {
			assertThat(d.status()).isEqualTo("OPENED");
			assertThat(d.openedAt()).isAfterOrEqualTo(d.deliveredAt());
		});
		assertThat(TenantContext.callAs(tenant, () -> caseView.of(application))).singleElement()
			.satisfies(m -> assertThat(m.status()).isEqualTo(CaseCorrespondence.Status.OPENED));
	}

	@Test
	void aChannelThatIsDownIsTriedAgainWithTheSameMessageIdUntilItTakesTheMessage(Scenario scenario) {
		TenantContext.runAs(tenant, () -> preferences.prefer(citizen, ChannelKind.DE_MAIL));

		List<Delivery> sent = issue(scenario, list -> list.stream().anyMatch(d -> d.channel().equals("DE_MAIL") && d.status().equals("SENT")));

		Delivery deMail = sent.stream().filter(d -> d.channel().equals("DE_MAIL")).findFirst().orElseThrow();
		assertThat(deMail.attempts()).isEqualTo(3);
		List<OutgoingMessage> attempts = channels.received(citizen);
		assertThat(attempts).hasSize(3).allSatisfy(m -> {
			assertThat(m.id()).as("one message id on every attempt (ADR 29)").isEqualTo(deMail.id());
			assertThat(m.document()).isNotNull();
			assertThat(m.document().content()).isEqualTo(PDF);
		});
		assertThat(sent).extracting(Delivery::channel).containsExactlyInAnyOrder("PORTAL", "DE_MAIL");
		assertThat(notices()).as("the chosen channel answers; no second notice by mail").isEmpty();
	}

	@Test
	void aChannelThatRefusesFallsBackToALetterTheClerkSees(Scenario scenario) {
		TenantContext.runAs(tenant, () -> preferences.prefer(citizen, ChannelKind.BUNDID));
		postalAddress();

		List<Delivery> all = issue(scenario, list -> list.stream().anyMatch(d -> d.channel().equals("LETTER") && d.handedOver()));

		Delivery refused = all.stream().filter(d -> d.channel().equals("BUNDID")).findFirst().orElseThrow();
		assertThat(refused.status()).isEqualTo("FAILED");
		assertThat(refused.reason()).isEqualTo("Postfach unbekannt");
		Delivery letter = all.stream().filter(d -> d.channel().equals("LETTER")).findFirst().orElseThrow();
		assertThat(letter.fallbackOf()).isEqualTo(refused.id());
		assertThat(letter.status()).as("waits for the print batch").isEqualTo("QUEUED");

		Delivery portal = all.stream().filter(d -> d.channel().equals("PORTAL")).findFirst().orElseThrow();
		TenantContext.runAs(tenant, () -> {
			updates.sent(letter.id(), Instant.now());
			updates.sent(portal.id(), Instant.now());
		});

		List<CaseCorrespondence.Message> view = TenantContext.callAs(tenant, () -> caseView.of(application));
		assertThat(view).extracting(CaseCorrespondence.Message::channel).containsExactlyInAnyOrder("Postfach", "BundID-Postfach", "Brief");
		assertThat(view).filteredOn(CaseCorrespondence.Message::fallback).singleElement()
			.satisfies(m -> assertThat(m.status()).as("the post room took the batch").isEqualTo(CaseCorrespondence.Status.SENT));
		assertThat(view).filteredOn(m -> m.channel().equals("Postfach")).singleElement()
			.satisfies(m -> assertThat(m.status()).as("a report never moves a status back").isEqualTo(CaseCorrespondence.Status.DELIVERED));
		assertThat(view).filteredOn(m -> m.status() == CaseCorrespondence.Status.FAILED).singleElement()
			.satisfies(m -> assertThat(m.reason()).isEqualTo("Postfach unbekannt"));
		ApplicationId other = new ApplicationId(UUID.randomUUID());
		assertThat(TenantContext.callAs(tenant, () -> caseView.withFailedMessage(List.of(application, other))))
			.as("the worklist marks the case").containsExactly(application);

		TenantContext.runAs(tenant, () -> updates.failed(letter.id(), "Empfänger verzogen"));
		assertThat(deliveries()).as("a letter that fails is not replaced by another letter").hasSize(3)
			.filteredOn(d -> d.id().equals(letter.id())).singleElement()
			.satisfies(d -> assertThat(d.reason()).isEqualTo("Empfänger verzogen"));
	}

	@Test
	void aChannelThatStaysDownFailsAfterTheLastAttemptAndFallsBackToALetter(Scenario scenario) {
		channels.downForGood.add(citizen);
		TenantContext.runAs(tenant, () -> preferences.prefer(citizen, ChannelKind.DE_MAIL));

		List<Delivery> all = issue(scenario, list -> list.stream().anyMatch(d -> d.channel().equals("LETTER")));

		Delivery email = all.stream().filter(d -> d.channel().equals("DE_MAIL")).findFirst().orElseThrow();
		assertThat(email.status()).isEqualTo("FAILED");
		assertThat(email.attempts()).isEqualTo(3);
		assertThat(email.reason()).contains("3 Versuchen");
		Delivery letter = all.stream().filter(d -> d.channel().equals("LETTER")).findFirst().orElseThrow();
		assertThat(letter.fallbackOf()).isEqualTo(email.id());
		await().atMost(Duration.ofSeconds(10)).until(() -> deliveries().stream().anyMatch(d -> d.id().equals(letter.id()) && d.status().equals("FAILED")));
		assertThat(deliveries()).filteredOn(d -> d.id().equals(letter.id())).singleElement()
			.satisfies(d -> assertThat(d.reason()).as("without an address no letter; the clerk sees both failures").isEqualTo("Keine Anschrift für Briefe hinterlegt"));
	}

	@Test
	void aChannelThatCannotReachTheCitizenGivesWayToTheMailbox(Scenario scenario) {
		channels.unreachable.add(citizen);
		TenantContext.runAs(tenant, () -> preferences.prefer(citizen, ChannelKind.DE_MAIL));

		List<Delivery> delivered = issue(scenario, list -> !list.isEmpty());

		assertThat(delivered).extracting(Delivery::channel).containsExactly("PORTAL");
		assertThat(notices()).hasSize(1);
	}

	@Test
	void aRepeatedEventDeliversNothingTwice(Scenario scenario) {
		DecisionIssued event = decision();
		scenario.publish(event).andWaitForStateChange(this::deliveries, list -> !list.isEmpty());
		scenario.publish(event).andWaitForStateChange(() -> TenantContext.callAs(tenant, () -> mailbox.of(citizen)), list -> !list.isEmpty())
			.andVerify(list -> assertThat(list).hasSize(1));
		Awaitility.await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5)).until(() -> deliveries().size() == 1);
		assertThat(notices()).hasSize(1);
	}

	private List<Delivery> issue(Scenario scenario, java.util.function.Predicate<List<Delivery>> until) {
		List<List<Delivery>> seen = new CopyOnWriteArrayList<>();
		scenario.publish(decision())
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForStateChange(this::deliveries, until)
			.andVerify((List<Delivery> list) -> seen.add(list));
		return seen.getFirst();
	}

	private void postalAddress() {
		TenantContext.runAs(tenant, () -> jdbc.sql("insert into correspondence.postal_address(account_id, name, street, postal_code, city) "
				+ "values (?, 'Anna Beispiel', 'Heidestraße 17', '54321', 'Musterstadt')").param(citizen.value()).update());
	}

	private DecisionIssued decision() {
		return new DecisionIssued(tenant, application, reference, citizen, DecisionOutcome.APPROVED, "Bescheid über Ihre Hundeanmeldung",
				Instant.parse("2026-12-05T09:00:00Z"), null);
	}

	private List<Delivery> deliveries() {
		return TenantContext.callAs(tenant, () -> jdbc.sql("""
				select id, channel, status, attempts, reason, fallback_of, handed_over, delivered_at, opened_at
				  from correspondence.delivery where application_id = ? order by created_at""")
			.param(application.value()).query(Delivery.class).list());
	}

	private List<String> notices() {
		return TenantContext.callAs(tenant, () -> jdbc.sql("select body from correspondence.outgoing_mail where recipient = ?")
			.param("anna-" + citizen.value() + "@example.org").query(String.class).list());
	}

	/** Stand-ins for peers: De-Mail down twice then up (or for good), a BundID mailbox that does not know the citizen. E-mail and letters are real. */
	@TestConfiguration
	static class TestChannels {

		final Map<AccountId, List<OutgoingMessage>> received = new ConcurrentHashMap<>();
		final List<AccountId> unreachable = new CopyOnWriteArrayList<>();
		final List<AccountId> downForGood = new CopyOnWriteArrayList<>();

		List<OutgoingMessage> received(AccountId account) {
			return received.getOrDefault(account, List.of());
		}

		private DeliveryChannel channel(ChannelKind kind, java.util.function.Function<OutgoingMessage, Handover> behaviour) {
			return new DeliveryChannel() {
				@Override
				public ChannelKind kind() {
					return kind;
				}

				@Override
				public boolean reaches(AccountId account) {
					return !unreachable.contains(account);
				}

				@Override
				public Handover deliver(OutgoingMessage message) {
					received.computeIfAbsent(message.recipient(), a -> new CopyOnWriteArrayList<>()).add(message);
					return behaviour.apply(message);
				}
			};
		}

		@Bean
		DeliveryChannel deMailDownTwice() {
			Map<UUID, AtomicInteger> tries = new ConcurrentHashMap<>();
			return channel(ChannelKind.DE_MAIL, m -> {
				if (downForGood.contains(m.recipient())) {
					throw new IllegalStateException("gateway down");
				}
				if (tries.computeIfAbsent(m.id(), id -> new AtomicInteger()).incrementAndGet() < 3) {
					throw new IllegalStateException(new java.net.ConnectException("gateway down"));
				}
				return new Handover.Sent("gw-" + m.id());
			});
		}

		@Bean
		DeliveryChannel bundIdUnknownMailbox() {
			return channel(ChannelKind.BUNDID, m -> new Handover.Refused("Postfach unbekannt"));
		}

	}
}
