// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.openrathaus.files.Filenames;
import de.openrathaus.personaldata.Erasure;
import de.openrathaus.personaldata.PersonalData;
import de.openrathaus.personaldata.PersonalDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messages in the account's mailbox (with their documents), every delivery on every channel, the
 * chosen channels, the postal and De-Mail addresses and the encryption keys (kind, fingerprint, expiry).
 */
@Component
class CorrespondencePersonalData implements PersonalDataSource {

	private final JdbcClient jdbc;

	CorrespondencePersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public PersonalData about(UUID account) {
		List<PersonalData.Entry> entries = new ArrayList<>();
		List<PersonalData.File> files = new ArrayList<>();
		jdbc.sql("""
				select id, reference, subject, body, made_available_at, first_opened_at, document_name, document_type, document
				  from correspondence.mailbox_message where account_id = ? order by made_available_at""")
			.param(account)
			.query(rs -> {
				String document = rs.getString(7);
				entries.add(PersonalData.Entry.of("mailboxMessage", "reference", rs.getString(2), "subjectLine", rs.getString(3),
						"text", rs.getString(4), "madeAvailableAt", PersonalData.time(rs.getTimestamp(5)), "firstOpenedAt", PersonalData.time(rs.getTimestamp(6)), "document", document));
				byte[] content = rs.getBytes(9);
				if (document != null && content != null) {
					files.add(new PersonalData.File("postfach/" + rs.getObject(1, UUID.class) + "/" + Filenames.clean(document),
							rs.getString(8), content));
				}
			});
		entries.addAll(jdbc.sql("""
				select reference, channel, status, subject, created_at, sent_at, delivered_at, opened_at, failed_at, reason
				  from correspondence.delivery where account_id = ? order by created_at""")
			.param(account)
			.query((rs, row) -> PersonalData.Entry.of("delivery", "reference", rs.getString(1), "channel", rs.getString(2),
					"status", rs.getString(3), "subjectLine", rs.getString(4), "createdAt", PersonalData.time(rs.getTimestamp(5)), "sentAt", PersonalData.time(rs.getTimestamp(6)),
					"deliveredAt", PersonalData.time(rs.getTimestamp(7)), "openedAt", PersonalData.time(rs.getTimestamp(8)), "failedAt", PersonalData.time(rs.getTimestamp(9)), "reason", rs.getString(10)))
			.list());
		entries.addAll(jdbc.sql("select channel, updated_at from correspondence.channel_preference where account_id = ?").param(account)
			.query((rs, row) -> PersonalData.Entry.of("preferredChannel", "channel", rs.getString(1), "updatedAt", PersonalData.time(rs.getTimestamp(2)))).list());
		entries.addAll(jdbc.sql("select reference, intake_channel, reply_channel from correspondence.application_channel where account_id = ?")
			.param(account)
			.query((rs, row) -> PersonalData.Entry.of("applicationChannel", "reference", rs.getString(1), "intakeChannel", rs.getString(2),
					"replyChannel", rs.getString(3)))
			.list());
		entries.addAll(jdbc.sql("""
				select name, addition, street, postal_code, city, country, updated_at from correspondence.postal_address where account_id = ?""")
			.param(account)
			.query((rs, row) -> PersonalData.Entry.of("postalAddress", "name", rs.getString(1), "addition", rs.getString(2),
					"street", rs.getString(3), "postalCode", rs.getString(4), "city", rs.getString(5), "country", rs.getString(6),
					"updatedAt", PersonalData.time(rs.getTimestamp(7))))
			.list());
		entries.addAll(jdbc.sql("select address, updated_at from correspondence.de_mail_address where account_id = ?").param(account)
			.query((rs, row) -> PersonalData.Entry.of("deMailAddress", "address", rs.getString(1), "updatedAt", PersonalData.time(rs.getTimestamp(2)))).list());
		entries.addAll(jdbc.sql("select kind, fingerprint, expires_at, stored_at from correspondence.mail_key where account_id = ?").param(account)
			.query((rs, row) -> PersonalData.Entry.of("encryptionKey", "kind", rs.getString(1), "fingerprint", rs.getString(2),
					"expiresAt", PersonalData.time(rs.getTimestamp(3)), "storedAt", PersonalData.time(rs.getTimestamp(4))))
			.list());
		return new PersonalData("correspondence", entries, files);
	}

	/**
	 * The mailbox's copies, the chosen channels, the addresses, the keys and the reply addresses of the
	 * person's applications go. Deliveries stay with the letters sent: they prove that and when a notice
	 * was made known (§ 41 VwVfG), which decides when it became final; so do mails received for an
	 * application, which were filed in its case. A message still waiting to go out stands in the way.
	 */
	@Override
	@Transactional
	public Erasure erase(UUID account, Mode mode) {
		Erasure.Builder answer = Erasure.of("correspondence");
		jdbc.sql("select reference from correspondence.delivery where account_id = ? and status = 'QUEUED' order by created_at")
			.param(account)
			.query((rs, row) -> rs.getString(1))
			.list()
			.forEach(reference -> answer.blocking("delivery", reference, "deliveryPending"));
		answer.removed("mailboxMessage", count("select count(*) from correspondence.mailbox_message where account_id = ?", account))
			.removed("preferredChannel", count("select count(*) from correspondence.channel_preference where account_id = ?", account))
			.removed("applicationChannel", count("select count(*) from correspondence.application_channel where account_id = ?", account))
			.removed("postalAddress", count("select count(*) from correspondence.postal_address where account_id = ?", account))
			.removed("deMailAddress", count("select count(*) from correspondence.de_mail_address where account_id = ?", account))
			.removed("encryptionKey", count("select count(*) from correspondence.mail_key where account_id = ?", account))
			.removed("replyAddress", count("""
					select count(*) from correspondence.reply_address r
					 where r.application_id in (select application_id from correspondence.application_channel where account_id = ?)""", account));
		answer.kept("delivery", count("select count(*) from correspondence.delivery where account_id = ? and status <> 'QUEUED'", account), null,
				"proofOfDelivery")
			.kept("letter", count("""
					select count(*) from correspondence.letter l join correspondence.delivery d on d.id = l.id where d.account_id = ?""", account),
					null, "proofOfDelivery")
			.kept("inboundMessage", count("""
					select count(*) from correspondence.inbound_message m
					 where m.application_id in (select application_id from correspondence.application_channel where account_id = ?)""", account),
					null, "filedInCase");
		if (mode == Mode.CARRY_OUT) {
			jdbc.sql("""
					delete from correspondence.reply_address
					 where application_id in (select application_id from correspondence.application_channel where account_id = ?)""")
				.param(account).update();
			for (String table : new String[] { "mailbox_message", "channel_preference", "application_channel", "postal_address", "de_mail_address",
					"mail_key" }) {
				jdbc.sql("delete from correspondence." + table + " where account_id = ?").param(account).update();
			}
		}
		return answer.build();
	}

	private int count(String sql, UUID account) {
		return jdbc.sql(sql).param(account).query(Integer.class).single();
	}
}
