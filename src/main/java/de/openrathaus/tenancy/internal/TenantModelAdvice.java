// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tenancy.internal;

import de.openrathaus.tenancy.Tenant;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Offers every page the municipality it is rendered for (name in header and title). */
@ControllerAdvice
class TenantModelAdvice {

	@ModelAttribute("municipality")
	@Nullable
	Tenant municipality(HttpServletRequest request) {
		return (Tenant) request.getAttribute(TenantResolutionFilter.TENANT_ATTRIBUTE);
	}
}
