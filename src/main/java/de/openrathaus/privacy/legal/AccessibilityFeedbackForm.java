// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.legal;

import java.time.Instant;
import java.util.UUID;

import de.openrathaus.privacy.AccessibilityFeedbackReceived;
import de.openrathaus.privacy.legal.LegalPageStore.StoredFeedback;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anyone reports a barrier (§ 10b (2) BGG NRW: an electronic contact option in the accessibility statement).
 * The report is kept, and mailed to the responsible office when the municipality named one; the municipality
 * has to answer it, so it must never get lost between form and office.
 */
@Service
class AccessibilityFeedbackForm {

	static final int MESSAGE_MAX = 4000;
	static final int PAGE_MAX = 500;
	static final int CONTACT_MAX = 254;

	private final LegalPageStore store;
	private final LegalPages pages;
	private final java.time.Clock clock;
	private final ApplicationEventPublisher events;
	private final FeedbackThrottle throttle;

	AccessibilityFeedbackForm(LegalPageStore store, LegalPages pages, java.time.Clock clock, ApplicationEventPublisher events,
			FeedbackThrottle throttle) {
		this.throttle = throttle;
		this.store = store;
		this.pages = pages;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	public void report(@Nullable String rawMessage, @Nullable String rawPage, @Nullable String rawContact, String client) {
		String message = rawMessage == null ? "" : rawMessage.strip();
		if (message.isEmpty()) {
			throw Refusal.of("privacy.feedback.message.required");
		}
		if (message.length() > MESSAGE_MAX) {
			throw Refusal.of("privacy.feedback.message.tooLong", MESSAGE_MAX);
		}
		String page = optional(rawPage, PAGE_MAX, "privacy.feedback.page.tooLong");
		String contact = optional(rawContact, CONTACT_MAX, "privacy.feedback.contact.tooLong");
		throttle.acquire(TenantContext.require(), client);
		Instant now = clock.instant();
		UUID id = UUID.randomUUID();
		store.addFeedback(new StoredFeedback(id, message, page, contact, now));
		pages.contacts().feedback().ifPresent(office -> events.publishEvent(
				new AccessibilityFeedbackReceived(TenantContext.require(), id, office, message, page, contact, now)));
	}

	private static @Nullable String optional(@Nullable String raw, int max, String tooLong) {
		String value = raw == null ? "" : raw.strip();
		if (value.length() > max) {
			throw Refusal.of(tooLong, max);
		}
		return value.isEmpty() ? null : value;
	}
}
