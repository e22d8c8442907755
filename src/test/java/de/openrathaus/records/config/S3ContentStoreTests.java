// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Properties;

import de.openrathaus.files.Envelope;
import de.openrathaus.files.Keyrings;
import de.openrathaus.records.content.ContentCipher;
import de.openrathaus.records.content.S3ContentStore;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.TenantId;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 content store against a real S3 server (S3Proxy, started here): stored once, checked on read. */
class S3ContentStoreTests {

	static S3Proxy proxy;
	static BlobStoreContext context;
	static S3Client client;
	static final TenantId CITY = new TenantId(java.util.UUID.randomUUID());

	@org.junit.jupiter.api.io.TempDir
	java.nio.file.Path keys;

	@BeforeAll
	static void startS3() throws Exception {
		context = ContextBuilder.newBuilder("transient").credentials("identity", "credential").overrides(new Properties())
			.build(BlobStoreContext.class);
		BlobStore blobs = context.getBlobStore();
		blobs.createContainerInLocation(null, "akten");
		proxy = S3Proxy.builder().blobStore(blobs).endpoint(URI.create("http://127.0.0.1:0"))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "zugang", "geheimnis-geheimnis").build();
		proxy.start();
		while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
			Thread.sleep(10);
		}
		client = RecordsConfiguration.s3(new RecordsSettings.S3("http://127.0.0.1:" + proxy.getPort(), "eu-central-1", "akten", "zugang",
				"geheimnis-geheimnis"));
	}

	@AfterAll
	static void stopS3() throws Exception {
		if (client != null) {
			client.close();
		}
		if (proxy != null) {
			proxy.stop();
		}
		if (context != null) {
			context.close();
		}
	}

	@Test
	void storesOnceReadsCheckedAndDeletes() {
		S3ContentStore store = new S3ContentStore(client, "akten", new ContentCipher(new Envelope(new Keyrings(keys, tenant -> "musterstadt"))));
		byte[] content = "Bescheid über die Hundesteuer".getBytes();
		String sha = TenantContext.callAs(CITY, () -> store.put(content));
		assertThat(TenantContext.callAs(CITY, () -> store.put(content))).isEqualTo(sha);
		assertThat(TenantContext.callAs(CITY, () -> store.get(sha))).isEqualTo(content);
		assertThat(client.listObjectsV2(list -> list.bucket("akten").prefix(CITY + "/")).keyCount()).isOne();
		// what the object store holds is encrypted
		String stored = new String(client.getObjectAsBytes(get -> get.bucket("akten").key(CITY + "/" + sha)).asByteArray(),
				java.nio.charset.StandardCharsets.ISO_8859_1);
		assertThat(stored).startsWith("ORC1").doesNotContain("Hundesteuer");
		assertThat(TenantContext.callAs(CITY, () -> store.rewrap(sha))).as("already under the current key").isFalse();

		client.putObject(put -> put.bucket("akten").key(CITY + "/" + sha), RequestBody.fromBytes("gefälscht".getBytes()));
		assertThatThrownBy(() -> TenantContext.callAs(CITY, () -> store.get(sha))).hasMessageContaining("does not match its hash");

		TenantContext.runAs(CITY, () -> store.delete(sha));
		assertThat(client.listObjectsV2(list -> list.bucket("akten").prefix(CITY + "/")).keyCount()).isZero();
	}
}
