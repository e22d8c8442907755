// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.delivery;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.account.AccountId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The channel an answer goes out on (§ 4 (1) EGovG NRW): the one the citizen chose for the
 * application, else the account's preferred one, else the one the application came in on. A
 * channel that cannot reach the account (no key, address or mailbox on file, or not offered by
 * this installation) gives way to the portal mailbox, which reaches everyone.
 */
@Component
public class ChannelPreferences {

	private final JdbcClient jdbc;
	private final Map<ChannelKind, DeliveryChannel> channels = new EnumMap<>(ChannelKind.class);

	ChannelPreferences(JdbcClient jdbc, List<DeliveryChannel> channels) {
		this.jdbc = jdbc;
		channels.forEach(c -> this.channels.put(c.kind(), c));
	}

	/** Whether this installation offers the channel at all (the portal mailbox always). */
	public boolean offered(ChannelKind kind) {
		return kind == ChannelKind.PORTAL || channels.containsKey(kind);
	}

	/** Whether the channel can reach the account now. */
	public boolean reaches(ChannelKind kind, AccountId account) {
		return kind == ChannelKind.PORTAL || (channels.containsKey(kind) && channels.get(kind).reaches(account));
	}

	Optional<DeliveryChannel> channel(ChannelKind kind) {
		return Optional.ofNullable(channels.get(kind));
	}

	/** The account's preferred channel; the portal mailbox when it chose none. */
	public ChannelKind preferred(AccountId account) {
		return jdbc.sql("select channel from correspondence.channel_preference where account_id = ?").param(account.value())
			.query(String.class).optional().map(ChannelKind::valueOf).orElse(ChannelKind.PORTAL);
	}

	/** Sets the account's preferred channel; refuses one this installation does not offer. */
	public void prefer(AccountId account, ChannelKind kind) {
		if (!offered(kind)) {
			throw new IllegalArgumentException("Channel not offered: " + kind);
		}
		jdbc.sql("""
				insert into correspondence.channel_preference(account_id, channel) values (?, ?)
				on conflict (tenant_id, account_id) do update set channel = excluded.channel, updated_at = now()""")
			.params(account.value(), kind.name()).update();
	}

	/** Records the channel an application came in on (once; a repeated event changes nothing). */
	public void intake(UUID application, @Nullable String reference, AccountId account, ChannelKind kind) {
		jdbc.sql("insert into correspondence.application_channel(application_id, reference, account_id, intake_channel) values (?, ?, ?, ?) "
				+ "on conflict (tenant_id, application_id) do nothing")
			.params(application, reference, account.value(), kind.name()).update();
	}

	/** An application of the account and the channel chosen for its answer (null: the account's preferred one). */
	public record ApplicationChoice(UUID application, @Nullable String reference, ChannelKind intake, @Nullable ChannelKind reply) {
	}

	public List<ApplicationChoice> applicationsOf(AccountId account) {
		return jdbc.sql("select application_id, reference, intake_channel, reply_channel from correspondence.application_channel "
				+ "where account_id = ? order by reference desc nulls last")
			.param(account.value())
			.query((rs, row) -> new ApplicationChoice(rs.getObject(1, UUID.class), rs.getString(2), ChannelKind.valueOf(rs.getString(3)),
					rs.getString(4) == null ? null : ChannelKind.valueOf(rs.getString(4))))
			.list();
	}

	/**
	 * Chooses the channel for one application's answer (null: the account's preferred one); only the
	 * account's own applications, only channels offered. False when the application is not theirs.
	 */
	public boolean chooseFor(AccountId account, UUID application, @Nullable ChannelKind kind) {
		if (kind != null && !offered(kind)) {
			throw new IllegalArgumentException("Channel not offered: " + kind);
		}
		return jdbc.sql("update correspondence.application_channel set reply_channel = ? where application_id = ? and account_id = ?")
			.params(kind == null ? null : kind.name(), application, account.value()).update() > 0;
	}

	/** The channel the answer to an application goes out on, after the rule above. */
	public Choice forAnswer(AccountId account, @Nullable UUID application) {
		ChannelKind wanted = chosenFor(application).orElseGet(() -> {
			ChannelKind preferred = preferred(account);
			if (preferred != ChannelKind.PORTAL || application == null) {
				return preferred;
			}
			return intakeOf(application).orElse(ChannelKind.PORTAL);
		});
		return reaches(wanted, account) ? new Choice(wanted, wanted) : new Choice(wanted, ChannelKind.PORTAL);
	}

	private Optional<ChannelKind> chosenFor(@Nullable UUID application) {
		if (application == null) {
			return Optional.empty();
		}
		return jdbc.sql("select reply_channel from correspondence.application_channel where application_id = ? and reply_channel is not null")
			.param(application).query(String.class).optional().map(ChannelKind::valueOf);
	}

	private Optional<ChannelKind> intakeOf(UUID application) {
		return jdbc.sql("select intake_channel from correspondence.application_channel where application_id = ?")
			.param(application).query(String.class).optional().map(ChannelKind::valueOf);
	}

	/**
	 * @param wanted the channel the rule names
	 * @param used   the channel the answer actually goes on (the portal mailbox when the wanted one cannot reach the account)
	 */
	public record Choice(ChannelKind wanted, ChannelKind used) {
	}
}
