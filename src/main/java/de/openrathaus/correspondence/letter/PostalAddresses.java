// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.letter;

import java.util.Optional;

import de.openrathaus.account.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The postal address letters to an account go to. */
@Component
class PostalAddresses {

	private final JdbcClient jdbc;

	PostalAddresses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<PostalAddress> of(AccountId account) {
		return jdbc.sql("select name, addition, street, postal_code, city, country from correspondence.postal_address where account_id = ?")
			.param(account.value())
			.query((rs, row) -> new PostalAddress(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6)))
			.optional();
	}

	void save(AccountId account, PostalAddress address) {
		jdbc.sql("""
				insert into correspondence.postal_address(account_id, name, addition, street, postal_code, city, country) values (?, ?, ?, ?, ?, ?, ?)
				on conflict (tenant_id, account_id) do update set name = excluded.name, addition = excluded.addition, street = excluded.street,
				    postal_code = excluded.postal_code, city = excluded.city, country = excluded.country, updated_at = now()""")
			.params(account.value(), address.name(), address.addition(), address.street(), address.postalCode(), address.city(),
					address.country())
			.update();
	}
}
