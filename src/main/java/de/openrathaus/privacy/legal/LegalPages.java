// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.legal;

import java.util.Locale;
import java.util.Optional;

import de.openrathaus.privacy.legal.LegalPageStore.StoredContacts;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.Tenants;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The legal pages of the municipality bound to the request, for anyone: the administrator's text, or the
 * default (German, the municipality's legally binding language) that names the municipality and its contacts.
 */
@Service
class LegalPages {

	/** A page as it is shown. */
	record Page(LegalPageKind kind, String body, LegalText text, boolean ownText) {
	}

	/** The contacts the pages name; the feedback address is absent when nobody set one. */
	record Contacts(@Nullable String feedbackAddress, String dpoContact) {

		Optional<String> feedback() {
			return Optional.ofNullable(feedbackAddress);
		}
	}

	private final LegalPageStore store;
	private final LegalSettings settings;
	private final Tenants tenants;
	private final MessageSource messages;

	LegalPages(LegalPageStore store, LegalSettings settings, Tenants tenants, MessageSource messages) {
		this.store = store;
		this.settings = settings;
		this.tenants = tenants;
		this.messages = messages;
	}

	@Transactional(readOnly = true)
	public Page page(LegalPageKind kind) {
		Optional<String> own = store.body(kind);
		String body = own.orElseGet(() -> defaultBody(kind));
		return new Page(kind, body, LegalText.parse(body), own.isPresent());
	}

	@Transactional(readOnly = true)
	public Contacts contacts() {
		Tenant municipality = tenants.current();
		Optional<StoredContacts> stored = store.contacts();
		if (stored.isPresent()) {
			return new Contacts(stored.get().feedbackAddress(), stored.get().dpoContact());
		}
		LegalSettings.Contacts configured = settings.of(municipality.slug());
		String feedback = configured == null ? null : configured.feedbackAddress();
		String dpo = configured == null || configured.dpoContact() == null
				? messages.getMessage("privacy.legal.dpo.default", new Object[] {municipality.name()}, Locale.GERMAN)
				: configured.dpoContact();
		return new Contacts(feedback, dpo);
	}

	String defaultBody(LegalPageKind kind) {
		Contacts contacts = contacts();
		String feedback = contacts.feedback()
			.orElseGet(() -> messages.getMessage("privacy.legal.feedback.unset", null, Locale.GERMAN));
		return messages.getMessage(kind.key() + ".default", new Object[] {tenants.current().name(), contacts.dpoContact(), feedback},
				Locale.GERMAN);
	}
}
