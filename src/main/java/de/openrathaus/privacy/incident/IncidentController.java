// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.incident;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import de.openrathaus.account.SignedInUser;
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

/** The data protection officer's page of breaches, with the open ones' deadlines at the top. */
@Controller
@PreAuthorize("hasAuthority('privacy:register')")
class IncidentController {

	static final String INCIDENTS = "/datenschutz/vorfaelle";

	private final IncidentRegister incidents;
	private final Clock clock;

	IncidentController(IncidentRegister incidents, Clock clock) {
		this.incidents = incidents;
		this.clock = clock;
	}

	@GetMapping(INCIDENTS)
	String list(Model model) {
		List<Incident> all = incidents.all();
		java.time.Instant now = clock.instant();
		model.addAttribute("incidents", all);
		model.addAttribute("now", now);
		model.addAttribute("urgent", all.stream().filter(i -> i.state(now).equals("OVERDUE") || i.state(now).equals("DUE_SOON")).toList());
		model.addAttribute("titleMax", IncidentRegister.TITLE_MAX);
		model.addAttribute("textMax", IncidentRegister.TEXT_MAX);
		model.addAttribute("reasonMax", IncidentRegister.REASON_MAX);
		return "privacy/incidents";
	}

	@PostMapping(INCIDENTS)
	@OnRefusal(INCIDENTS)
	String record(@RequestParam(name = "titel", required = false) @Nullable String title,
			@RequestParam(name = "beschreibung", required = false) @Nullable String description,
			@RequestParam(name = "bekannt_seit", required = false) @Nullable String awareAt, SignedInUser officer, RedirectAttributes redirect) {
		try {
			incidents.record(title, description, awareAt, officer.displayName());
		}
		catch (Refusal refused) {
			throw refused.keeping("title", title).keeping("description", description).keeping("awareAt", awareAt);
		}
		redirect.addFlashAttribute("notice", "privacy.incident.recorded");
		return "redirect:" + INCIDENTS;
	}

	@PostMapping(INCIDENTS + "/{id}/gemeldet")
	@OnRefusal(INCIDENTS)
	String notified(@PathVariable UUID id, @RequestParam(name = "gemeldet_am", required = false) @Nullable String notifiedAt,
			@RequestParam(name = "verzoegerung", required = false) @Nullable String lateReason, RedirectAttributes redirect) {
		incidents.notified(id, notifiedAt, lateReason);
		redirect.addFlashAttribute("notice", "privacy.incident.notifiedSaved");
		return "redirect:" + INCIDENTS;
	}

	@PostMapping(INCIDENTS + "/{id}/keine-meldung")
	@OnRefusal(INCIDENTS)
	String notRequired(@PathVariable UUID id, @RequestParam(name = "begruendung", required = false) @Nullable String reason,
			RedirectAttributes redirect) {
		incidents.notRequired(id, reason);
		redirect.addFlashAttribute("notice", "privacy.incident.notRequiredSaved");
		return "redirect:" + INCIDENTS;
	}
}
