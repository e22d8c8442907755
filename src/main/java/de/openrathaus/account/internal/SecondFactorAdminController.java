// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.util.Set;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.web.OnRefusal;
import de.openrathaus.web.Refusal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's part of the second factor: require it of all staff who sign in with a password,
 * and reset a staff member's (a lost phone). Each change is logged with the ids of the accounts.
 */
@Controller
@PreAuthorize("hasAuthority('accounts:administer')")
class SecondFactorAdminController {

	private final SecondFactors factors;

	SecondFactorAdminController(SecondFactors factors) {
		this.factors = factors;
	}

	@PostMapping("/admin/zweiter-faktor")
	@OnRefusal("/admin#zweiter-faktor")
	String require(@RequestParam boolean required, RedirectAttributes redirect) {
		factors.require(required);
		redirect.addFlashAttribute("notice", "admin.secondFactor.saved");
		return "redirect:/admin#zweiter-faktor";
	}

	@PostMapping("/admin/mitarbeitende/{id}/zweiter-faktor/zuruecksetzen")
	@OnRefusal("/admin#zweiter-faktor")
	String reset(@PathVariable UUID id, SignedInUser admin, RedirectAttributes redirect) {
		if (!factors.reset(new AccountId(id), admin.id())) {
			throw Refusal.of("admin.secondFactor.none");
		}
		redirect.addFlashAttribute("notice", "admin.secondFactor.wasReset");
		return "redirect:/admin#zweiter-faktor";
	}

	/** What the administration page shows about second factors (next to the staff list it already has). */
	@ControllerAdvice(assignableTypes = AdminController.class)
	static class Overview {

		private final SecondFactors factors;

		Overview(SecondFactors factors) {
			this.factors = factors;
		}

		@ModelAttribute("secondFactorRequired")
		boolean required() {
			return factors.required();
		}

		@ModelAttribute("secondFactorEnrolled")
		Set<UUID> enrolled() {
			return factors.enrolledAccounts();
		}
	}
}
