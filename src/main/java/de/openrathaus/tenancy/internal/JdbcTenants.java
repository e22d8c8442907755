// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tenancy.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.Tenants;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tenants in the tenancy schema; host look-ups are cached because every request needs one. */
@Component
class JdbcTenants implements Tenants {

	private static final String SELECT = """
			select t.id, t.slug, t.name, t.public_url, coalesce(array_agg(h.host order by h.host) filter (where h.host is not null), '{}') as hosts
			  from tenancy.tenant t left join tenancy.tenant_host h on h.tenant_id = t.id
			""";

	private final JdbcClient jdbc;
	// Only known tenants are cached: arbitrary Host headers must not grow the map.
	private final ConcurrentMap<String, Tenant> byHost = new ConcurrentHashMap<>();
	private final ConcurrentMap<String, Tenant> bySlug = new ConcurrentHashMap<>();
	// every rendering, seal and mail asks for the bound municipality by id: one query each, several per decision
	private final ConcurrentMap<TenantId, Tenant> byId = new ConcurrentHashMap<>();

	JdbcTenants(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Tenant> all() {
		return jdbc.sql(SELECT + " group by t.id order by t.name").query(this::map).list();
	}

	@Override
	public Optional<Tenant> byId(TenantId id) {
		Tenant cached = byId.get(id);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<Tenant> found = jdbc.sql(SELECT + " where t.id = ? group by t.id").param(id.value()).query(this::map).optional();
		found.ifPresent(t -> byId.put(id, t));
		return found;
	}

	@Override
	public Optional<Tenant> byHost(String host) {
		String key = host.toLowerCase(Locale.ROOT);
		Tenant cached = byHost.get(key);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<Tenant> found = jdbc
				.sql(SELECT + " where t.id = (select tenant_id from tenancy.tenant_host where host = ?) group by t.id")
				.param(key).query(this::map).optional();
		found.ifPresent(t -> byHost.put(key, t));
		return found;
	}

	Optional<Tenant> bySlugCached(String slug) {
		Tenant cached = bySlug.get(slug);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<Tenant> found = bySlug(slug);
		found.ifPresent(t -> bySlug.put(slug, t));
		return found;
	}

	Optional<Tenant> bySlug(String slug) {
		return jdbc.sql(SELECT + " where t.slug = ? group by t.id").param(slug).query(this::map).optional();
	}

	@Transactional
	Tenant create(String slug, String name, List<String> hosts, @Nullable String publicUrl) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into tenancy.tenant(id, slug, name, public_url) values (?, ?, ?, ?)").params(id, slug, name, publicUrl).update();
		for (String host : hosts) {
			jdbc.sql("insert into tenancy.tenant_host(host, tenant_id) values (?, ?)")
					.params(host.toLowerCase(Locale.ROOT), id).update();
		}
		byHost.clear();
		bySlug.clear();
		byId.clear();
		return new Tenant(new TenantId(id), slug, name, List.copyOf(hosts), publicUrl);
	}

	/** Sets (or with null removes) the address citizens reach the municipality on. */
	void changePublicUrl(TenantId tenant, @Nullable String publicUrl) {
		jdbc.sql("update tenancy.tenant set public_url = ? where id = ?").params(publicUrl, tenant.value()).update();
		byHost.clear();
		bySlug.clear();
		byId.clear();
	}

	private Tenant map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		String[] hosts = (String[]) rs.getArray("hosts").getArray();
		return new Tenant(new TenantId(rs.getObject("id", UUID.class)), rs.getString("slug"), rs.getString("name"),
				Arrays.asList(hosts), rs.getString("public_url"));
	}
}
