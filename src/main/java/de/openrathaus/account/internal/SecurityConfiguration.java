// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
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
 * Who may reach which part of the platform. URL spaces: public pages, {@code /portal/**} for
 * citizens, {@code /backoffice/**} for staff, {@code /admin/**} for administrators; finer rules
 * (own application, own department) are checked in the modules' services on every request.
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
			AccountUserDetailsService accounts, SignInThrottle throttle) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/api/*/*/openapi.yaml").permitAll()
				.anyRequest().hasRole("STAFF"))
			.httpBasic(basic -> basic.realmName("OpenRathaus"))
			.sessionManagement(session -> session.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
			.addFilterAfter(tenantMismatch, SecurityContextHolderFilter.class)
			.addFilterBefore(new ApiTokenFilter(tokens, accounts),
					org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
			.addFilterBefore(new SignInThrottleFilter(throttle),
					org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	@org.springframework.core.annotation.Order(2)
	SecurityFilterChain web(HttpSecurity http, TenantMismatchFilter tenantMismatch, SignInThrottle throttle) throws Exception {
		// one answer for every failure; only the right password for an unconfirmed address learns more
		ExceptionMappingAuthenticationFailureHandler failure = new ExceptionMappingAuthenticationFailureHandler();
		failure.setDefaultFailureUrl("/anmelden?fehler");
		failure.setExceptionMappings(Map.of(AfterPasswordChecks.AddressNotConfirmed.class.getName(), "/anmelden?unbestaetigt"));
		http
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/", "/leistungen", "/leistungen/**", "/registrieren", "/registrieren/**",
						"/anmelden", "/konto/bestaetigen", "/konto/bestaetigen/**", "/passwort-vergessen", "/passwort-vergessen/**",
						"/passwort-neu", "/css/**", "/images/**",
						"/favicon.ico", "/error", "/demo/**", "/barrierefreiheit", "/impressum", "/datenschutz")
					.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				.requestMatchers("/portal/**").hasRole("CITIZEN")
				.requestMatchers("/backoffice/**").hasRole("STAFF")
				.requestMatchers("/admin/**", "/actuator/**").hasRole("ADMIN")
				.anyRequest().authenticated())
			.formLogin(form -> form
				.loginPage("/anmelden")
				.loginProcessingUrl("/anmelden")
				.usernameParameter("email")
				.passwordParameter("password")
				.successHandler(new RoleAwareSuccessHandler())
				.failureHandler(failure)
				.permitAll())
			.logout(logout -> logout
				.logoutUrl("/abmelden")
				.logoutSuccessUrl("/?abgemeldet")
				.deleteCookies("ORSESSION"))
			// the forms' CSRF token lives in a cookie, not in a session: an anonymous page view creates no session
			// (a session each cost memory, and a flood of them doubled the heap); the token is still checked on every POST
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")))
			.addFilterAfter(tenantMismatch, SecurityContextHolderFilter.class)
			.addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
		return http.build();
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
