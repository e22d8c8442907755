// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.web.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import de.openrathaus.web.OnRefusal;
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The one place a {@link Refusal} becomes an answer: for an API a problem detail, for a page the
 * redirect its handler names with {@link OnRefusal}, carrying the message key (and its first
 * argument) as flash attributes. A page handler that names no page gets the refusal on the error
 * page with the refusal's status, never a stack trace.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalAdvice {

	private final Problems problems;

	RefusalAdvice(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(Refusal.class)
	Object refused(Refusal refusal, @Nullable HandlerMethod handler, HttpServletRequest request, RedirectAttributes redirect) {
		if (Problems.isApi(request)) {
			ProblemDetail problem = problems.of(refusal, request);
			return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		OnRefusal page = handler == null ? null : onRefusal(handler);
		if (page == null) {
			ModelAndView error = new ModelAndView("error", refusal.status());
			error.addObject("status", refusal.status().value());
			error.addObject("refused", refusal.messageKey());
			return error;
		}
		redirect.addFlashAttribute(page.flash(), refusal.messageKey());
		if (!refusal.arguments().isEmpty()) {
			redirect.addFlashAttribute(page.flash() + "Argument", String.valueOf(refusal.arguments().getFirst()));
		}
		refusal.kept().forEach(redirect::addFlashAttribute);
		return new ModelAndView("redirect:" + target(page.value(), request));
	}

	private static @Nullable OnRefusal onRefusal(HandlerMethod handler) {
		OnRefusal onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), OnRefusal.class);
		return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), OnRefusal.class);
	}

	/** The page with the handler's path variables filled in (encoded, so a variable cannot leave the path). */
	@SuppressWarnings("unchecked")
	static String target(String page, HttpServletRequest request) {
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		Map<String, String> values = variables instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
		return UriComponentsBuilder.fromUriString(page).encode().buildAndExpand(values).toUriString();
	}
}
