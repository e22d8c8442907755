// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Answers for requests that cannot be handled, as pages a citizen understands. */
@ControllerAdvice
class ProcedureErrors {

	private final DataSize maxRequestSize;

	ProcedureErrors(@Value("${spring.servlet.multipart.max-request-size:25MB}") DataSize maxRequestSize) {
		this.maxRequestSize = maxRequestSize;
	}

	/** A malformed id in the URL is a page that does not exist, not a server error. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String malformedId(HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("status", 404);
		return "error";
	}

	@ExceptionHandler(ApplicationNotEditable.class)
	String notEditable(HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		model.addAttribute("problem", "application.notEditable");
		return "procedure/problem";
	}

	/** Nothing of a too-large request was read or stored; the citizen goes back to the same form. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		return tooLargePage(request.getRequestURI(), model);
	}

	/** The page that explains a too-large upload and leads back to the form (only to a form of the portal). */
	String tooLargePage(@Nullable String back, Model model) {
		String form = back == null ? null : back.replaceFirst("/antwort$", "");
		model.addAttribute("problem", "validation.upload.requestTooLarge");
		model.addAttribute("problemArgument", maxRequestSize.toMegabytes() + " MB");
		model.addAttribute("back", form != null && form.matches("/portal/antraege/[0-9a-f-]{36}(/schritt/[a-z0-9-]+)?") ? form : null);
		return "procedure/problem";
	}
}
