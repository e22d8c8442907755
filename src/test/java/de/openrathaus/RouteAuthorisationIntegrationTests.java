// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.openrathaus.account.Authorities;
import de.openrathaus.account.WebAccess;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Walks every route of the application, as the handler mappings know them, and proves that each is
 * either declared open by its module or needs a named authority: its handler carries
 * {@code @PreAuthorize("hasAuthority('…')")} with an authority of {@link Authorities}, an anonymous
 * request is sent to sign in (401 for the APIs), and a signed-in account without that authority
 * gets 403. A new handler without a rule fails here.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RouteAuthorisationIntegrationTests {

	static final Pattern HAS_AUTHORITY = Pattern.compile("hasAuthority\\('([a-z]+:[a-z-]+)'\\)");
	static final String SAMPLE_ID = "7f0c2a4e-0000-4000-8000-00000000abcd";

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	List<WebAccess> access;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	record Route(HttpMethod method, String pattern, HandlerMethod handler) {

		String path() {
			return pattern.replaceAll("\\{[^}/]+}", SAMPLE_ID);
		}

		@Override
		public String toString() {
			return method + " " + pattern + " (" + handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName() + ")";
		}
	}

	@Test
	void everyRouteIsOpenOrNeedsANamedAuthorityOnItsHandler() {
		List<Route> routes = routes();
		assertThat(routes).as("the walk finds the application's routes").hasSizeGreaterThan(60);
		List<String> uncovered = new ArrayList<>();
		for (Route route : routes) {
			boolean open = isOpen(route.path());
			Optional<String> authority = authority(route.handler());
			if (open == authority.isPresent()) {
				uncovered.add(route + (open ? ": open and yet @PreAuthorize" : ": neither open nor @PreAuthorize(hasAuthority)"));
			}
			authority.filter(a -> !Authorities.all().contains(a)).ifPresent(a -> uncovered.add(route + ": unknown authority " + a));
		}
		assertThat(uncovered).as("routes without a rule").isEmpty();
	}

	@Test
	void everyRouteThatNeedsAnAuthorityRefusesStrangersAndAccountsWithoutIt() throws Exception {
		String citizen = accounts.citizen("Routenpruefung");
		String clerk = accounts.clerk("Routenpruefung", "steuern");
		MockHttpSession citizenSession = TestAccounts.signIn(mvc, citizen);
		MockHttpSession clerkSession = TestAccounts.signIn(mvc, clerk);
		List<String> failures = new ArrayList<>();
		int checked = 0;
		for (Route route : routes()) {
			Optional<String> authority = authority(route.handler());
			if (authority.isEmpty()) {
				continue;
			}
			boolean api = route.path().startsWith("/api/");
			int anonymous = mvc.perform(prepared(route)).andReturn().getResponse().getStatus();
			String location = mvc.perform(prepared(route)).andReturn().getResponse().getHeader("Location");
			if (api ? anonymous != 401 : anonymous != 302 || location == null || !location.endsWith("/anmelden")) {
				failures.add(route + ": anonymous got " + anonymous + " " + location);
			}
			// the closest account without it: a citizen for the back office and the APIs, a clerk with no further role
			// for the portal and for every authority of a special role (records manager, board, administrator)
			MockHttpServletRequestBuilder without = prepared(route);
			if (api) {
				without.with(httpBasic(citizen, TestAccounts.PASSWORD));
			}
			else {
				without.session(authority.get().equals(Authorities.BACKOFFICE) ? citizenSession : clerkSession);
			}
			int refused = mvc.perform(without).andReturn().getResponse().getStatus();
			if (refused != 403) {
				failures.add(route + ": without " + authority.get() + " got " + refused);
			}
			checked++;
		}
		assertThat(checked).as("routes checked").isGreaterThan(50);
		assertThat(failures).isEmpty();
	}

	private List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			if (BasicErrorController.class.isAssignableFrom(mapping.getValue().getBeanType())) {
				continue; // the container's error page, declared open by the sign-in configuration ("/error")
			}
			var methods = mapping.getKey().getMethodsCondition().getMethods();
			for (String pattern : mapping.getKey().getPatternValues()) {
				if (methods.isEmpty()) {
					routes.add(new Route(HttpMethod.GET, pattern, mapping.getValue()));
				}
				for (RequestMethod method : methods) {
					routes.add(new Route(method.asHttpMethod(), pattern, mapping.getValue()));
				}
			}
		}
		return routes;
	}

	private boolean isOpen(String path) {
		PathContainer container = PathContainer.parsePath(path);
		return access.stream().flatMap(rules -> rules.open().stream())
			.anyMatch(pattern -> PathPatternParser.defaultInstance.parse(pattern).matches(container));
	}

	private static Optional<String> authority(HandlerMethod handler) {
		PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
		if (rule == null) {
			rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
		}
		if (rule == null) {
			return Optional.empty();
		}
		Matcher matcher = HAS_AUTHORITY.matcher(rule.value());
		return Optional.of(matcher.matches() ? matcher.group(1) : "unparsed: " + rule.value());
	}

	/** The route with its required parameters filled in, so that only the authorisation can refuse it. */
	private static MockHttpServletRequestBuilder prepared(Route route) {
		MockHttpServletRequestBuilder builder = request(route.method(), route.path());
		for (MethodParameter parameter : route.handler().getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null && param.required() && ValueConstants.DEFAULT_NONE.equals(param.defaultValue())
					&& !(param.name().isEmpty() && param.value().isEmpty())) {
				builder.param(param.name().isEmpty() ? param.value() : param.name(), sample(parameter.getParameterType()));
			}
		}
		if (route.method() != HttpMethod.GET && route.method() != HttpMethod.HEAD) {
			builder.with(csrf());
		}
		return builder;
	}

	private static String sample(Class<?> type) {
		if (type == boolean.class || type == Boolean.class) {
			return "true";
		}
		if (type.isEnum()) {
			return type.getEnumConstants()[0].toString();
		}
		if (type == int.class || type == Integer.class || type == long.class) {
			return "1";
		}
		return type == String.class ? "x" : UUID.fromString(SAMPLE_ID).toString();
	}
}
