// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.register;

import java.time.format.DateTimeFormatter;

import de.openrathaus.account.SignedInUser;
import de.openrathaus.files.Downloads;
import de.openrathaus.tenancy.MunicipalClock;
import de.openrathaus.tenancy.Tenants;
import de.openrathaus.web.OnRefusal;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The data protection officer's pages of the register: read, complete, publish a version, export. */
@Controller
@PreAuthorize("hasAuthority('privacy:register')")
class RegisterController {

	static final String REGISTER = "/datenschutz/verzeichnis";
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(MunicipalClock.ZONE);
	private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(MunicipalClock.ZONE);

	private final ProcessingRegister register;
	private final RegisterExports exports;
	private final Tenants tenants;
	private final java.time.Clock clock;

	RegisterController(ProcessingRegister register, RegisterExports exports, Tenants tenants, java.time.Clock clock) {
		this.register = register;
		this.exports = exports;
		this.tenants = tenants;
		this.clock = clock;
	}

	@GetMapping(REGISTER)
	String show(Model model) {
		model.addAttribute("entries", register.entries());
		model.addAttribute("versions", register.versions());
		model.addAttribute("textMax", ProcessingRegister.TEXT_MAX);
		model.addAttribute("measuresMax", ProcessingRegister.MEASURES_MAX);
		return "privacy/register";
	}

	@PostMapping(REGISTER + "/taetigkeiten/{process}")
	@OnRefusal(REGISTER)
	String complete(@PathVariable String process, @RequestParam(name = "zweck", required = false) @Nullable String purpose,
			@RequestParam(name = "betroffene", required = false) @Nullable String subjects,
			@RequestParam(name = "empfaenger", required = false) @Nullable String recipients,
			@RequestParam(name = "loeschfristen", required = false) @Nullable String retention,
			@RequestParam(name = "massnahmen", required = false) @Nullable String measures, SignedInUser officer, RedirectAttributes redirect) {
		register.complete(process, purpose, subjects, recipients, retention, measures, officer.displayName());
		redirect.addFlashAttribute("notice", "privacy.register.saved");
		return "redirect:" + REGISTER + "#t-" + process;
	}

	@PostMapping(REGISTER + "/versionen")
	@OnRefusal(REGISTER)
	String publish(SignedInUser officer, RedirectAttributes redirect) {
		int number = register.publish(officer.displayName());
		redirect.addFlashAttribute("notice", "privacy.register.published");
		redirect.addFlashAttribute("noticeArgument", String.valueOf(number));
		return "redirect:" + REGISTER;
	}

	@GetMapping(REGISTER + ".pdf")
	ResponseEntity<byte[]> pdf() {
		byte[] document = exports.pdf(tenants.current().name(), register.entries(), AS_OF.format(clock.instant()));
		return Downloads.attachment(document, "Verarbeitungsverzeichnis-" + STAMP.format(clock.instant()) + ".pdf", "application/pdf");
	}

	@GetMapping(REGISTER + ".xlsx")
	ResponseEntity<byte[]> xlsx() {
		return Downloads.attachment(exports.xlsx(register.entries()), "Verarbeitungsverzeichnis-" + STAMP.format(clock.instant()) + ".xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	@GetMapping(REGISTER + "/versionen/{number}.json")
	ResponseEntity<byte[]> version(@PathVariable int number) {
		return register.version(number)
			.map(json -> Downloads.attachment(json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
					"Verarbeitungsverzeichnis-Version-" + number + ".json", "application/json"))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}
}
