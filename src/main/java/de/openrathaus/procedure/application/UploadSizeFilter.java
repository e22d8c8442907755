// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away uploads larger than the request limit before anything reads the body. Otherwise the
 * first filter that asks for a parameter (the CSRF check) fails on the unreadable request and the
 * citizen sees a bare server error. The citizen is sent to a page that says what happened and leads
 * back to the form; nothing of the request was stored.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class UploadSizeFilter extends OncePerRequestFilter {

	static final String PAGE = "/portal/upload-zu-gross";

	private final long limit;

	UploadSizeFilter(@Value("${spring.servlet.multipart.max-request-size:25MB}") DataSize limit) {
		this.limit = limit.toBytes();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return !"POST".equals(request.getMethod()) || type == null || !type.toLowerCase().startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > limit) {
			response.setStatus(HttpServletResponse.SC_SEE_OTHER);
			response.setHeader("Location", request.getContextPath() + PAGE + "?zurueck="
					+ URLEncoder.encode(request.getRequestURI().substring(request.getContextPath().length()), StandardCharsets.UTF_8));
			response.setHeader("Connection", "close");
			return;
		}
		chain.doFilter(request, response);
	}
}
