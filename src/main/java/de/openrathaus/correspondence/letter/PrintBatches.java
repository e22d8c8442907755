// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.letter;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.correspondence.delivery.DeliveryUpdates;
import de.openrathaus.tenancy.MunicipalClock;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily print batch: every letter waiting, behind a cover sheet, in one PDF/A file for the
 * print service. Made each morning and whenever the post room asks; the first download marks its
 * letters as sent, in the same transaction, so a letter is never reported sent without its batch
 * having gone to the post room, nor twice.
 */
@Component
class PrintBatches {

	/** Letters per batch: a print run the post room can handle in one go. */
	static final int MAX_LETTERS = 500;
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(MunicipalClock.ZONE);

	private final Letters letters;
	private final LetterRendering rendering;
	private final DeliveryUpdates updates;
	private final Tenants tenants;
	private final TransactionTemplate transactions;
	private final Clock clock;

	PrintBatches(Letters letters, LetterRendering rendering, DeliveryUpdates updates, Tenants tenants, TransactionTemplate transactions,
			Clock clock) {
		this.letters = letters;
		this.rendering = rendering;
		this.updates = updates;
		this.tenants = tenants;
		this.transactions = transactions;
		this.clock = clock;
	}

	@SchedulerLock(name = "correspondence.print-batch", lockAtMostFor = "PT30M")
	@Scheduled(cron = "${openrathaus.letter.batch-cron:0 0 6 * * *}", zone = "Europe/Berlin")
	void daily() {
		for (Tenant tenant : tenants.all()) {
			TenantContext.runAs(tenant.id(), this::make);
		}
	}

	/**
	 * Puts the letters waiting into a new batch (rendering it while they are locked, so a batch
	 * made at the same time takes none of them); empty when no letter waits.
	 */
	Optional<UUID> make() {
		return transactions.execute(s -> {
			List<Letters.Waiting> waiting = letters.waitingForBatch(MAX_LETTERS);
			if (waiting.isEmpty()) {
				return Optional.<UUID>empty();
			}
			Instant now = clock.instant();
			String day = DAY.format(now);
			String number = day + "-" + (letters.batchesOn(day) + 1);
			int pages = waiting.stream().mapToInt(Letters.Waiting::pages).sum();
			LetterRendering.Rendered batch = rendering.batch(tenants.current().name(), number, now,
					waiting.stream().map(w -> new LetterRendering.BatchEntry(w.recipient(), w.reference(), w.pages(), w.pdf())).toList(), pages);
			UUID id = UUID.randomUUID();
			letters.batch(id, number, waiting.size(), batch.pages(), batch.pdf(), waiting.stream().map(Letters.Waiting::id).toList());
			return Optional.of(id);
		});
	}

	/** The batch's file; its first download marks its letters sent. */
	Optional<byte[]> download(UUID batch, AccountId by) {
		return transactions.execute(s -> {
			Optional<byte[]> content = letters.content(batch);
			if (content.isPresent()) {
				Instant now = clock.instant();
				if (letters.downloaded(batch, by.value(), now)) {
					letters.lettersOf(batch).forEach(letter -> updates.sent(letter, now));
				}
			}
			return content;
		});
	}
}
