// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations.internal;

import java.time.Clock;

import de.openrathaus.account.Authorities;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrators' view of the scheduled jobs: last run in the cluster (node, outcome), next run on this node. */
@Controller
class JobsController {

	static final String JOBS = "/admin/betrieb/jobs";

	private final JobRuns runs;
	private final Clock clock;

	JobsController(JobRuns runs, Clock clock) {
		this.runs = runs;
		this.clock = clock;
	}

	@GetMapping(JOBS)
	@PreAuthorize("hasAuthority('" + Authorities.OPERATIONS_MONITOR + "')")
	String jobs(Model model) {
		model.addAttribute("jobs", runs.jobs());
		model.addAttribute("zone", clock.getZone()); // the municipal clock's zone
		model.addAttribute("node", JobRuns.NODE);
		return "operations/jobs";
	}
}
