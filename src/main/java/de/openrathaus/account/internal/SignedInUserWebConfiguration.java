// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.util.List;

import de.openrathaus.account.SignedInUser;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers declare a {@link SignedInUser} parameter (null when nobody is signed in). */
@Configuration(proxyBeanMethods = false)
class SignedInUserWebConfiguration implements WebMvcConfigurer {

	static @Nullable SignedInUser current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountUserDetails details) {
			return details.user();
		}
		return null;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new HandlerMethodArgumentResolver() {
			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == SignedInUser.class;
			}

			@Override
			public @Nullable Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mav,
					NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
				return current();
			}
		});
	}
}
