// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import de.openrathaus.files.InputText;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one cleaning of every request parameter (query string and form fields, multipart included)
 * before anything reads it. PostgreSQL cannot store U+0000 in text and answers with an error,
 * which became an HTTP 500 for {@code q=%00}: the APIs refuse such a request with 400 and a problem
 * detail naming the parameter, forms and the search drop the character (it is never meaningful in
 * text a person typed). Every name and value is brought to Unicode NFC ({@link InputText}), so a
 * name typed with combining marks finds and matches the same name typed precomposed, in every
 * module, without each controller remembering it. File contents are bytes and stay untouched; file
 * names are cleaned by {@code Filenames}. Runs after the upload size check, so it never reads an
 * oversized body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class ParameterCleaningFilter extends OncePerRequestFilter {

	private static final String NUL = "\u0000";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String offending = null;
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (parameter.getKey().contains(NUL) || containsNul(parameter.getValue())) {
				offending = parameter.getKey().replace(NUL, "");
				break;
			}
		}
		if (offending == null) {
			chain.doFilter(needsCleaning(request) ? new Cleaned(request) : request, response);
			return;
		}
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
					+ "\"detail\":\"parameter '" + offending.replaceAll("[^A-Za-z0-9_.\\-\\[\\]]", "")
					+ "' contains the character U+0000, which is not allowed in text\"}");
			return;
		}
		chain.doFilter(new Cleaned(request), response);
	}

	private static boolean containsNul(String[] values) {
		for (String value : values) {
			if (value != null && value.contains(NUL)) {
				return true;
			}
		}
		return false;
	}

	private static boolean needsCleaning(HttpServletRequest request) {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (!InputText.nfc(parameter.getKey()).equals(parameter.getKey())) {
				return true;
			}
			for (String value : parameter.getValue()) {
				if (value != null && !InputText.nfc(value).equals(value)) {
					return true;
				}
			}
		}
		return false;
	}

	private static String clean(String text) {
		return InputText.nfc(text.replace(NUL, ""));
	}

	/** The request with U+0000 removed from every parameter name and value, both in NFC. */
	private static final class Cleaned extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		Cleaned(HttpServletRequest request) {
			super(request);
			Map<String, String[]> cleaned = new LinkedHashMap<>();
			request.getParameterMap().forEach((name, values) -> {
				String[] copy = new String[values.length];
				for (int i = 0; i < values.length; i++) {
					copy[i] = values[i] == null ? null : clean(values[i]);
				}
				cleaned.merge(clean(name), copy, (a, b) -> {
					String[] both = java.util.Arrays.copyOf(a, a.length + b.length);
					System.arraycopy(b, 0, both, a.length, b.length);
					return both;
				});
			});
			this.parameters = Collections.unmodifiableMap(cleaned);
		}

		@Override
		public @Nullable String getParameter(String name) {
			String[] values = parameters.get(name);
			return values == null || values.length == 0 ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(parameters.keySet());
		}

		@Override
		public String @Nullable [] getParameterValues(String name) {
			return parameters.get(name);
		}
	}
}
