// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import de.openrathaus.catalogue.internal.Compliance.Duty;
import de.openrathaus.catalogue.internal.Compliance.State;
import de.openrathaus.payment.PaymentReadiness;
import de.openrathaus.procedure.OnlineServices;
import de.openrathaus.procedure.OnlineServices.OnlineService;
import de.openrathaus.records.EFileOverview;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.env.MockEnvironment;

/** Each row of the EGovG NRW view follows the state of the running platform it measures. */
class ComplianceTests {

	MockEnvironment environment = new MockEnvironment();
	List<OnlineService> online = new ArrayList<>(List.of(new OnlineService("hund-anmelden", "Hund anmelden", 0, "LOW")));
	EFileOverview.Figures efile = new EFileOverview.Figures(3, 2, Set.of("hund-anmelden"), 4, 9);
	ProcessStore processes = mock(ProcessStore.class);
	boolean providerConfigured;
	boolean anySettled;
	PaymentReadiness payments = new PaymentReadiness() {
		@Override
		public boolean providerConfigured() {
			return providerConfigured;
		}

		@Override
		public boolean anySettled() {
			return anySettled;
		}
	};
	ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	{
		messages.setBasename("i18n/catalogue");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
	}

	private Duty row(String paragraph) {
		when(processes.all()).thenReturn(List.of());
		OnlineServices services = () -> online;
		return new Compliance(environment, services, processes, () -> efile, payments, messages).duties(Locale.GERMAN).stream()
			.filter(d -> d.paragraph().equals(paragraph)).findFirst().orElseThrow();
	}

	@Test
	void encryptionFollowsTlsAndSecureCookies() {
		assertThat(row("§ 3 Abs. 1").state()).isEqualTo(State.OPEN);
		environment.setProperty("server.servlet.session.cookie.secure", "true");
		assertThat(row("§ 3 Abs. 1").state()).isEqualTo(State.PARTLY);
		environment.setProperty("server.ssl.enabled", "true");
		assertThat(row("§ 3 Abs. 1").state()).isEqualTo(State.FULFILLED);
	}

	@Test
	void deMailIsOpenBecauseNoGatewayExists() {
		assertThat(row("§ 3 Abs. 2").state()).isEqualTo(State.OPEN);
		assertThat(row("§ 3 Abs. 2").evidence()).contains("Kein De-Mail-Gateway");
	}

	@Test
	void eidCountsTheProceduresThatNeedAHigherTrustLevel() {
		online.add(new OnlineService("wohnsitz", "Wohnsitz", 0, "SUBSTANTIAL"));
		assertThat(row("§ 3 Abs. 3").state()).isEqualTo(State.OPEN);
		assertThat(row("§ 3 Abs. 3").evidence()).contains("1 Online-Verfahren verlangen ein höheres Niveau");
	}

	@Test
	void theChannelSaysWhetherMailsLeaveTheServer() {
		assertThat(row("§ 4 Abs. 1").evidence()).contains("verlassen den Server nicht");
		environment.setProperty("openrathaus.mail.mode", "smtp");
		assertThat(row("§ 4 Abs. 1").state()).isEqualTo(State.PARTLY);
		assertThat(row("§ 4 Abs. 1").evidence()).contains("über den konfigurierten Mailserver");
	}

	@Test
	void paymentIsMetOnlyWithAConfiguredProviderAndAPaymentThatWentThrough() {
		assertThat(row("§ 7").state()).isEqualTo(State.FULFILLED);
		online.add(new OnlineService("parken", "Bewohnerparken", 3000, "LOW"));
		assertThat(row("§ 7").state()).isEqualTo(State.OPEN);
		assertThat(row("§ 7").evidence()).contains("1 von 2 Online-Verfahren").contains("kein Zahlungsanbieter");
		providerConfigured = true;
		assertThat(row("§ 7").state()).as("configured, but nothing paid yet").isEqualTo(State.PARTLY);
		assertThat(row("§ 7").evidence()).contains("noch keine Zahlung");
		anySettled = true;
		assertThat(row("§ 7").state()).isEqualTo(State.FULFILLED);
		providerConfigured = false;
		assertThat(row("§ 7").state()).as("payments in the past, no provider now").isEqualTo(State.OPEN);
	}

	@Test
	void proceduresArePartlyThereWithOnlineServicesAndOpenWithout() {
		assertThat(row("§ 5").state()).isEqualTo(State.PARTLY);
		online.clear();
		assertThat(row("§ 5").state()).isEqualTo(State.OPEN);
	}

	@Test
	void theEFileIsFulfilledWhenEveryOnlineProcedureIsFiledUnderThePlan() {
		Duty row = row("§ 9");
		assertThat(row.state()).isEqualTo(State.FULFILLED);
		assertThat(row.evidence()).contains("3 Einträge").contains("4 Akten").contains("9 Vorgängen").doesNotContain("Noch keine E-Akte");
	}

	@Test
	void theEFileIsPartlyThereWhileAProcedureHasNoPlanEntry() {
		online.add(new OnlineService("parken", "Bewohnerparken", 0, "LOW"));
		assertThat(row("§ 9").state()).isEqualTo(State.PARTLY);
		assertThat(row("§ 9").evidence()).contains("1 von 2 Online-Verfahren haben keinen Aktenplaneintrag").contains("parken");
	}

	@Test
	void dutiesAndEvidenceComeInTheReadersLanguage() {
		OnlineServices services = () -> online;
		when(processes.all()).thenReturn(List.of());
		Duty efileInEnglish = new Compliance(environment, services, processes, () -> efile, payments, messages).duties(Locale.ENGLISH).stream()
			.filter(d -> d.paragraph().equals("§ 9")).findFirst().orElseThrow();
		assertThat(efileInEnglish.duty()).isEqualTo("Electronic records management");
		assertThat(efileInEnglish.evidence()).startsWith("E-file with file plan (3 entries, 2 with retention period and disposal), 4 files and 9 cases.");
		assertThat(row("§ 9").duty()).isEqualTo("Elektronische Aktenführung");
	}

	@Test
	void theEFileIsOpenWithoutFilePlan() {
		efile = new EFileOverview.Figures(0, 0, Set.of(), 0, 0);
		assertThat(row("§ 9").state()).isEqualTo(State.OPEN);
	}
}
