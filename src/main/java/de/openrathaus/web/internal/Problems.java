// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.web.internal;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds the RFC 9457 problem details every API answers with: {@code type} is
 * {@code /problems/<message key>} for a {@link Refusal} and {@code /problems/http-<status>} for any
 * other error, {@code title} the status in the caller's language, {@code detail} what happened.
 */
@Component
class Problems {

	private final MessageSource messages;

	Problems(MessageSource messages) {
		this.messages = messages;
	}

	/** Whether the request (or, on the error page, the request that failed) is one of the APIs. */
	static boolean isApi(HttpServletRequest request) {
		Object failed = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
		String path = failed instanceof String uri ? uri : request.getRequestURI();
		String context = request.getContextPath();
		return path.startsWith(context + "/api/");
	}

	ProblemDetail of(Refusal refusal, HttpServletRequest request) {
		Locale locale = locale(request);
		String detail = messages.getMessage(refusal.messageKey(), refusal.arguments().toArray(), refusal.messageKey(), locale);
		return problem(refusal.status(), refusal.messageKey(), detail, request);
	}

	ProblemDetail of(HttpStatusCode status, @Nullable String detail, HttpServletRequest request) {
		return problem(status, "http-" + status.value(), detail, request);
	}

	/** Gives a problem Spring made (type about:blank, English title) the documented type and a title in the caller's language. */
	ProblemDetail complete(ProblemDetail problem, HttpServletRequest request) {
		HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
		if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
			problem.setType(URI.create(Refusal.PROBLEM_TYPES + "http-" + status.value()));
		}
		problem.setTitle(title(status, locale(request)));
		problem.setInstance(URI.create(path(request)));
		return problem;
	}

	private ProblemDetail problem(HttpStatusCode status, String type, @Nullable String detail, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create(Refusal.PROBLEM_TYPES + type));
		problem.setTitle(title(status, locale(request)));
		problem.setDetail(detail);
		problem.setInstance(URI.create(path(request)));
		return problem;
	}

	private String title(HttpStatusCode status, Locale locale) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return messages.getMessage("problem.status." + status.value(), null, known == null ? String.valueOf(status.value()) : known.getReasonPhrase(),
				locale);
	}

	/** An API caller states its language with Accept-Language; without it, the platform's language (German). */
	private static Locale locale(HttpServletRequest request) {
		return request.getHeader("Accept-Language") != null ? request.getLocale() : LocaleContextHolder.getLocale();
	}

	private static String path(HttpServletRequest request) {
		Object failed = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
		String path = failed instanceof String uri ? uri : request.getRequestURI();
		// a path that is no valid URI (it reached us, so it is rare) is left out rather than failing the answer
		return path.matches("[A-Za-z0-9/._~%!$&'()*+,;=:@-]*") ? path : "";
	}
}
