// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.securemail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import de.openrathaus.account.AccountDirectory;
import de.openrathaus.account.Authorities;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.WebAccess;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The citizen stores, sees (fingerprint, expiry) and removes the key mail to them is encrypted with. */
@Controller
@PreAuthorize("hasAuthority('portal:use')")
class MailKeyController {

	static final String PAGE = "/portal/konto/schluessel";

	private final MailKeys keys;
	private final AccountDirectory accounts;
	private final Clock clock;
	private final CertificateRevocation revocation;

	MailKeyController(MailKeys keys, AccountDirectory accounts, Clock clock, CertificateRevocation revocation) {
		this.revocation = revocation;
		this.keys = keys;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Configuration(proxyBeanMethods = false)
	static class MailKeyWebSecurity {

		@Bean
		WebAccess mailKeyWebAccess() {
			return new WebAccess(java.util.List.of(), java.util.Map.of(PAGE, Authorities.PORTAL, PAGE + "/**", Authorities.PORTAL));
		}
	}

	@GetMapping(PAGE)
	String show(SignedInUser citizen, Model model) {
		model.addAttribute("key", keys.of(citizen.id()).orElse(null));
		model.addAttribute("now", clock.instant());
		model.addAttribute("email", accounts.find(citizen.id()).map(AccountDirectory.AccountSummary::email).orElse(null));
		return "correspondence/mail-key";
	}

	@PostMapping(PAGE)
	String store(@RequestParam(name = "datei", required = false) @Nullable MultipartFile file,
			@RequestParam(name = "text", required = false) @Nullable String text, SignedInUser citizen, Model model,
			RedirectAttributes redirect) throws IOException {
		String email = accounts.find(citizen.id()).map(AccountDirectory.AccountSummary::email).orElse(null);
		byte[] upload = file != null && !file.isEmpty()
				? (file.getSize() > MailKeyParser.MAX_BYTES ? new byte[MailKeyParser.MAX_BYTES + 1] : file.getBytes())
				: (text == null ? new byte[0] : text.strip().getBytes(StandardCharsets.US_ASCII));
		MailKeyParser.Result result = email == null ? new MailKeyParser.Result(null, "securemail.key.noAddress")
				: MailKeyParser.parse(upload, email, clock.instant());
		if (result.key() != null && result.key().kind() == MailKey.Kind.SMIME
				&& revocation.check(result.key().material()) == CertificateRevocation.Status.REVOKED) {
			result = new MailKeyParser.Result(null, "securemail.key.revoked");
		}
		if (result.key() == null) {
			model.addAttribute("error", result.error());
			return show(citizen, model);
		}
		keys.store(citizen.id(), result.key());
		redirect.addFlashAttribute("saved", true);
		return "redirect:" + PAGE;
	}

	@PostMapping(PAGE + "/entfernen")
	String remove(SignedInUser citizen, RedirectAttributes redirect) {
		keys.remove(citizen.id());
		redirect.addFlashAttribute("removed", true);
		return "redirect:" + PAGE;
	}
}
