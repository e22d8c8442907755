// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * In demo mode every municipality gets the demo catalogue ({@code catalogue/demo-processes.yaml}):
 * plausible processes of a mid-sized city, marked as demo data. Processes whose id exists are left
 * alone, so the import runs at every start without changing anything a user edited.
 */
@Component
@ConditionalOnBooleanProperty("openrathaus.demo.enabled")
class DemoCatalogue {

	static final String RESOURCE = "catalogue/demo-processes.yaml";
	private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

	private final Catalogue catalogue;
	private final ProcessStore store;
	private final Tenants tenants;
	private final TransactionTemplate transactions;

	DemoCatalogue(Catalogue catalogue, ProcessStore store, Tenants tenants, TransactionTemplate transactions) {
		this.catalogue = catalogue;
		this.store = store;
		this.tenants = tenants;
		this.transactions = transactions;
	}

	/** The demo entries as raw answers, as a spreadsheet row would give them. */
	static List<Map<ProcessField, String>> entries() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			List<Map<String, Object>> rows = YAMLMapper.builder().build().readValue(in, new TypeReference<List<Map<String, Object>>>() {
			});
			return rows.stream().map(DemoCatalogue::raw).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Map<ProcessField, String> raw(Map<String, Object> row) {
		Map<ProcessField, String> raw = new EnumMap<>(ProcessField.class);
		for (ProcessField field : ProcessField.values()) {
			Object value = row.get(field.name);
			raw.put(field, value == null ? "" : value instanceof List<?> list
					? String.join(", ", list.stream().map(String::valueOf).toList()) : String.valueOf(value));
		}
		return raw;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(200)
	void create() {
		if (!new ClassPathResource(RESOURCE).exists()) {
			return;
		}
		List<Map<ProcessField, String>> entries = entries();
		for (Tenant tenant : tenants.all()) {
			TenantContext.runAs(tenant.id(), () -> transactions.executeWithoutResult(status -> {
				int created = 0;
				for (Map<ProcessField, String> entry : entries) {
					if (store.findByKey(entry.get(ProcessField.KEY)).isPresent()) {
						continue;
					}
					ProcessValues.Result result = catalogue.read(entry);
					if (!result.valid()) {
						log.warn("Demo process {} skipped: {}", entry.get(ProcessField.KEY), result.problems());
						continue;
					}
					store.insert(result.values(), true, new ProcessStore.Actor(null, "Demodaten"), "CREATED");
					created++;
				}
				if (created > 0) {
					log.info("Demo catalogue for '{}': {} processes created", tenant.slug(), created);
				}
			}));
		}
	}
}
