// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.sso;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.openrathaus.demoidp.keys.SigningKeys;
import de.openrathaus.demoidp.metadata.IdentityProviderMetadata;
import de.openrathaus.demoidp.persons.Organisation;
import de.openrathaus.demoidp.persons.Provider;
import de.openrathaus.demoidp.persons.TestPerson;
import de.openrathaus.demoidp.persons.TestPersons;
import de.openrathaus.demoidp.xml.SamlNames;
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The endpoints of the two demo identity providers under {@code /demo-idp/<name>/}: metadata,
 * single sign-on (the signed AuthnRequest by redirect, the page to choose a test person, the choice
 * posted with its CSRF token, the response posted to the service provider) and single logout. The
 * choice is checked against the request again on the server: a person below the requested level is
 * refused however the form was changed.
 */
@Controller
@ConditionalOnBooleanProperty("openrathaus.demo.enabled")
class IdentityProviderController {

	static final MediaType METADATA = MediaType.parseMediaType("application/samlmetadata+xml");

	private final AuthnRequests requests;
	private final Responses responses;
	private final LogoutResponses logouts;
	private final TestPersons persons;
	private final SigningKeys keys;
	private final DemoIdpSettings settings;
	private final java.time.Clock clock;
	private final java.util.Map<String, SignedMetadata> signedMetadata = new java.util.concurrent.ConcurrentHashMap<>();

	private record SignedMetadata(byte[] xml, java.time.Instant signedAt) {
	}

	IdentityProviderController(AuthnRequests requests, Responses responses, LogoutResponses logouts, TestPersons persons, SigningKeys keys,
			DemoIdpSettings settings, java.time.Clock clock) {
		this.clock = clock;
		this.requests = requests;
		this.responses = responses;
		this.logouts = logouts;
		this.persons = persons;
		this.keys = keys;
		this.settings = settings;
	}

	@GetMapping("/demo-idp/{name}/metadata")
	ResponseEntity<byte[]> metadata(@PathVariable String name) {
		Provider provider = provider(name);
		Endpoints endpoints = Endpoints.of(provider, settings);
		// signed once an hour per entity id, not per request: the path is public and an RSA signature is not free
		java.time.Instant now = clock.instant();
		SignedMetadata cached = signedMetadata.get(endpoints.entityId());
		if (cached == null || !cached.signedAt().plus(java.time.Duration.ofHours(1)).isAfter(now)) {
			cached = new SignedMetadata(IdentityProviderMetadata.write(endpoints.entityId(), endpoints.singleSignOn(), endpoints.singleLogout(),
					keys.of(provider.path()), now), now);
			signedMetadata.put(endpoints.entityId(), cached);
		}
		return ResponseEntity.ok().contentType(METADATA).body(cached.xml());
	}

	@GetMapping("/demo-idp/{name}/sso")
	Object signOn(@PathVariable String name, HttpServletRequest http, Model model, HttpServletResponse response) {
		Provider provider = provider(name);
		ReceivedAuthnRequest request = requests.read(provider, http.getQueryString());
		String format = Responses.nameIdFormat(provider, request.nameIdFormat());
		if (format == null) {
			return post(request, responses.failure(request, SamlNames.STATUS_INVALID_NAMEID_POLICY), model, response);
		}
		if (request.passive()) {
			// every sign-in here asks the person: a passive request can never be answered with an assertion
			return post(request, responses.failure(request, SamlNames.STATUS_NO_PASSIVE), model, response);
		}
		model.addAttribute("provider", provider.path());
		model.addAttribute("request", request);
		model.addAttribute("minimum", request.levels().minimum());
		model.addAttribute("choices", choices(request));
		model.addAttribute("organisation", persons.organisation(provider).orElse(null));
		return "demoidp/choose";
	}

	@PostMapping("/demo-idp/{name}/sso")
	String choose(@PathVariable String name, @RequestParam("anfrage") String query, @RequestParam(name = "person", required = false) @Nullable String key,
			@RequestParam(name = "abbrechen", required = false) @Nullable String cancel, Model model, HttpServletResponse response) {
		Provider provider = provider(name);
		ReceivedAuthnRequest request = requests.read(provider, query);
		String format = Responses.nameIdFormat(provider, request.nameIdFormat());
		if (format == null || request.passive()) {
			throw RedirectQuery.refused("demoidp.refused.malformed");
		}
		List<Choice> choices = choices(request);
		if (cancel != null || key == null) {
			boolean anyone = choices.stream().anyMatch(choice -> choice.refusal() == null);
			return post(request, responses.failure(request, anyone ? SamlNames.STATUS_AUTHN_FAILED : SamlNames.STATUS_NO_AUTHN_CONTEXT), model,
					response);
		}
		Choice choice = choices.stream().filter(c -> c.person().key().equals(key)).findFirst()
			.orElseThrow(() -> RedirectQuery.refused("demoidp.refused.unknownPerson"));
		if (choice.refusal() != null) {
			// the page showed this person disabled; a changed form does not get past that
			throw Refusal.of(choice.refusal(), choice.person().displayName()).withStatus(HttpStatus.FORBIDDEN);
		}
		return post(request, responses.success(request, choice.person(), choice.released(), format), model, response);
	}

	@GetMapping("/demo-idp/{name}/slo")
	String logout(@PathVariable String name, HttpServletRequest http) {
		return "redirect:" + logouts.answer(provider(name), http.getQueryString());
	}

	/** Submits the response form at once; the page works without it (a visible button). */
	@GetMapping("/demo-idp/weiter.js")
	ResponseEntity<byte[]> script() throws IOException {
		try (InputStream in = new ClassPathResource("demoidp/weiter.js").getInputStream()) {
			return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/javascript")).cacheControl(CacheControl.noCache())
				.body(in.readAllBytes());
		}
	}

	/** This provider's refusals get its own page (the service provider cannot be trusted with an answer), with the reason. */
	@ExceptionHandler(Refusal.class)
	ModelAndView refused(Refusal refusal) {
		ModelAndView page = new ModelAndView("demoidp/refused", refusal.status());
		page.addObject("reason", refusal.messageKey());
		page.addObject("argument", refusal.arguments().isEmpty() ? "" : String.valueOf(refusal.arguments().getFirst()));
		return page;
	}

	/** One test person as the page offers it, with what it would release and why it cannot be chosen (null if it can). */
	record Choice(TestPerson person, Attributes released, @Nullable String refusal) {
	}

	private List<Choice> choices(ReceivedAuthnRequest request) {
		Organisation organisation = persons.organisation(request.provider()).orElse(null);
		return persons.of(request.provider()).stream().map(person -> {
			Attributes all = Attributes.of(person, organisation);
			return new Choice(person, all.requestedBy(request.requestedAttributes()), request.refusalFor(person, all));
		}).toList();
	}

	/** The page that posts the response to the assertion consumer service (HTTP-POST binding). */
	private String post(ReceivedAuthnRequest request, String samlResponse, Model model, HttpServletResponse response) {
		model.addAttribute("action", request.assertionConsumer());
		model.addAttribute("samlResponse", samlResponse);
		model.addAttribute("relayState", request.relayState());
		// the form goes to the service provider, which may live on another origin than this page
		URI acs = URI.create(request.assertionConsumer());
		String origin = acs.getScheme() + "://" + acs.getRawAuthority();
		response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
				+ "object-src 'none'; base-uri 'self'; form-action 'self' " + origin + "; frame-ancestors 'none'");
		response.setHeader("Cache-Control", "no-store");
		return "demoidp/post";
	}

	private static Provider provider(String name) {
		return Provider.ofPath(name).orElseThrow(() -> Refusal.of("demoidp.refused.unknownProvider").withStatus(HttpStatus.NOT_FOUND));
	}
}
