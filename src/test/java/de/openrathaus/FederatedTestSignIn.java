// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus;

import java.time.LocalDate;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.FederatedIdentity;
import de.openrathaus.account.FederatedSignIn;
import de.openrathaus.account.TrustLevel;
import de.openrathaus.tenancy.TenantContext;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Plays the SAML service provider's part after it validated a response: calls {@link FederatedSignIn}
 * on a request to the assertion consumer service, exactly as the identity module does, and hands back
 * where the browser goes next and the session it now has (for MockMvc).
 */
@Component
public class FederatedTestSignIn {

	public static final String BUNDID = "https://id.bund.de/idp";
	public static final String ORGANISATION_IDP = "https://unternehmenskonto.example/idp";

	private final ObjectProvider<FederatedSignIn> signIn;
	private final TestAccounts accounts;

	public FederatedTestSignIn(ObjectProvider<FederatedSignIn> signIn, TestAccounts accounts) {
		this.signIn = signIn;
		this.accounts = accounts;
	}

	/** Where the browser is sent, and its session afterwards (null if none). */
	public record Outcome(String next, @Nullable MockHttpSession session) {
	}

	public static String randomSubject() {
		return "bPK2-" + UUID.randomUUID();
	}

	public static FederatedIdentity.Person erika(@Nullable String email) {
		return new FederatedIdentity.Person("Erika", "Mustermann", LocalDate.of(1964, 8, 12), "Heidestraße 17", "51147", "Köln",
				"DE", email);
	}

	public static FederatedIdentity citizen(String subject, TrustLevel level, @Nullable String email) {
		return new FederatedIdentity(BUNDID, subject, level, erika(email), null);
	}

	public static FederatedIdentity member(String subject, String organisationId, String organisationName) {
		return new FederatedIdentity(ORGANISATION_IDP, subject, TrustLevel.SUBSTANTIAL,
				new FederatedIdentity.Person("Max", "Muster-" + subject.substring(subject.length() - 4), null, null, null, null, null, null),
				new FederatedIdentity.Organisation(organisationId, organisationName));
	}

	public Outcome signIn(FederatedIdentity identity, @Nullable AccountId requestedBy, String target, @Nullable MockHttpSession existing) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/saml/acs");
		request.setServerName("localhost");
		if (existing != null) {
			request.setSession(existing);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		try {
			String next = TenantContext.callAs(accounts.tenant(),
					() -> signIn.getObject().signIn(identity, requestedBy, target, request, response));
			return new Outcome(next, (MockHttpSession) request.getSession(false));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	public Outcome signIn(FederatedIdentity identity) {
		return signIn(identity, null, "/portal", null);
	}
}
