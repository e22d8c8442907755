// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.sso;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A message received by the HTTP-Redirect binding (SAML 2.0 bindings, 3.4.4): the parameters as
 * they stood in the URL, because the signature covers them exactly as the sender encoded them.
 *
 * @param name     {@code SAMLRequest} or {@code SAMLResponse}
 * @param message  the parameter's value, URL-encoded as received
 */
record RedirectQuery(String raw, String name, String message, @Nullable String relayState, @Nullable String sigAlg,
		@Nullable String signature) {

	/** Reads the query string; each of the binding's parameters at most once, the message present. */
	static RedirectQuery parse(@Nullable String query, String name) {
		if (query == null || query.length() > 64 * 1024) {
			throw refused("demoidp.refused.missing");
		}
		Map<String, String> values = new HashMap<>();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String key = equals < 0 ? pair : pair.substring(0, equals);
			String value = equals < 0 ? "" : pair.substring(equals + 1);
			if (key.equals(name) || key.equals("RelayState") || key.equals("SigAlg") || key.equals("Signature")) {
				if (values.put(key, value) != null) {
					throw refused("demoidp.refused.malformed");
				}
			}
		}
		String message = values.get(name);
		if (message == null || message.isEmpty()) {
			throw refused("demoidp.refused.missing");
		}
		return new RedirectQuery(query, name, message, values.get("RelayState"), values.get("SigAlg"), values.get("Signature"));
	}

	/** What the signature covers: message, RelayState if present, SigAlg, in this order, as received. */
	String signedPart() {
		return name + "=" + message + (relayState == null ? "" : "&RelayState=" + relayState) + "&SigAlg=" + (sigAlg == null ? "" : sigAlg);
	}

	boolean signed() {
		return sigAlg != null && signature != null && !sigAlg.isEmpty() && !signature.isEmpty();
	}

	String decodedMessage() {
		return decode(message);
	}

	@Nullable String decodedRelayState() {
		return relayState == null ? null : decode(relayState);
	}

	String decodedSigAlg() {
		return sigAlg == null ? "" : decode(sigAlg);
	}

	String decodedSignature() {
		return signature == null ? "" : decode(signature);
	}

	private static String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			throw refused("demoidp.refused.malformed");
		}
	}

	static Refusal refused(String key) {
		return Refusal.of(key).withStatus(HttpStatus.BAD_REQUEST);
	}
}
