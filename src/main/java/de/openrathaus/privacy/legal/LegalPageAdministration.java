// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.legal;

import java.time.Clock;
import java.util.List;

import de.openrathaus.privacy.legal.LegalPageStore.StoredContacts;
import de.openrathaus.privacy.legal.LegalPageStore.StoredFeedback;
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators write the legal pages of their municipality and name its contacts. Bad input is
 * refused with nothing changed; an emptied page falls back to the default text.
 */
@Service
@PreAuthorize("hasAuthority('accounts:administer')")
class LegalPageAdministration {

	static final int BODY_MAX = 40000;
	static final int DPO_MAX = 500;
	static final int ADDRESS_MAX = 254;

	private final LegalPageStore store;
	private final Clock clock;

	LegalPageAdministration(LegalPageStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Transactional
	public void write(LegalPageKind kind, @Nullable String rawBody) {
		String body = rawBody == null ? "" : rawBody.strip();
		if (body.isEmpty()) {
			store.reset(kind);
			return;
		}
		if (body.length() > BODY_MAX) {
			throw Refusal.of("privacy.legal.body.tooLong", BODY_MAX);
		}
		store.save(kind, body, clock.instant());
	}

	@Transactional
	public void nameContacts(@Nullable String rawFeedbackAddress, @Nullable String rawDpoContact) {
		String address = rawFeedbackAddress == null ? "" : rawFeedbackAddress.strip();
		String dpo = rawDpoContact == null ? "" : rawDpoContact.strip();
		if (address.length() > ADDRESS_MAX || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw Refusal.of("privacy.legal.feedbackAddress.invalid");
		}
		if (dpo.isEmpty() || dpo.length() > DPO_MAX) {
			throw Refusal.of("privacy.legal.dpoContact.invalid", DPO_MAX);
		}
		store.saveContacts(new StoredContacts(address, dpo), clock.instant());
	}

	@Transactional(readOnly = true)
	public List<StoredFeedback> latestFeedback() {
		return store.latestFeedback(50);
	}
}
