// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.internal;

import java.util.Optional;

import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.SpringApplication;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar openrathaus.jar --verify-audit}: checks the audit trail of every municipality,
 * prints the result and exits, with exit code 1 if any chain is broken.
 */
@Component
class AuditVerificationCommand implements ApplicationRunner {

	private final AuditTrail audit;
	private final Tenants tenants;
	private final ApplicationContext context;

	AuditVerificationCommand(AuditTrail audit, Tenants tenants, ApplicationContext context) {
		this.audit = audit;
		this.tenants = tenants;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (!arguments.containsOption("verify-audit")) {
			return;
		}
		boolean intact = verifyAll(System.out);
		int code = intact ? 0 : 1;
		System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
	}

	/** Checks every municipality's chain and reports each; true if all are intact. */
	boolean verifyAll(java.io.PrintStream out) {
		boolean intact = true;
		for (Tenant tenant : tenants.all()) {
			Optional<Long> broken = TenantContext.callAs(tenant.id(), audit::verify);
			long entries = TenantContext.callAs(tenant.id(), audit::size);
			if (broken.isPresent()) {
				intact = false;
				out.printf("Audit trail of %s: BROKEN at entry %d (of %d entries): changed, inserted or deleted%n", tenant.slug(),
						broken.get(), entries);
			}
			else {
				out.printf("Audit trail of %s: intact (%d entries)%n", tenant.slug(), entries);
			}
		}
		return intact;
	}
}
