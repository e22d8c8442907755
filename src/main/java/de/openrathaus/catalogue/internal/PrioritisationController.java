// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.time.LocalDate;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.StaffRole;
import de.openrathaus.web.OnRefusal;
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The board's prioritisation: weights (saved as a new version each time), the explained ranking
 * and the portfolio chart. A past weight set is shown with {@code ?gewichte=<version>}; it ranks
 * with the day it was saved as reference day, so the board's decision can be reproduced.
 */
@Controller
@PreAuthorize("hasAuthority('backoffice:use')")
class PrioritisationController {


	/** Ranks listed with their explanation on the page; the chart shows all. */
	static final int SHOWN = 200;

	private final ProcessStore store;
	private final WeightSets weights;
	private final Catalogue catalogue;
	private final Clock clock;
	private final MessageSource messages;

	PrioritisationController(ProcessStore store, WeightSets weights, Catalogue catalogue, Clock clock, MessageSource messages) {
		this.clock = clock;
		this.messages = messages;
		this.store = store;
		this.weights = weights;
		this.catalogue = catalogue;
	}

	@GetMapping("/backoffice/priorisierung")
	String ranking(@RequestParam(name = "gewichte", required = false) @Nullable Integer version, SignedInUser user, Model model,
			Locale locale) {
		WeightSets.WeightSet set = version == null ? weights.current()
				: weights.version(version).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		LocalDate reference = set.version() == 0 ? LocalDate.now(clock) : set.createdAt().atZone(clock.getZone()).toLocalDate();
		List<Scoring.Ranked> ranked = Scoring.rank(store.all(), set.weights(), reference);
		model.addAttribute("set", set);
		model.addAttribute("sets", weights.all());
		model.addAttribute("reference", reference);
		model.addAttribute("criteria", Criterion.values());
		model.addAttribute("ranked", ranked.size() > SHOWN ? ranked.subList(0, SHOWN) : ranked);
		model.addAttribute("total", ranked.size());
		model.addAttribute("shown", Math.min(SHOWN, ranked.size()));
		model.addAttribute("chart", PortfolioChart.svg(ranked, messages, locale));
		model.addAttribute("departments", catalogue.departmentNames());
		model.addAttribute("board", user.hasRole(StaffRole.BOARD));
		return "catalogue/ranking";
	}

	@PostMapping("/backoffice/priorisierung")
	@PreAuthorize("hasAuthority('catalogue:prioritise')")
	@OnRefusal("/backoffice/priorisierung")
	public String save(@RequestParam MultiValueMap<String, String> form, SignedInUser user, RedirectAttributes redirect) {
		Map<Criterion, Integer> values = new EnumMap<>(Criterion.class);
		for (Criterion criterion : Criterion.values()) {
			Integer weight = parse(form.getFirst(criterion.formName()));
			if (weight == null) {
				throw Refusal.of("ranking.weight.invalid");
			}
			values.put(criterion, weight);
		}
		if (values.values().stream().mapToInt(Integer::intValue).sum() == 0) {
			throw Refusal.of("ranking.weight.allZero");
		}
		String note = ProcessValues.clean(form.getFirst("notiz"));
		int version = weights.save(values, note.length() > 500 ? note.substring(0, 500) : note, user.displayName());
		redirect.addFlashAttribute("notice", "ranking.saved");
		return "redirect:/backoffice/priorisierung?gewichte=" + version;
	}

	private static @Nullable Integer parse(@Nullable String text) {
		try {
			int value = Integer.parseInt(text == null ? "" : text.strip());
			return value < 0 || value > 10 ? null : value;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
