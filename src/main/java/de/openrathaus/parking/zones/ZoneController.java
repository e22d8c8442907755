// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.parking.zones;

import java.util.UUID;

import de.openrathaus.web.OnRefusal;
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrators' pages for the resident parking zones and their streets. */
@Controller
@PreAuthorize("hasAuthority('accounts:administer')")
class ZoneController {

	private static final String ZONES = "/admin/parkzonen";
	private static final String ZONE = "/admin/parkzonen/{code}";

	private final ZoneAdministration zones;

	ZoneController(ZoneAdministration zones) {
		this.zones = zones;
	}

	@GetMapping(ZONES)
	String list(Model model) {
		model.addAttribute("zones", zones.zones());
		model.addAttribute("nameMax", ZoneAdministration.NAME_MAX);
		return "parking/zones";
	}

	@PostMapping(ZONES)
	@OnRefusal(ZONES)
	String add(@RequestParam(name = "kuerzel", required = false) @Nullable String code,
			@RequestParam(name = "name", required = false) @Nullable String name, RedirectAttributes redirect) {
		String added;
		try {
			added = zones.addZone(code, name);
		}
		catch (Refusal refused) {
			throw refused.keeping("code", code).keeping("name", name);
		}
		redirect.addFlashAttribute("notice", "parking.zone.added");
		return "redirect:" + ZONES + "/" + added;
	}

	@GetMapping(ZONE)
	String show(@PathVariable String code, Model model) {
		ZoneStore.StoredZone zone = zones.zone(code);
		model.addAttribute("zone", zone);
		model.addAttribute("streets", zones.streets(zone));
		model.addAttribute("nameMax", ZoneAdministration.NAME_MAX);
		model.addAttribute("streetMax", ZoneAdministration.STREET_MAX);
		return "parking/zone";
	}

	@PostMapping(ZONE + "/name")
	@OnRefusal(ZONE)
	String rename(@PathVariable String code, @RequestParam(name = "name", required = false) @Nullable String name,
			RedirectAttributes redirect) {
		zones.rename(code, name);
		redirect.addFlashAttribute("notice", "parking.zone.renamed");
		return "redirect:" + ZONES + "/" + zones.zone(code).code();
	}

	@PostMapping(ZONE + "/entfernen")
	@OnRefusal(ZONE)
	String remove(@PathVariable String code, RedirectAttributes redirect) {
		zones.removeZone(code);
		redirect.addFlashAttribute("notice", "parking.zone.removed");
		return "redirect:" + ZONES;
	}

	@PostMapping(ZONE + "/strassen")
	@OnRefusal(ZONE)
	String addStreet(@PathVariable String code, @RequestParam(name = "strasse", required = false) @Nullable String street,
			@RequestParam(name = "plz", required = false) @Nullable String postalCode,
			@RequestParam(name = "von", required = false) @Nullable String from,
			@RequestParam(name = "bis", required = false) @Nullable String to,
			@RequestParam(name = "seite", required = false) @Nullable String parity, RedirectAttributes redirect) {
		try {
			zones.addStreet(code, street, postalCode, from, to, parity);
		}
		catch (Refusal refused) {
			throw refused.keeping("street", street).keeping("postalCode", postalCode).keeping("from", from).keeping("to", to);
		}
		redirect.addFlashAttribute("notice", "parking.street.added");
		return "redirect:" + ZONES + "/" + zones.zone(code).code();
	}

	@PostMapping(ZONE + "/strassen/{segment}/entfernen")
	@OnRefusal(ZONE)
	String removeStreet(@PathVariable String code, @PathVariable UUID segment, RedirectAttributes redirect) {
		zones.removeStreet(code, segment);
		redirect.addFlashAttribute("notice", "parking.street.removed");
		return "redirect:" + ZONES + "/" + zones.zone(code).code();
	}
}
