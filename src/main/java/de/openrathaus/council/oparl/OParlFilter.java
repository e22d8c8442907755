// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.oparl;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A list request: the OParl filters {@code created_since}, {@code created_until},
 * {@code modified_since}, {@code modified_until} (ISO 8601 with offset), the page size
 * {@code limit} and the cursor {@code after} (the last object of the page before). Deleted objects
 * are listed only when {@code modified_since} is given, as OParl asks.
 */
record OParlFilter(@Nullable OffsetDateTime createdSince, @Nullable OffsetDateTime createdUntil, @Nullable OffsetDateTime modifiedSince,
		@Nullable OffsetDateTime modifiedUntil, int limit, @Nullable UUID after) {

	static final int DEFAULT_LIMIT = 100;
	static final int MAX_LIMIT = 1000;

	/** A parameter that is not what OParl allows: answered 400. */
	static final class Invalid extends RuntimeException {

		Invalid(String parameter) {
			super(parameter, null, false, false);
		}
	}

	static OParlFilter of(Map<String, String> parameters) {
		return new OParlFilter(time(parameters, "created_since"), time(parameters, "created_until"), time(parameters, "modified_since"),
				time(parameters, "modified_until"), limit(parameters.get("limit")), after(parameters.get("after")));
	}

	boolean withDeleted() {
		return modifiedSince != null;
	}

	/** The same filters with the cursor after the given object, as the link to the next page. */
	String next(String list, UUID last) {
		return link(list).queryParam("after", last).build().toUriString();
	}

	/** The link to the first page with the same filters. */
	String first(String list) {
		return link(list).build().toUriString();
	}

	private UriComponentsBuilder link(String list) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(list);
		Map<String, @Nullable OffsetDateTime> times = new LinkedHashMap<>();
		times.put("created_since", createdSince);
		times.put("created_until", createdUntil);
		times.put("modified_since", modifiedSince);
		times.put("modified_until", modifiedUntil);
		times.forEach((name, value) -> {
			if (value != null) {
				builder.queryParam(name, value.toInstant().toString()); // in UTC: no "+" to encode
			}
		});
		if (limit != DEFAULT_LIMIT) {
			builder.queryParam("limit", limit);
		}
		return builder;
	}

	private static @Nullable OffsetDateTime time(Map<String, String> parameters, String name) {
		String value = parameters.get(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new Invalid(name);
		}
	}

	private static int limit(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return DEFAULT_LIMIT;
		}
		if (!value.strip().matches("[0-9]{1,4}")) {
			throw new Invalid("limit");
		}
		int limit = Integer.parseInt(value.strip());
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new Invalid("limit");
		}
		return limit;
	}

	private static @Nullable UUID after(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new Invalid("after");
		}
	}
}
