// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.portal;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The public council pages; open to everybody (declared in the council's WebAccess), public rows only. */
@Controller
class PublicCouncilController {

	private final PublicCouncil council;

	PublicCouncilController(PublicCouncil council) {
		this.council = council;
	}

	@GetMapping("/rat")
	String home(Model model) {
		model.addAttribute("upcoming", council.upcoming());
		model.addAttribute("past", council.past());
		return "council/public-home";
	}

	@GetMapping("/rat/sitzungen/{id}")
	String meeting(@PathVariable UUID id, Model model) {
		model.addAttribute("meeting", council.meeting(id).orElseThrow(NotPublic::new));
		model.addAttribute("agenda", council.agenda(id));
		return "council/public-meeting";
	}

	@GetMapping("/rat/vorlagen")
	String papers(@RequestParam(name = "q", required = false) @Nullable String words, Model model) {
		model.addAttribute("q", words);
		model.addAttribute("papers", council.search(words));
		return "council/public-papers";
	}

	@GetMapping("/rat/vorlagen/{id}")
	String paper(@PathVariable UUID id, Model model) {
		model.addAttribute("paper", council.paper(id).orElseThrow(NotPublic::new));
		model.addAttribute("consultations", council.consultations(id));
		model.addAttribute("files", council.files(id));
		return "council/public-paper";
	}

	@GetMapping("/rat/beschluesse")
	String resolutions(Model model) {
		model.addAttribute("resolutions", council.resolutions(null));
		return "council/public-resolutions";
	}

	/** One public resolution with its follow-up (Beschlusskontrolle) and the status reports. */
	@GetMapping("/rat/beschluesse/{item}")
	String resolution(@PathVariable UUID item, Model model) {
		model.addAttribute("resolution", council.resolutions(item).stream().findFirst().orElseThrow(NotPublic::new));
		model.addAttribute("reports", council.reports(item));
		return "council/public-resolution";
	}

	/** No such public meeting or paper: the same 404 whether it does not exist or is not public. */
	@ResponseStatus(HttpStatus.NOT_FOUND)
	static final class NotPublic extends RuntimeException {

		NotPublic() {
			super(null, null, false, false);
		}
	}
}
