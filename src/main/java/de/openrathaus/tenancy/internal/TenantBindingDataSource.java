// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tenancy.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.TenantId;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Binds every connection handed out to the tenant of the current thread by setting the session
 * variable that the row-level security policies read. This is the single place tenant separation
 * is enforced: a query forgetting a tenant filter still sees only its tenant's rows, and a thread
 * without tenant sees none. Requires the pool to run in auto-commit mode, so the setting is not
 * undone by a rollback. The tenant last set on each physical connection is remembered, so a
 * connection handed out again for the same tenant needs no extra round trip.
 */
class TenantBindingDataSource extends DelegatingDataSource {

	static final String SETTING = "openrathaus.tenant";

	/** Physical connection to the tenant last set on it; weak keys, so closed connections drop out. */
	private final Map<Connection, String> bound = Collections.synchronizedMap(new WeakHashMap<>());

	TenantBindingDataSource(DataSource target) {
		super(target);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return bind(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return bind(super.getConnection(username, password));
	}

	private Connection bind(Connection connection) throws SQLException {
		String tenant = TenantContext.current().map(TenantId::toString).orElse("");
		Connection physical;
		try {
			physical = connection.unwrap(Connection.class);
		}
		catch (SQLException e) {
			physical = connection;
		}
		if (tenant.equals(bound.get(physical)) && connection.getAutoCommit()) {
			return connection;
		}
		try (PreparedStatement statement = connection.prepareStatement("select set_config('" + SETTING + "', ?, false)")) {
			statement.setString(1, tenant);
			statement.execute();
			if (connection.getAutoCommit()) {
				bound.put(physical, tenant);
			}
			else {
				bound.remove(physical);
			}
			return connection;
		}
		catch (SQLException | RuntimeException e) {
			connection.close();
			throw e;
		}
	}
}
