// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.parking.zones;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import de.openrathaus.files.InputText;
import de.openrathaus.parking.zones.ZoneStore.StoredZone;
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators keep the zones and their streets. Bad input is refused with nothing changed;
 * a street range that would put an address into two zones (or twice into one) is refused, so that
 * an address has at most one zone.
 */
@Service
@PreAuthorize("hasAuthority('accounts:administer')")
class ZoneAdministration {

	static final int NAME_MAX = 100;
	static final int STREET_MAX = 120;

	private final ZoneStore store;

	ZoneAdministration(ZoneStore store) {
		this.store = store;
	}

	@Transactional(readOnly = true)
	public List<StoredZone> zones() {
		return store.zones();
	}

	@Transactional(readOnly = true)
	public StoredZone zone(String code) {
		return store.zone(code).orElseThrow(ZoneNotFound::new);
	}

	@Transactional(readOnly = true)
	public List<StreetSegment> streets(StoredZone zone) {
		return store.streetsOf(zone.id());
	}

	@Transactional
	public String addZone(@Nullable String rawCode, @Nullable String rawName) {
		String code = clean(rawCode).toUpperCase(Locale.ROOT);
		if (!code.matches("[A-Z0-9]{1,8}")) {
			throw Refusal.of("parking.zone.code.invalid");
		}
		String name = name(rawName);
		if (!store.addZone(UUID.randomUUID(), code, name)) {
			throw Refusal.conflict("parking.zone.code.taken");
		}
		return code;
	}

	@Transactional
	public void rename(String code, @Nullable String rawName) {
		store.rename(zone(code).id(), name(rawName));
	}

	@Transactional
	public void removeZone(String code) {
		store.removeZone(zone(code).id());
	}

	@Transactional
	public void addStreet(String code, @Nullable String rawStreet, @Nullable String rawPostalCode, @Nullable String rawFrom,
			@Nullable String rawTo, @Nullable String rawParity) {
		StoredZone zone = zone(code);
		String street = clean(rawStreet);
		if (street.isEmpty() || street.length() > STREET_MAX || street.matches(".*\\d.*")) {
			throw Refusal.of("parking.street.invalid");
		}
		String postalCode = clean(rawPostalCode);
		if (!postalCode.isEmpty() && !postalCode.matches("[0-9]{5}")) {
			throw Refusal.of("parking.street.postalCode.invalid");
		}
		Integer from = number(rawFrom);
		Integer to = number(rawTo);
		if (from != null && to != null && from > to) {
			throw Refusal.of("parking.street.range.invalid");
		}
		Parity parity;
		try {
			parity = Parity.valueOf(clean(rawParity).isEmpty() ? "ALL" : clean(rawParity));
		}
		catch (IllegalArgumentException e) {
			throw Refusal.of("parking.street.parity.invalid");
		}
		StreetSegment segment = new StreetSegment(UUID.randomUUID(), zone.id(), street, StreetAddress.key(street),
				postalCode.isEmpty() ? null : postalCode, from, to, parity);
		if (store.segmentsOf(segment.streetKey()).stream().anyMatch(segment::overlaps)) {
			throw Refusal.conflict("parking.street.overlaps");
		}
		store.addStreet(segment);
	}

	@Transactional
	public void removeStreet(String code, UUID segment) {
		if (!store.removeStreet(zone(code).id(), segment)) {
			throw new ZoneNotFound();
		}
	}

	private static String name(@Nullable String rawName) {
		String name = clean(rawName);
		if (name.isEmpty() || name.length() > NAME_MAX) {
			throw Refusal.of("parking.zone.name.invalid");
		}
		return name;
	}

	private static @Nullable Integer number(@Nullable String raw) {
		String value = clean(raw);
		if (value.isEmpty()) {
			return null;
		}
		if (!value.matches("[0-9]{1,5}") || Integer.parseInt(value) < 1) {
			throw Refusal.of("parking.street.range.invalid");
		}
		return Integer.parseInt(value);
	}

	private static String clean(@Nullable String text) {
		return InputText.nfc(text == null ? "" : text).replaceAll("\\p{Cc}", "").strip();
	}
}
