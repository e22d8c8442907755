// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.erasure;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import de.openrathaus.personaldata.Erasure;
import de.openrathaus.personaldata.PersonalDataSource;
import de.openrathaus.personaldata.PersonalDataSource.Mode;
import de.openrathaus.personaldata.PersonalDataUse;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out an erasure request across all modules: first a preview of what would be removed, kept
 * and what stands in the way; then the erasure itself, in one transaction with every module's part and
 * the record of the request, so it happens entirely or not at all. A part that finds something in the
 * way at that moment (an application submitted since the preview, say) rolls everything back.
 */
@Service
class Erasures {

	/** The outcome: every module's part, and whether it was carried out. */
	record Outcome(List<Erasure> parts, boolean carriedOut) {

		boolean blocked() {
			return parts.stream().anyMatch(Erasure::blocked);
		}
	}

	private final List<PersonalDataSource> sources;
	private final ErasureRequests requests;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final PersonalDataUse use;

	Erasures(List<PersonalDataSource> sources, ErasureRequests requests, TransactionTemplate transactions, Clock clock, PersonalDataUse use) {
		this.use = use;
		this.sources = sources;
		this.requests = requests;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** What an erasure would do now; changes nothing. */
	Outcome preview(UUID account) {
		return new Outcome(sources.stream().map(source -> source.erase(account, Mode.PREVIEW)).toList(), false);
	}

	/** Erases the account's data if nothing stands in the way, and records it; otherwise changes nothing. */
	Outcome carryOut(UUID account, UUID by, String actor, ErasureRequests.Channel channel, String origin) {
		Outcome outcome = transactions.execute(status -> {
			List<Erasure> parts = sources.stream().map(source -> source.erase(account, Mode.CARRY_OUT)).toList();
			Outcome done = new Outcome(parts, true);
			if (done.blocked()) {
				status.setRollbackOnly();
				return new Outcome(parts, false);
			}
			requests.carriedOut(account, by, channel, clock.instant(), parts);
			use.erased(actor, "account " + account + " (erasure request, " + channel.name().toLowerCase(java.util.Locale.ROOT) + ")", origin);
			return done;
		});
		if (outcome == null) {
			throw new IllegalStateException("the erasure transaction returned nothing");
		}
		return outcome;
	}
}
