// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.parking.zones;

import java.util.List;
import java.util.UUID;

import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode every municipality gets the three zones the demo's parking permit form offered, with
 * a few streets. The demo BundID's Max Mustermann (Lindenallee 12) lives in zone A, so his permit is
 * issued automatically; Erika Mustermann (Heidestraße 17) lives just outside zone C, so hers goes to
 * a clerk. A zone is created only if its code is free, and its streets only with it: an
 * administrator's changes are never overwritten.
 */
@Component
@ConditionalOnBooleanProperty("openrathaus.demo.enabled")
class DemoZones {

	private record Street(String name, @Nullable String postalCode, @Nullable Integer from, @Nullable Integer to, Parity parity) {
	}

	private record Zone(String code, String name, List<Street> streets) {
	}

	private static final List<Zone> ZONES = List.of(
			new Zone("A", "Altstadt", List.of(new Street("Lindenallee", "54321", 1, 40, Parity.ALL),
					new Street("Marktplatz", "54321", null, null, Parity.ALL), new Street("Kirchstraße", "54321", null, null, Parity.ALL))),
			new Zone("B", "Bahnhofsviertel", List.of(new Street("Bahnhofstraße", "54321", null, null, Parity.ALL),
					new Street("Am Mühlenbach", "54322", 1, 29, Parity.ODD), new Street("Am Mühlenbach", "54322", 2, 30, Parity.EVEN))),
			new Zone("C", "Schlossviertel", List.of(new Street("Schlossallee", "54321", null, null, Parity.ALL),
					new Street("Heidestraße", "54321", 1, 15, Parity.ALL))));

	private final ZoneStore store;
	private final Tenants tenants;
	private final TransactionTemplate transactions;

	DemoZones(ZoneStore store, Tenants tenants, TransactionTemplate transactions) {
		this.store = store;
		this.tenants = tenants;
		this.transactions = transactions;
	}

	@EventListener(ApplicationReadyEvent.class)
	void create() {
		for (Tenant tenant : tenants.all()) {
			TenantContext.runAs(tenant.id(), () -> transactions.executeWithoutResult(status -> ZONES.forEach(this::create)));
		}
	}

	private void create(Zone zone) {
		UUID id = UUID.randomUUID();
		if (!store.addZone(id, zone.code(), zone.name())) {
			return;
		}
		zone.streets().forEach(s -> store.addStreet(new StreetSegment(UUID.randomUUID(), id, s.name(), StreetAddress.key(s.name()),
				s.postalCode(), s.from(), s.to(), s.parity())));
	}
}
