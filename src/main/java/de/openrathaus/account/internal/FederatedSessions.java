// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.AccountKind;
import de.openrathaus.account.ActingFor;
import de.openrathaus.account.FederatedIdentity;
import de.openrathaus.account.FederatedSignIn;
import de.openrathaus.account.SignedInUser;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Service;

/**
 * Signs a browser in with a validated federated identity (docs/adr/0020-federated-accounts.md):
 * the account is the one the identity is linked to, or a new citizen account; a local account that
 * started the sign-in is linked only after the citizen says so and re-enters its password. Every
 * sign-in gets a new session whose level, attributes and organisation are those of this sign-in only.
 */
@Service
class FederatedSessions implements FederatedSignIn {

	/** Where the citizen is asked whether to link; also where {@link AccountLinkController} answers. */
	static final String LINK_PAGE = "/konto/verknuepfen";

	/** Where a citizen lands whose identity belongs to another account than the one that asked. */
	static final String OTHER_ACCOUNT_PAGE = "/portal?anderesKonto";

	private final FederatedAccounts accounts;
	private final AccountUserDetailsService users;
	private final MessageSource messages;
	private final Clock clock;
	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
	private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	FederatedSessions(FederatedAccounts accounts, AccountUserDetailsService users, MessageSource messages, Clock clock) {
		this.accounts = accounts;
		this.users = users;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public String signIn(FederatedIdentity identity, @Nullable AccountId requestedBy, String target, HttpServletRequest request,
			HttpServletResponse response) {
		Instant now = clock.instant();
		Optional<AccountId> linked = accounts.accountOf(identity.issuer(), identity.subject());
		if (linked.isPresent()) {
			boolean other = requestedBy != null && !requestedBy.equals(linked.get());
			return establish(linked.get(), identity, now, request, response) ? (other ? OTHER_ACCOUNT_PAGE : target) : failed();
		}
		Optional<AccountSummaryForLink> local = linkable(identity, requestedBy);
		if (local.isPresent()) {
			HttpSession session = fresh(request);
			session.setAttribute(PendingLink.SESSION_ATTRIBUTE,
					new PendingLink(identity, local.get().id(), local.get().name(), target, now, 0));
			return LINK_PAGE;
		}
		AccountId created = accounts.createCitizen(identity, displayName(identity), now);
		// a sign-in started by another account (a step-up) lands in the portal: the page it came from is not this account's
		return establish(created, identity, now, request, response) ? (requestedBy != null ? OTHER_ACCOUNT_PAGE : target) : failed();
	}

	/** The local account that started the sign-in, if it may be linked to this (unlinked) identity. */
	private Optional<AccountSummaryForLink> linkable(FederatedIdentity identity, @Nullable AccountId requestedBy) {
		if (requestedBy == null || identity.organisation() != null || accounts.passwordHash(requestedBy).isEmpty()
				|| accounts.hasIdentityOf(requestedBy, identity.issuer())) {
			return Optional.empty();
		}
		return users.loadById(requestedBy).filter(AccountUserDetails::isEnabled).filter(u -> u.user().kind() == AccountKind.CITIZEN)
			.map(u -> new AccountSummaryForLink(requestedBy, u.user().displayName()));
	}

	private record AccountSummaryForLink(AccountId id, String name) {
	}

	/** The citizen said yes and re-entered the local account's password: link, then sign in to the local account. */
	boolean link(PendingLink pending, HttpServletRequest request, HttpServletResponse response) {
		Instant now = clock.instant();
		if (!accounts.link(pending.identity(), pending.localAccount(), now)) {
			return false;
		}
		return establish(pending.localAccount(), pending.identity(), now, request, response);
	}

	/** The citizen declined the link: the identity gets its own account (or the one it was linked to meanwhile). */
	void signInWithoutLink(PendingLink pending, HttpServletRequest request, HttpServletResponse response) {
		Instant now = clock.instant();
		AccountId account = accounts.accountOf(pending.identity().issuer(), pending.identity().subject())
			.orElseGet(() -> accounts.createCitizen(pending.identity(), displayName(pending.identity()), now));
		establish(account, pending.identity(), now, request, response);
	}

	/**
	 * A new session (the previous one, if any, is discarded with everything in it) whose security
	 * context carries the asserted level, the attributes and the organisation of this sign-in.
	 */
	private boolean establish(AccountId account, FederatedIdentity identity, Instant now, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<AccountUserDetails> loaded = users.loadById(account).filter(AccountUserDetails::isEnabled);
		if (loaded.isEmpty()) {
			return false;
		}
		ActingFor actingFor = identity.organisation() == null ? null
				: accounts.membership(identity.issuer(), identity.organisation(), account, now);
		accounts.signedIn(identity, account, displayName(identity), now);
		SignedInUser stored = users.loadById(account).orElseThrow().user();
		SignedInUser user = new SignedInUser(stored.id(), stored.tenant(), stored.kind(), stored.email(), stored.displayName(),
				identity.trustLevel(), stored.roles(), identity.person(), actingFor);
		AccountUserDetails principal = new AccountUserDetails(user, null, true, true);
		fresh(request);
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		holder.setContext(context);
		contexts.saveContext(context, request, response);
		return true;
	}

	/** Discards the request's session, if any, and starts a new one (a new id, nothing carried over). */
	private static HttpSession fresh(HttpServletRequest request) {
		HttpSession old = request.getSession(false);
		if (old != null) {
			old.invalidate();
		}
		return request.getSession(true);
	}

	private static String failed() {
		return "/anmelden?fehler";
	}

	/** The name the provider sent, or a neutral one from the bundle when it sent none. */
	private String displayName(FederatedIdentity identity) {
		String name = Stream.of(identity.person().givenName(), identity.person().familyName())
			.filter(part -> part != null && !part.isBlank()).map(String::strip).collect(Collectors.joining(" "));
		if (!name.isEmpty()) {
			return de.openrathaus.files.InputText.nfc(name);
		}
		return messages.getMessage("account.federated.unnamed", null, Locale.GERMAN);
	}
}
