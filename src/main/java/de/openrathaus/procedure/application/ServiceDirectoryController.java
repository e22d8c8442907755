// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import java.util.List;
import java.util.Locale;

import de.openrathaus.procedure.definition.ProcedureDefinition;
import de.openrathaus.procedure.definition.ProcedureTypes;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public service directory: start page, search and a page per service. */
@Controller
class ServiceDirectoryController {

	private final ProcedureTypes types;

	ServiceDirectoryController(ProcedureTypes types) {
		this.types = types;
	}

	@GetMapping("/")
	String start(Model model) {
		model.addAttribute("services", types.current());
		return "procedure/start";
	}

	@GetMapping("/leistungen")
	String services(@RequestParam(name = "q", required = false) @Nullable String query, Locale locale, Model model) {
		String q = query == null ? "" : query.strip();
		if (q.length() > 100) {
			q = q.substring(0, 100);
		}
		List<ProcedureDefinition> found = q.isEmpty() ? types.current() : types.search(q, locale);
		model.addAttribute("query", q);
		model.addAttribute("services", found);
		return "procedure/services";
	}

	@GetMapping("/leistungen/{key}")
	String service(@PathVariable String key, Model model) {
		ProcedureDefinition type = types.current(key).orElseThrow(ApplicationNotFound::new);
		model.addAttribute("service", type);
		if (type.trustLevel() != de.openrathaus.account.TrustLevel.LOW) {
			// someone not signed in (or signed in too low) gets the choice of BundID at the procedure's level
			model.addAttribute("bundIdUrl", de.openrathaus.account.FederatedSignIn.bundIdStart(type.trustLevel(),
					"/portal/antraege/neu?leistung=" + type.key()));
		}
		return "procedure/service";
	}
}
