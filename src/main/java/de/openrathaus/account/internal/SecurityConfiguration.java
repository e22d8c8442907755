// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import de.openrathaus.account.AccountKind;
import de.openrathaus.account.Authorities;
import de.openrathaus.account.StaffRole;
import de.openrathaus.account.WebAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * How requests are authenticated, and the rules every module declares for its own paths
 * ({@link WebAccess} beans: what is open, which path needs which named authority). This class
 * knows no other module's paths. Each handler carries its own {@code @PreAuthorize} with a named
 * {@link Authorities authority}; finer rules (own application, own department) are checked in the
 * modules' services on every request. {@code RouteAuthorisationIntegrationTests} walks every route.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
			+ "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * The APIs ({@code /api/**}) for other systems: an API key of a staff account (Bearer), or HTTP
	 * Basic with the account's password for occasional use (every Basic call pays the Argon2 check);
	 * no session, so no cookie and no CSRF token; their OpenAPI descriptions are public.
	 */
	@Bean
	@org.springframework.core.annotation.Order(1)
	SecurityFilterChain api(HttpSecurity http, TenantMismatchFilter tenantMismatch, ApiTokens tokens,
			AccountUserDetailsService accounts, SignInThrottle throttle, List<WebAccess> access, SecondFactors secondFactors) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> declared(requests, access))
			.httpBasic(basic -> basic.realmName("OpenRathaus"))
			.sessionManagement(session -> session.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
			.addFilterAfter(tenantMismatch, SecurityContextHolderFilter.class)
			.addFilterBefore(new ApiTokenFilter(tokens, accounts),
					org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
			.addFilterBefore(new SignInThrottleFilter(throttle),
					org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
			// staff sign-in: a password alone does not reach the APIs where a second factor applies
			.addFilterAfter(new SecondFactorBasicFilter(secondFactors),
					org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	@org.springframework.core.annotation.Order(2)
	SecurityFilterChain web(HttpSecurity http, TenantMismatchFilter tenantMismatch, SignInThrottle throttle, List<WebAccess> access,
			StaffSso staffSso, SecondFactorGate secondFactor) throws Exception {
		// one answer for every failure; only the right password for an unconfirmed address learns more
		ExceptionMappingAuthenticationFailureHandler failure = new ExceptionMappingAuthenticationFailureHandler();
		failure.setDefaultFailureUrl("/anmelden?fehler");
		failure.setExceptionMappings(Map.of(AfterPasswordChecks.AddressNotConfirmed.class.getName(), "/anmelden?unbestaetigt"));
		http
			.authorizeHttpRequests(requests -> declared(requests, access))
			.formLogin(form -> form
				.loginPage("/anmelden")
				.loginProcessingUrl("/anmelden")
				.usernameParameter("email")
				.passwordParameter("password")
				.successHandler(secondFactor) // on to the user's work, or first to the second factor (staff)
				.failureHandler(failure)
				.permitAll())
			.logout(logout -> logout
				.logoutUrl("/abmelden")
				.logoutSuccessUrl("/?abgemeldet")
				.deleteCookies("ORSESSION"))
			// the forms' CSRF token lives in a cookie, not in a session: an anonymous page view creates no session
			// (a session each cost memory, and a flood of them doubled the heap); the token is still checked on every POST
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()).ignoringRequestMatchers(csrfExempt(access)))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")))
			.addFilterAfter(tenantMismatch, SecurityContextHolderFilter.class)
			.addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
		// staff sign-in (docs/adr/0021-staff-sign-in.md): single sign-on through the municipality's OpenID Connect provider
		staffSso.configure(http);
		return http.build();
	}

	/** The modules' declared rules, open paths first (an open health check inside a restricted area), then everything else needs sign-in. */
	private static void declared(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests, List<WebAccess> access) {
		for (WebAccess rules : access) {
			if (!rules.open().isEmpty()) {
				requests.requestMatchers(rules.open().toArray(String[]::new)).permitAll();
			}
		}
		for (WebAccess rules : access) {
			rules.restricted().forEach((pattern, authority) -> requests.requestMatchers(pattern).hasAuthority(authority));
		}
		requests.anyRequest().authenticated();
	}

	/**
	 * The open paths modules declared for cross-site posts that carry their own proof (a signed SAML
	 * response posted by the identity provider, which cannot know our CSRF token and whose post carries
	 * no SameSite=Lax cookie anyway); none when no module declares one.
	 */
	private static String[] csrfExempt(List<WebAccess> access) {
		return access.stream().flatMap(rules -> rules.csrfExemptForCrossSitePosts().stream()).toArray(String[]::new);
	}

	/** This module's own paths: sign-in, registration, password reset are open; administration and the portal's start page are not. */
	@Bean
	WebAccess accountWebAccess() {
		return WebAccess.open("/anmelden", "/registrieren", "/registrieren/**", "/konto/bestaetigen", "/konto/bestaetigen/**",
				"/passwort-vergessen", "/passwort-vergessen/**", "/passwort-neu", "/error",
				// the question after a federated sign-in whether to link it: nobody is signed in while it is open
				"/konto/verknuepfen")
			.restrict(Authorities.ACCOUNTS_ADMINISTER, "/admin", "/admin/**")
			.restrict(Authorities.PORTAL, "/portal")
			.restrict(Authorities.BACKOFFICE, StaffSsoLinkController.PAGE);
	}

	/**
	 * An account holds {@code ROLE_<kind>} and {@code ROLE_<staff role>}; the named authorities the
	 * use cases ask for follow from them as {@link Authorities} says, for URL rules and
	 * {@code @PreAuthorize} alike.
	 */
	@Bean
	static RoleHierarchy namedAuthorities() {
		RoleHierarchyImpl.Builder hierarchy = RoleHierarchyImpl.withRolePrefix("");
		for (AccountKind kind : AccountKind.values()) {
			Set<String> named = Authorities.of(kind);
			if (!named.isEmpty()) {
				hierarchy.role("ROLE_" + kind.name()).implies(named.toArray(String[]::new));
			}
		}
		for (StaffRole role : StaffRole.values()) {
			Set<String> named = Authorities.of(role);
			if (!named.isEmpty()) {
				hierarchy.role("ROLE_" + role.name()).implies(named.toArray(String[]::new));
			}
		}
		return hierarchy.build();
	}

	/**
	 * Password sign-in for the form and HTTP Basic. Nothing about the account is checked before the
	 * password (an unknown address costs the same Argon2 check, see DaoAuthenticationProvider); whether
	 * the address is confirmed is told only to whoever knew the password.
	 */
	@Bean
	DaoAuthenticationProvider accountAuthentication(AccountUserDetailsService accounts, PasswordEncoder passwords) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
		provider.setPasswordEncoder(passwords);
		provider.setPreAuthenticationChecks(user -> {
		});
		provider.setPostAuthenticationChecks(new AfterPasswordChecks());
		return provider;
	}

	private static CookieCsrfTokenRepository csrfTokens() {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieName("ORCSRF");
		tokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Lax"));
		return tokens;
	}

	/** Argon2id for new hashes; older bcrypt hashes are still accepted and upgraded on sign-in. */
	@Bean
	PasswordEncoder passwordEncoder() {
		String current = "argon2";
		return new DelegatingPasswordEncoder(current, Map.of(current, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
				"bcrypt", new BCryptPasswordEncoder()));
	}
}
