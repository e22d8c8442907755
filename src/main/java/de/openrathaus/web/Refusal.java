// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.web;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A change was refused and nothing was changed: the message key (from the message bundles) says
 * why to the person who asked, its arguments fill it in. A page shows it as the flash message of
 * the page its controller names with {@link OnRefusal}; an API answers it as a problem detail with
 * the type {@code /problems/<messageKey>} and {@link #status()}.
 */
public final class Refusal extends RuntimeException {

	/** The path under which every problem type of the APIs lies (documented in the README and OpenAPI files). */
	public static final String PROBLEM_TYPES = "/problems/";

	private final String messageKey;
	private final List<Object> arguments;
	private final HttpStatus status;
	private final Map<String, @Nullable Object> kept;

	private Refusal(String messageKey, List<Object> arguments, HttpStatus status, Map<String, @Nullable Object> kept) {
		super(messageKey, null, false, false);
		this.messageKey = messageKey;
		this.arguments = arguments;
		this.status = status;
		this.kept = kept;
	}

	/** Refused because of what was entered (an API answers 422). */
	public static Refusal of(String messageKey, Object... arguments) {
		return new Refusal(messageKey, List.of(arguments), HttpStatus.UNPROCESSABLE_CONTENT, Map.of());
	}

	/** Refused because the state does not allow it (already done, changed meanwhile; an API answers 409). */
	public static Refusal conflict(String messageKey, Object... arguments) {
		return of(messageKey, arguments).withStatus(HttpStatus.CONFLICT);
	}

	/** The same refusal answered with another HTTP status by the APIs. */
	public Refusal withStatus(HttpStatus status) {
		return new Refusal(messageKey, arguments, status, kept);
	}

	/** The same refusal, also giving the page back a value it shows again (e.g. what was entered). */
	public Refusal keeping(String name, @Nullable Object value) {
		Map<String, @Nullable Object> more = new LinkedHashMap<>(kept);
		more.put(name, value);
		return new Refusal(messageKey, arguments, status, Collections.unmodifiableMap(more));
	}

	public String messageKey() {
		return messageKey;
	}

	public List<Object> arguments() {
		return arguments;
	}

	public HttpStatus status() {
		return status;
	}

	/** Values the page shows again, by flash attribute name. */
	public Map<String, @Nullable Object> kept() {
		return kept;
	}

	@Override
	public String toString() {
		return "Refusal[" + messageKey + " " + Arrays.toString(arguments.toArray()) + " " + status.value() + "]";
	}
}
