// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.demail;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The citizen stores, sees and removes the De-Mail address answers on that channel go to. */
@Controller
@PreAuthorize("hasAuthority('portal:use')")
class DeMailAddressController {

	static final String PAGE = "/portal/konto/de-mail";

	private final DeMailAddresses addresses;
	private final DeMailSettings settings;

	DeMailAddressController(DeMailAddresses addresses, DeMailSettings settings) {
		this.addresses = addresses;
		this.settings = settings;
	}

	@Configuration(proxyBeanMethods = false)
	static class DeMailWebSecurity {

		@Bean
		WebAccess deMailWebAccess() {
			return new WebAccess(java.util.List.of(), java.util.Map.of(PAGE, Authorities.PORTAL, PAGE + "/**", Authorities.PORTAL));
		}
	}

	@GetMapping(PAGE)
	String show(SignedInUser citizen, Model model) {
		model.addAttribute("address", addresses.of(citizen.id()).orElse(null));
		model.addAttribute("offered", settings.enabled());
		model.addAttribute("domains", String.join(", ", settings.domains()));
		model.addAttribute("max", DeMailAddresses.MAX_LENGTH);
		return "correspondence/de-mail-address";
	}

	@PostMapping(PAGE)
	String save(@RequestParam(name = "adresse", required = false) @Nullable String address, SignedInUser citizen, Model model,
			RedirectAttributes redirect) {
		DeMailAddresses.Checked checked = DeMailAddresses.check(address, settings.domains());
		if (checked.address() == null) {
			model.addAttribute("error", checked.error());
			model.addAttribute("entered", address);
			return show(citizen, model);
		}
		addresses.save(citizen.id(), checked.address());
		redirect.addFlashAttribute("saved", true);
		return "redirect:" + PAGE;
	}

	@PostMapping(PAGE + "/entfernen")
	String remove(SignedInUser citizen, RedirectAttributes redirect) {
		addresses.remove(citizen.id());
		redirect.addFlashAttribute("removed", true);
		return "redirect:" + PAGE;
	}
}
