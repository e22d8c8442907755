// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import de.openrathaus.TestAccounts;
import de.openrathaus.account.AccountId;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.files.Envelope;
import de.openrathaus.files.Sha256;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Applications' answers and uploads are sealed at rest with the municipality's key (ADR 38): what was
 * stored before is still read and gets sealed by the rotation job, and a new key version re-wraps both.
 */
@SpringBootTest
class AnswerSealingIntegrationTests {

	@Autowired
	ApplicationStore store;

	@Autowired
	AnswerSealing sealing;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tenants tenants;

	@Value("${openrathaus.encryption.key-directory}")
	Path keyDirectory;

	@Test
	void answersAndUploadsAreSealedReadAndFollowANewKeyVersion() throws Exception {
		UUID citizen = accounts.idOf(accounts.citizen("Yvonne"));
		ApplicationId id = new ApplicationId(UUID.randomUUID());
		byte[] proof = "Nachweis der Haftpflichtversicherung für Yvonne".getBytes(StandardCharsets.UTF_8);
		UUID upload = inTenant(() -> {
			int version = jdbc.sql("select max(version) from procedure.procedure_type_version where type_key = 'hund-anmelden'")
				.query(Integer.class).single();
			store.createDraft(id, new AccountId(citizen), "hund-anmelden", version, new DepartmentCode("steuern"));
			store.updateDraft(id, Applicant.personal(new AccountId(citizen)), Map.of("halter.vorname", "Yvonne"));
			return store.addAttachment(id, null, new NewUpload("nachweise.versicherung", "versicherung.txt", "text/plain", proof)).id();
		});
		assertThat(row("select encode(sealed_data, 'escape') || data::text from procedure.application where id = ?", id.value())).doesNotContain("Yvonne");
		assertThat(row("select encode(content, 'escape') from procedure.attachment where id = ?", upload)).doesNotContain("Yvonne");
		assertThat(inTenant(() -> store.find(id).orElseThrow().data())).containsEntry("halter.vorname", "Yvonne");
		assertThat(inTenant(() -> store.attachmentContent(id, upload).orElseThrow())).isEqualTo(proof);

		// as stored before encryption: still read, then sealed by the job
		inTenant(() -> jdbc.sql("update procedure.application set sealed_data = null, data = '{\"halter.vorname\": \"Yvonne Alt\"}' where id = ?")
			.param(id.value()).update());
		inTenant(() -> jdbc.sql("update procedure.attachment set content = ? where id = ?").params(proof, upload).update());
		assertThat(inTenant(() -> store.find(id).orElseThrow().data())).containsEntry("halter.vorname", "Yvonne Alt");
		assertThat(inTenant(() -> store.attachmentContent(id, upload).orElseThrow())).isEqualTo(proof);
		sealing.sealAll(); // (the scheduled run may have come first: what counts is the state after)
		assertThat(version("select sealed_data from procedure.application where id = ?", id.value())).isPositive();
		assertThat(row("select data::text from procedure.application where id = ?", id.value())).isEqualTo("{}");
		assertThat(version("select content from procedure.attachment where id = ?", upload)).isPositive();
		assertThat(inTenant(() -> store.find(id).orElseThrow().data())).containsEntry("halter.vorname", "Yvonne Alt");

		// a changed upload is refused, never handed out
		byte[] sealed = inTenant(() -> jdbc.sql("select content from procedure.attachment where id = ?").param(upload).query(byte[].class).single());
		int before = Envelope.version(sealed);
		byte[] tampered = sealed.clone();
		tampered[tampered.length - 3] ^= 1;
		inTenant(() -> jdbc.sql("update procedure.attachment set content = ? where id = ?").params(tampered, upload).update());
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> inTenant(() -> store.attachmentContent(id, upload)))
			.isInstanceOf(Envelope.Damaged.class);
		inTenant(() -> jdbc.sql("update procedure.attachment set content = ? where id = ?").params(sealed, upload).update());

		// a new key version: the job re-wraps both under it
		String slug = tenants.byId(accounts.tenant()).orElseThrow().slug();
		Path keyring = keyDirectory.resolve(slug + ".keyring");
		int next = Files.readAllLines(keyring).stream().filter(line -> line.matches("\\d+ .*")).mapToInt(line -> Integer.parseInt(line.split(" ")[0]))
			.max().orElseThrow() + 1;
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		Files.writeString(keyring, Files.readString(keyring) + next + " " + Base64.getEncoder().encodeToString(key) + "\n");
		Files.setLastModifiedTime(keyring, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 20_000));
		sealing.sealAll();
		assertThat(version("select sealed_data from procedure.application where id = ?", id.value())).isEqualTo(next).isGreaterThan(before);
		assertThat(version("select content from procedure.attachment where id = ?", upload)).isEqualTo(next);
		assertThat(Sha256.hex(inTenant(() -> store.attachmentContent(id, upload).orElseThrow()))).isEqualTo(Sha256.hex(proof));
	}

	private <T> T inTenant(java.util.concurrent.Callable<T> work) {
		return TenantContext.callAs(accounts.tenant(), () -> {
			try {
				return work.call();
			}
			catch (Exception e) {
				throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
			}
		});
	}

	private String row(String sql, UUID id) {
		return inTenant(() -> jdbc.sql(sql).param(id).query(String.class).single());
	}

	private int version(String sql, UUID id) {
		return Envelope.version(inTenant(() -> jdbc.sql(sql).param(id).query(byte[].class).single()));
	}
}
