// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.time.Clock;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.StaffRole;
import de.openrathaus.personaldata.PersonalDataUse;
import de.openrathaus.web.OnRefusal;
import de.openrathaus.web.Refusal;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of departments, staff accounts and roles. */
@Controller
@PreAuthorize("hasAuthority('accounts:administer')")
class AdminController {

	private final Administration administration;
	private final ApiTokens tokens;
	private final Clock clock;

	private final de.openrathaus.files.UploadScanner scanner;
	private final TransactionTemplate transactions;
	private final PersonalDataUse use;

	AdminController(Administration administration, ApiTokens tokens, Clock clock, de.openrathaus.files.UploadScanner scanner,
			TransactionTemplate transactions, PersonalDataUse use) {
		this.scanner = scanner;
		this.transactions = transactions;
		this.use = use;
		this.clock = clock;
		this.administration = administration;
		this.tokens = tokens;
	}

	@GetMapping("/admin")
	String overview(SignedInUser admin, HttpServletRequest request, Model model) {
		use.read(admin.displayName(), "staff accounts, roles and API keys (administration)", request.getRemoteAddr());
		model.addAttribute("departments", administration.departments());
		model.addAttribute("staff", administration.staff());
		model.addAttribute("roles", StaffRole.values());
		model.addAttribute("tokens", tokens.all());
		model.addAttribute("throttles", administration.throttles());
		model.addAttribute("now", clock.instant());
		model.addAttribute("scanner", scanner.status());
		model.addAttribute("accountNames", administration.staff().stream()
			.collect(java.util.stream.Collectors.toMap(Administration.Staff::id, Administration.Staff::displayName)));
		return "account/admin";
	}

	@PostMapping("/admin/fachbereiche")
	@OnRefusal("/admin")
	String saveDepartment(@RequestParam(required = false) @Nullable String code, @RequestParam(required = false) @Nullable String name,
			RedirectAttributes redirect) {
		administration.saveDepartment(Administration.normaliseCode(code), name);
		return done(redirect, "admin.department.saved");
	}

	@PostMapping("/admin/mitarbeitende")
	@OnRefusal("/admin")
	String createStaff(@RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String password, SignedInUser admin, HttpServletRequest request,
			RedirectAttributes redirect) {
		transactions.executeWithoutResult(s -> {
			administration.createStaff(name, email, password);
			use.changed(admin.displayName(), "staff account created for " + email, request.getRemoteAddr());
		});
		return done(redirect, "admin.staff.created");
	}

	@PostMapping("/admin/mitarbeitende/{id}/rollen")
	@OnRefusal("/admin")
	String changeRole(@PathVariable UUID id, @RequestParam String department, @RequestParam StaffRole role,
			@RequestParam String change, SignedInUser admin, HttpServletRequest request, RedirectAttributes redirect) {
		DepartmentCode code;
		try {
			code = new DepartmentCode(department);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.of("admin.role.unknown");
		}
		AccountId account = new AccountId(id);
		boolean revoke = "entziehen".equals(change);
		transactions.executeWithoutResult(s -> {
			if (revoke) {
				administration.revoke(admin, account, code, role);
			}
			else {
				administration.grant(account, code, role);
			}
			use.changed(admin.displayName(), "account " + id + " role " + role + " in " + code.value() + (revoke ? " revoked" : " granted"),
					request.getRemoteAddr());
		});
		return done(redirect, revoke ? "admin.role.revoked" : "admin.role.granted");
	}

	@PostMapping("/admin/anmeldebremsen/aufheben")
	@OnRefusal("/admin#anmeldebremsen")
	String liftThrottle(@RequestParam(defaultValue = "") String accountKey, @RequestParam(defaultValue = "") String client,
			RedirectAttributes redirect) {
		administration.liftThrottle(accountKey, client);
		redirect.addFlashAttribute("notice", "admin.throttle.lifted");
		return "redirect:/admin#anmeldebremsen";
	}

	@PostMapping("/admin/api-schluessel")
	@OnRefusal("/admin#api-schluessel")
	String createToken(@RequestParam UUID account, @RequestParam(required = false) @Nullable String name, SignedInUser admin,
			HttpServletRequest request, RedirectAttributes redirect) {
		String token = transactions.execute(s -> {
			String created = tokens.create(new AccountId(account), name);
			use.changed(admin.displayName(), "account " + account + " API key created", request.getRemoteAddr());
			return created;
		});
		redirect.addFlashAttribute("createdToken", token);
		return "redirect:/admin#api-schluessel";
	}

	@PostMapping("/admin/api-schluessel/{id}/widerrufen")
	@OnRefusal("/admin")
	String revokeToken(@PathVariable UUID id, SignedInUser admin, HttpServletRequest request, RedirectAttributes redirect) {
		transactions.executeWithoutResult(s -> {
			tokens.revoke(id);
			use.changed(admin.displayName(), "API key " + id + " revoked", request.getRemoteAddr());
		});
		return done(redirect, "admin.token.revoked");
	}

	private static String done(RedirectAttributes redirect, String success) {
		redirect.addFlashAttribute("notice", success);
		return "redirect:/admin";
	}
}
