// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.web.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;

/**
 * The error page of the container, for everything that fails outside a handler: under
 * {@code /api/} a problem detail (no such path, not signed in, no permission, too many failed
 * sign-ins, an unexpected failure) with nothing of the exception in it; elsewhere Spring Boot's
 * answer as before (the HTML error page for browsers).
 */
@Controller
class ApiErrorController extends BasicErrorController {

	private final Problems problems;

	ApiErrorController(ErrorAttributes attributes, WebProperties web, List<ErrorViewResolver> views, Problems problems) {
		super(attributes, web.getError(), views);
		this.problems = problems;
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		if (!Problems.isApi(request)) {
			return super.error(request);
		}
		HttpStatus status = getStatus(request);
		ProblemDetail problem = problems.of(status, null, request);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		if (problem.getInstance() != null && !problem.getInstance().toString().isEmpty()) {
			body.put("instance", problem.getInstance().toString());
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}
}
