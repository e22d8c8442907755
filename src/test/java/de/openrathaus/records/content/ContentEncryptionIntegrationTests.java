// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import de.openrathaus.DogRegistrations;
import de.openrathaus.TestAccounts;
import de.openrathaus.records.config.RecordsSettings;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The e-file's contents are encrypted on disk with the municipality's key; a content stored before
 * encryption is encrypted by the rotation job, and after a new key version is added every content is
 * re-wrapped under it and still reads, through the e-file's own pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ContentEncryptionIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RecordsSettings settings;

	@Autowired
	ContentKeyRotation rotation;

	@Autowired
	ContentStore contents;

	@Autowired
	Tenants tenants;

	@org.springframework.beans.factory.annotation.Value("${openrathaus.encryption.key-directory}")
	Path keyDirectory;

	record Version(UUID id, String sha) {
	}

	@Test
	void contentsAreEncryptedAtRestAndFollowAKeyRotation() throws Exception {
		MockHttpSession citizen = TestAccounts.signIn(mvc, accounts.citizen("Walburga"));
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Xaver", "steuern"));
		String application = DogRegistrations.submittedAndTaken(mvc, citizen, clerk, "Walburga", "276098765400181");
		// the submission is filed a moment after it was made
		List<Version> versions = await().atMost(Duration.ofSeconds(30)).until(() -> TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("""
				select v.id, v.sha256 from records.document_version v join records.document d on d.id = v.document_id
				  join records.record_case c on c.id = d.case_id where c.source = 'application:' || ? order by v.created_at""")
			.param(application).query((rs, row) -> new Version(rs.getObject(1, UUID.class), rs.getString(2))).list()), found -> !found.isEmpty());
		Version version = versions.getFirst();
		Path file = settings.storageDirectory().resolve(accounts.tenant().toString()).resolve(version.sha().substring(0, 2))
			.resolve(version.sha());
		byte[] plaintext = TenantContext.callAs(accounts.tenant(), () -> contents.get(version.sha()));
		assertThat(plaintext).isNotEmpty();
		assertThat(new String(Files.readAllBytes(file), 0, 4, StandardCharsets.ISO_8859_1)).as("stored encrypted").isEqualTo("ORC1");

		// a content from before encryption is read as it is, and the rotation encrypts it
		Files.write(file, plaintext);
		assertThat(TenantContext.callAs(accounts.tenant(), () -> contents.get(version.sha()))).isEqualTo(plaintext);
		rotation.rotateAll(); // (the scheduled run may have come first: what counts is the state after)
		String slug = tenants.byId(accounts.tenant()).orElseThrow().slug();
		Path keyring = keyDirectory.resolve(slug + ".keyring");
		// the keyring is shared by the test contexts, whose tests may have added versions: the newest one encrypts
		int current = Files.readAllLines(keyring).stream().filter(line -> line.matches("\\d+ .*")).mapToInt(line -> Integer.parseInt(line.split(" ")[0]))
			.max().orElseThrow();
		assertThat(ContentCipher.version(Files.readAllBytes(file))).isEqualTo(current);

		// a new key version: the rotation re-wraps every content of the municipality, which still reads
		int next = current + 1;
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		Files.writeString(keyring, Files.readString(keyring) + next + " " + Base64.getEncoder().encodeToString(key) + "\n");
		Files.setLastModifiedTime(keyring, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 10_000));
		rotation.rotateAll();
		assertThat(ContentCipher.version(Files.readAllBytes(file))).isEqualTo(next);
		assertThat(rotation.rotateAll()).as("nothing left to re-wrap in this municipality").isZero();
		mvc.perform(get("/backoffice/akten/version/" + version.id()).session(clerk)).andExpect(status().isOk());
	}
}
