// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.delivery;

import java.util.Arrays;
import java.util.List;

import de.openrathaus.account.SignedInUser;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The citizen chooses the channel answers reach them on (§ 4 (1) EGovG NRW). */
@Controller
@PreAuthorize("hasAuthority('portal:use')")
class ChannelPreferenceController {

	static final String PAGE = "/portal/konto/zustellung";

	private final ChannelPreferences preferences;

	ChannelPreferenceController(ChannelPreferences preferences) {
		this.preferences = preferences;
	}

	/**
	 * A channel as the page shows it.
	 *
	 * @param setup where the citizen sets the channel up (a key, an address), null when nothing is needed or possible here
	 */
	record Option(ChannelKind kind, boolean offered, boolean ready, @Nullable String setup) {
	}

	@GetMapping(PAGE)
	String show(SignedInUser citizen, Model model) {
		model.addAttribute("options", options(citizen));
		model.addAttribute("preferred", preferences.preferred(citizen.id()));
		model.addAttribute("applications", preferences.applicationsOf(citizen.id()));
		return "correspondence/delivery-preference";
	}

	/** The channel for one application's answer; empty or "KONTO" means the account's preferred one. */
	@PostMapping(PAGE + "/antrag")
	String chooseForApplication(@RequestParam(name = "antrag", required = false) @Nullable String application,
			@RequestParam(name = "kanal", required = false) @Nullable String channel, SignedInUser citizen, Model model,
			RedirectAttributes redirect) {
		java.util.UUID id = parseId(application);
		ChannelKind kind = Arrays.stream(ChannelKind.values()).filter(k -> k.name().equals(channel)).findFirst().orElse(null);
		boolean own = channel != null && ("KONTO".equals(channel) || (kind != null && preferences.offered(kind)));
		if (id == null || !own || !preferences.chooseFor(citizen.id(), id, kind)) {
			model.addAttribute("invalid", true);
			return show(citizen, model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:" + PAGE;
	}

	private static java.util.@Nullable UUID parseId(@Nullable String value) {
		try {
			return value == null ? null : java.util.UUID.fromString(value);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	@PostMapping(PAGE)
	String save(@RequestParam(name = "kanal", required = false) @Nullable String channel, SignedInUser citizen, Model model,
			RedirectAttributes redirect) {
		ChannelKind kind = Arrays.stream(ChannelKind.values()).filter(k -> k.name().equals(channel)).findFirst().orElse(null);
		if (kind == null || !preferences.offered(kind)) {
			model.addAttribute("invalid", true);
			return show(citizen, model);
		}
		preferences.prefer(citizen.id(), kind);
		redirect.addFlashAttribute("saved", true);
		return "redirect:" + PAGE;
	}

	private List<Option> options(SignedInUser citizen) {
		return Arrays.stream(ChannelKind.values())
			.map(kind -> new Option(kind, preferences.offered(kind), preferences.reaches(kind, citizen.id()), setupPage(kind)))
			.toList();
	}

	private static @Nullable String setupPage(ChannelKind kind) {
		return switch (kind) {
			case PORTAL, BUNDID -> null;
			case EMAIL -> "/portal/konto/schluessel";
			case DE_MAIL -> "/portal/konto/de-mail";
			case LETTER -> "/portal/konto/anschrift";
		};
	}
}
