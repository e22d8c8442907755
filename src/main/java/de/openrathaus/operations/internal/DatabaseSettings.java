// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the embedded server keeps its data; kept across restarts
 * @param ephemeral start on a fresh temporary directory removed at shutdown (tests)
 * @param port TCP port on loopback; 0 picks a free one
 */
@ConfigurationProperties("openrathaus.database.embedded")
record DatabaseSettings(@DefaultValue("data/postgres") String dataDirectory, @DefaultValue("false") boolean ephemeral,
		@DefaultValue("0") int port, @DefaultValue("openrathaus") String role) {
}
