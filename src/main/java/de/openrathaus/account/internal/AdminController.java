// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.time.Clock;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.StaffRole;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of departments, staff accounts and roles. */
@Controller
class AdminController {

	private final Administration administration;
	private final ApiTokens tokens;
	private final Clock clock;

	AdminController(Administration administration, ApiTokens tokens, Clock clock) {
		this.clock = clock;
		this.administration = administration;
		this.tokens = tokens;
	}

	@GetMapping("/admin")
	String overview(Model model) {
		model.addAttribute("departments", administration.departments());
		model.addAttribute("staff", administration.staff());
		model.addAttribute("roles", StaffRole.values());
		model.addAttribute("tokens", tokens.all());
		model.addAttribute("throttles", administration.throttles());
		model.addAttribute("now", clock.instant());
		model.addAttribute("accountNames", administration.staff().stream()
			.collect(java.util.stream.Collectors.toMap(Administration.Staff::id, Administration.Staff::displayName)));
		return "account/admin";
	}

	@PostMapping("/admin/fachbereiche")
	String saveDepartment(@RequestParam(required = false) @Nullable String code, @RequestParam(required = false) @Nullable String name,
			RedirectAttributes redirect) {
		return act(redirect, "admin.department.saved", () -> administration.saveDepartment(Administration.normaliseCode(code), name));
	}

	@PostMapping("/admin/mitarbeitende")
	String createStaff(@RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String password, RedirectAttributes redirect) {
		return act(redirect, "admin.staff.created", () -> administration.createStaff(name, email, password));
	}

	@PostMapping("/admin/mitarbeitende/{id}/rollen")
	String changeRole(@PathVariable UUID id, @RequestParam String department, @RequestParam StaffRole role,
			@RequestParam String change, SignedInUser admin, RedirectAttributes redirect) {
		DepartmentCode code;
		try {
			code = new DepartmentCode(department);
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("refused", "admin.role.unknown");
			return "redirect:/admin";
		}
		AccountId account = new AccountId(id);
		if ("entziehen".equals(change)) {
			return act(redirect, "admin.role.revoked", () -> administration.revoke(admin, account, code, role));
		}
		return act(redirect, "admin.role.granted", () -> administration.grant(account, code, role));
	}

	@PostMapping("/admin/anmeldebremsen/aufheben")
	String liftThrottle(@RequestParam(defaultValue = "") String accountKey, @RequestParam(defaultValue = "") String client,
			RedirectAttributes redirect) {
		act(redirect, "admin.throttle.lifted", () -> administration.liftThrottle(accountKey, client));
		return "redirect:/admin#anmeldebremsen";
	}

	@PostMapping("/admin/api-schluessel")
	String createToken(@RequestParam UUID account, @RequestParam(required = false) @Nullable String name, RedirectAttributes redirect) {
		try {
			String token = tokens.create(new AccountId(account), name);
			redirect.addFlashAttribute("createdToken", token);
		}
		catch (Administration.Refused refused) {
			redirect.addFlashAttribute("refused", refused.code);
		}
		return "redirect:/admin#api-schluessel";
	}

	@PostMapping("/admin/api-schluessel/{id}/widerrufen")
	String revokeToken(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(redirect, "admin.token.revoked", () -> tokens.revoke(id));
	}

	private static String act(RedirectAttributes redirect, String success, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", success);
		}
		catch (Administration.Refused refused) {
			redirect.addFlashAttribute("refused", refused.code);
		}
		return "redirect:/admin";
	}
}
