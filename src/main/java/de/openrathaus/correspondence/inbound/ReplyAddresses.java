// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.inbound;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.openrathaus.tenancy.Tenants;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each case's reply address: the city's address with a sub-address naming the municipality and a
 * random token (not the reference, which others could guess), e.g.
 * {@code antwort+musterstadt.3f9a…@musterstadt.de}.
 */
@Component
public class ReplyAddresses {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final InboundSettings settings;
	private final Tenants tenants;

	ReplyAddresses(JdbcClient jdbc, InboundSettings settings, Tenants tenants) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.tenants = tenants;
	}

	/** Gives the application its reply address (once; a repeated event changes nothing). */
	public void create(UUID application, String reference) {
		byte[] token = new byte[16];
		RANDOM.nextBytes(token);
		jdbc.sql("insert into correspondence.reply_address(application_id, reference, token) values (?, ?, ?) on conflict do nothing")
			.params(application, reference, HexFormat.of().formatHex(token)).update();
	}

	/** The reply address of the application, when replies by mail are read. */
	public Optional<String> of(UUID application) {
		if (!settings.active()) {
			return Optional.empty();
		}
		return jdbc.sql("select token from correspondence.reply_address where application_id = ?").param(application).query(String.class)
			.optional().map(token -> settings.local() + "+" + tenants.current().slug() + "." + token + "@" + settings.domain());
	}

	/** The municipality slug and token a recipient address names, if it is one of ours. */
	record Target(String municipality, String token) {
	}

	Optional<Target> target(String recipient) {
		Pattern pattern = Pattern.compile("^" + Pattern.quote(settings.local().toLowerCase(Locale.ROOT)) + "\\+([a-z0-9-]+)\\.([0-9a-f]{32})@"
				+ Pattern.quote(settings.domain().toLowerCase(Locale.ROOT)) + "$");
		Matcher matcher = pattern.matcher(recipient.toLowerCase(Locale.ROOT).strip());
		return matcher.matches() ? Optional.of(new Target(matcher.group(1), matcher.group(2))) : Optional.empty();
	}

	/** The application and its reference a token names, in the bound municipality. */
	record Case(UUID application, String reference) {
	}

	Optional<Case> caseOf(String token) {
		return jdbc.sql("select application_id, reference from correspondence.reply_address where token = ?").param(token)
			.query((rs, row) -> new Case(rs.getObject(1, UUID.class), rs.getString(2))).optional();
	}

	Optional<Case> caseByReference(String reference) {
		return jdbc.sql("select application_id, reference from correspondence.reply_address where reference = ?").param(reference.strip())
			.query((rs, row) -> new Case(rs.getObject(1, UUID.class), rs.getString(2))).optional();
	}
}
