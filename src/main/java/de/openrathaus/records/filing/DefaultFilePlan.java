// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import java.util.List;

import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A municipality without a file plan gets a small default one, so that filing works from the first
 * submission: entries for the shipped procedures and one for what no entry claims. The records
 * manager extends it; existing entries are never changed here.
 */
@Component
class DefaultFilePlan {

	/** number, title, parent number, retention years, disposal, procedure types */
	static final List<Object[]> ENTRIES = List.of(
			new Object[] {"10", "Hauptverwaltung", null, null, null, List.of()},
			new Object[] {"10.10", "Rat und Ausschüsse", "10", 30, Disposal.ARCHIVE, List.of()},
			new Object[] {"10.20", "Organisation und IT", "10", 10, Disposal.ARCHIVE, List.of()},
			new Object[] {"32", "Steuern und Abgaben", null, null, null, List.of()},
			new Object[] {"32.10", "Grundsteuer", "32", 10, Disposal.DESTROY, List.of()},
			new Object[] {"32.40", "Hundesteuer", "32", 10, Disposal.DESTROY, List.of("hund-anmelden", "hundemarke-ersatz")},
			new Object[] {"33", "Öffentliche Ordnung", null, null, null, List.of()},
			new Object[] {"33.20", "Bewohnerparken", "33", 5, Disposal.DESTROY, List.of("bewohnerparkausweis")},
			new Object[] {"33.30", "Verkehrsrechtliche Anordnungen (Halteverbote)", "33", 5, Disposal.DESTROY, List.of("halteverbot-umzug")},
			new Object[] {"34", "Personenstandswesen", null, null, null, List.of()},
			new Object[] {"34.10", "Geburten", "34", 110, Disposal.ARCHIVE, List.of()},
			new Object[] {"99", "Sonstiges", null, null, null, List.of()},
			new Object[] {Filing.UNASSIGNED, "Nicht zugeordnete Vorgänge", "99", 10, Disposal.DESTROY, List.of()});

	private final RecordsStore store;
	private final Tenants tenants;
	private final TransactionTemplate transactions;

	DefaultFilePlan(RecordsStore store, Tenants tenants, TransactionTemplate transactions) {
		this.store = store;
		this.tenants = tenants;
		this.transactions = transactions;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(50)
	@SuppressWarnings("unchecked")
	void create() {
		for (Tenant tenant : tenants.all()) {
			TenantContext.runAs(tenant.id(), () -> transactions.executeWithoutResult(status -> {
				if (!store.plan().isEmpty()) {
					return;
				}
				for (Object[] e : ENTRIES) {
					store.addPlanEntry((String) e[0], (String) e[1], e[2] == null ? null : store.planEntryId((String) e[2]).orElseThrow(),
							(Integer) e[3], (Disposal) e[4], (List<String>) e[5]);
				}
			}));
		}
	}
}
