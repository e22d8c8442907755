// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import de.openrathaus.tenancy.TenantScoped;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records the modules' events as they are published, for assertions in integration tests. */
@Component
public class TestEvents {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(TenantScoped event) {
		events.add(event);
	}

	public <T> List<T> of(Class<T> type) {
		return events.stream().filter(type::isInstance).map(type::cast).toList();
	}
}
