// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tenancy.internal;

import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.TenantScoped;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Module listeners run on other threads (and after a restart, from the event publication
 * registry), where no request binds a tenant. This binds the tenant the event carries before the
 * listener's transaction opens its connection.
 */
@Aspect
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // after ExposeInvocationInterceptor (+1), before transactions (lowest)
class TenantScopedListenerAspect {

	@Around("@annotation(org.springframework.modulith.events.ApplicationModuleListener) && args(event)")
	Object bindTenant(ProceedingJoinPoint call, Object event) throws Throwable {
		if (event instanceof TenantScoped scoped) {
			return TenantContext.callAs(scoped.tenant(), call::proceed);
		}
		return call.proceed();
	}
}
