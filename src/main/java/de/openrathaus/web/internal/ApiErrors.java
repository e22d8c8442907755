// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.web.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors inside the APIs' handlers (a bad parameter, a missing part, a
 * {@link org.springframework.web.server.ResponseStatusException}) as problem details with the
 * documented type. Runs before the pages' advices, which answer with HTML. Errors outside a
 * handler (no such path, not signed in, too many attempts) are answered by {@link ApiErrorController}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiErrors extends ResponseEntityExceptionHandler {

	private final Problems problems;

	ApiErrors(Problems problems) {
		this.problems = problems;
	}

	/** A malformed id in the path is a resource that does not exist, as on the pages. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> malformedId(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
		boolean inPath = e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
		HttpStatusCode status = HttpStatusCode.valueOf(inPath ? 404 : 400);
		ProblemDetail problem = problems.of(status, inPath ? null : "parameter " + e.getName() + " has the wrong format", request);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
		ProblemDetail problem = body instanceof ProblemDetail detail ? detail : ProblemDetail.forStatus(statusCode);
		if (problem.getDetail() == null && ex instanceof org.springframework.web.server.ResponseStatusException refused) {
			problem.setDetail(refused.getReason());
		}
		if (servletRequest != null) {
			problems.complete(problem, servletRequest);
		}
		HttpHeaders answer = new HttpHeaders();
		answer.putAll(headers);
		answer.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return ResponseEntity.status(statusCode).headers(answer).body(problem);
	}
}
