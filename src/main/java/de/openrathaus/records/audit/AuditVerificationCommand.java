// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.audit;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import de.openrathaus.records.audit.AuditCheckpoints.Checkpoint;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar openrathaus.jar --verify-audit}: checks the audit trail of every municipality
 * against the key and the checkpoints, prints the result and exits: 0 all intact, 1 a trail was
 * changed or entries removed, 2 it cannot be checked (key file missing, unreadable or not this
 * trail's, checkpoint file unreadable), 3 the embedded database is in use by a running OpenRathaus
 * ({@link DatabaseInUse}, before anything starts).
 */
@Component
public class AuditVerificationCommand implements ApplicationRunner {

	static final String OPTION = "verify-audit";
	public static final int INTACT = 0;
	public static final int BROKEN = 1;
	static final int CANNOT_VERIFY = 2;
	static final int DATABASE_IN_USE = 3;

	private final AuditVerification verification;
	private final AuditCheckpoints checkpoints;
	private final Tenants tenants;
	private final ApplicationContext context;

	AuditVerificationCommand(AuditVerification verification, AuditCheckpoints checkpoints, Tenants tenants, ApplicationContext context) {
		this.verification = verification;
		this.checkpoints = checkpoints;
		this.tenants = tenants;
		this.context = context;
	}

	/** Whether this run is the verification command (which then only reads). */
	static boolean requested(Environment environment) {
		return environment.containsProperty(OPTION);
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (!arguments.containsOption(OPTION)) {
			return;
		}
		int code = verifyAll(System.out);
		System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
	}

	/** Checks every municipality's trail and reports each; returns the exit code. */
	public int verifyAll(PrintStream out) {
		List<Checkpoint> inFile;
		try {
			// read before the database, so every checkpoint in it was committed there first
			inFile = checkpoints.inFile();
		}
		catch (AuditCheckpoints.Unreadable e) {
			out.println("Audit trails cannot be verified: " + e.getMessage());
			return e.damaged() ? BROKEN : CANNOT_VERIFY;
		}
		int code = INTACT;
		List<Tenant> all = tenants.all();
		for (Tenant tenant : all) {
			String id = tenant.id().toString();
			List<Checkpoint> own = inFile.stream().filter(checkpoint -> checkpoint.tenant().equals(id)).toList();
			AuditVerification.Result result;
			try {
				result = TenantContext.callAs(tenant.id(), () -> verification.check(own));
			}
			catch (AuditKey.Unusable e) {
				out.println("Audit trail of " + tenant.slug() + " cannot be verified: " + e.getMessage());
				code = code == INTACT ? CANNOT_VERIFY : code;
				continue;
			}
			if (!result.intact()) {
				out.printf("Audit trail of %s: BROKEN at entry %d: %s%n", tenant.slug(), result.brokenEntry(), result.problem());
				code = BROKEN; // a finding outweighs a trail that could not be checked
			}
			else if (result.unanchored()) {
				out.printf("Audit trail of %s: intact by the old unkeyed rule (%d entries, no checkpoint yet: start OpenRathaus once to anchor them)%n",
						tenant.slug(), result.entries());
			}
			else {
				out.printf("Audit trail of %s: intact (%d entries, %d checkpoints checked)%n", tenant.slug(), result.entries(),
						result.checkpoints());
			}
		}
		Set<String> known = all.stream().map(tenant -> tenant.id().toString()).collect(Collectors.toSet());
		for (Checkpoint checkpoint : inFile) {
			if (!known.contains(checkpoint.tenant())) {
				out.printf("Audit trails: BROKEN: the %s names municipality %s, which the database no longer has%n", checkpoint.describe(),
						checkpoint.tenant());
				return BROKEN;
			}
		}
		return code;
	}
}
