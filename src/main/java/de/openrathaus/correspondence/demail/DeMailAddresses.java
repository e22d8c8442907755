// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.demail;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import de.openrathaus.account.AccountId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The De-Mail address a citizen stored for answers on that channel. */
@Component
public class DeMailAddresses {

	static final int MAX_LENGTH = 254;

	private final JdbcClient jdbc;

	DeMailAddresses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<String> of(AccountId account) {
		return jdbc.sql("select address from correspondence.de_mail_address where account_id = ?").param(account.value())
			.query(String.class).optional();
	}

	void save(AccountId account, String address) {
		jdbc.sql("""
				insert into correspondence.de_mail_address(account_id, address) values (?, ?)
				on conflict (tenant_id, account_id) do update set address = excluded.address, updated_at = now()""")
			.params(account.value(), address).update();
	}

	void remove(AccountId account) {
		jdbc.sql("delete from correspondence.de_mail_address where account_id = ?").param(account.value()).update();
	}

	/** An address as entered, checked: the address, or the message key of what is wrong with it. */
	record Checked(@Nullable String address, @Nullable String error) {
	}

	/** One plain address (no name, no list) in one of the De-Mail domains; lower case. */
	static Checked check(@Nullable String entered, List<String> domains) {
		String value = entered == null ? "" : entered.strip();
		if (value.isEmpty()) {
			return new Checked(null, "demail.address.missing");
		}
		if (value.length() > MAX_LENGTH || value.contains(",") || value.contains("<") || value.chars().anyMatch(Character::isWhitespace)) {
			return new Checked(null, "demail.address.invalid");
		}
		try {
			InternetAddress parsed = new InternetAddress(value, true);
			parsed.validate();
			String address = parsed.getAddress().toLowerCase(Locale.ROOT);
			String domain = address.substring(address.lastIndexOf('@') + 1);
			boolean deMail = domains.stream().map(d -> d.toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""))
				.anyMatch(d -> domain.equals(d) || domain.endsWith("." + d));
			return deMail ? new Checked(address, null) : new Checked(null, "demail.address.notDeMail");
		}
		catch (AddressException e) {
			return new Checked(null, "demail.address.invalid");
		}
	}
}
