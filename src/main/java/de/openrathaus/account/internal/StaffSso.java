// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.openrathaus.account.WebAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Wires staff single sign-on into the page chain: the OpenID Connect login of Spring Security with
 * {@link StaffSsoProviders} (one registration per municipality, PKCE, state, nonce), every call to the
 * provider with the configured timeouts, the ID token checked with the provider's published keys, and
 * sign-out that ends the session at the provider too when it offers an {@code end_session_endpoint}.
 * Without a provider for the request's municipality none of this is reachable: the button is not shown
 * and {@code /anmelden/sso} goes back to the sign-in page.
 */
@Configuration(proxyBeanMethods = false)
class StaffSso {

	static final String START = "/anmelden/sso";

	private final StaffSsoProviders providers;
	private final StaffSsoSettings settings;
	private final StaffSsoAccounts accounts;
	private final java.time.Clock clock;

	StaffSso(StaffSsoProviders providers, StaffSsoSettings settings, StaffSsoAccounts accounts, java.time.Clock clock) {
		this.providers = providers;
		this.settings = settings;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** The paths of the sign-in round trip are open: whoever uses them is not signed in yet. */
	@Bean
	WebAccess staffSsoWebAccess() {
		return WebAccess.open(START, "/oauth2/authorization/**", "/login/oauth2/code/**");
	}

	/** Adds the OpenID Connect sign-in and the provider's sign-out to the page chain. */
	void configure(HttpSecurity http) throws Exception {
		RestTemplate provider = new RestTemplate(StaffSsoProviders.requestFactory(settings));
		provider.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
		DefaultOAuth2UserService userInfo = new DefaultOAuth2UserService();
		userInfo.setRestOperations(provider);
		OidcUserService oidcUsers = new OidcUserService();
		oidcUsers.setOauth2UserService(userInfo);

		RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
		tokens.setRestClient(RestClient.builder()
			.requestFactory(StaffSsoProviders.requestFactory(settings))
			.configureMessageConverters(converters -> converters.addCustomConverter(new FormHttpMessageConverter())
				.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build());

		OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(providers);
		logout.setPostLogoutRedirectUri("{baseUrl}/?abgemeldet");
		logout.setDefaultTargetUrl("/?abgemeldet");

		http.oauth2Login(login -> login
				.loginPage("/anmelden")
				.clientRegistrationRepository(providers)
				.authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
				.tokenEndpoint(token -> token.accessTokenResponseClient(tokens))
				.userInfoEndpoint(user -> user.oidcUserService(new StaffSsoSignIn(oidcUsers, providers, accounts, clock)))
				.successHandler(new RoleAwareSuccessHandler())
				.failureHandler(StaffSso::refused))
			.logout(out -> out.logoutSuccessHandler(logout));
	}

	/** Back to the sign-in page with the reason (one of {@link StaffSsoSignIn#REASONS}); the provider's own error text is never shown. */
	private static void refused(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.core.AuthenticationException exception) throws java.io.IOException {
		String reason = exception instanceof OAuth2AuthenticationException oauth
				&& StaffSsoSignIn.REASONS.contains(oauth.getError().getErrorCode()) ? oauth.getError().getErrorCode() : "failed";
		response.sendRedirect(request.getContextPath() + "/anmelden?sso=" + reason);
	}

	/**
	 * ID tokens are checked with the keys the provider publishes (fetched with the timeouts), for the
	 * signature algorithms providers use, and by the OpenID Connect rules (issuer, audience, expiry,
	 * nonce is checked by the login itself). One decoder per registration, so keys are cached.
	 */
	@Bean
	JwtDecoderFactory<ClientRegistration> staffIdTokenDecoders() {
		Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();
		return registration -> decoders.computeIfAbsent(
				registration.getProviderDetails().getIssuerUri() + " " + registration.getClientId() + " "
						+ registration.getProviderDetails().getJwkSetUri(),
				key -> {
					RestTemplate keys = new RestTemplate(StaffSsoProviders.requestFactory(settings));
					NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
						.jwsAlgorithms(algorithms -> algorithms.addAll(List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.RS384,
								SignatureAlgorithm.RS512, SignatureAlgorithm.PS256, SignatureAlgorithm.PS384, SignatureAlgorithm.PS512,
								SignatureAlgorithm.ES256, SignatureAlgorithm.ES384, SignatureAlgorithm.ES512)))
						.restOperations(keys)
						.build();
					decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
							new OidcIdTokenValidator(registration)));
					decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
					return decoder;
				});
	}

	/** The button's target: on to the provider if it can be reached, else back with an explanation. */
	@Controller
	static class StartController {

		private final StaffSsoProviders providers;

		StartController(StaffSsoProviders providers) {
			this.providers = providers;
		}

		@GetMapping(START)
		String start() {
			if (providers.findByRegistrationId(StaffSsoProviders.REGISTRATION_ID) == null) {
				return "redirect:/anmelden?sso=unavailable";
			}
			return "redirect:/oauth2/authorization/" + StaffSsoProviders.REGISTRATION_ID;
		}
	}
}
