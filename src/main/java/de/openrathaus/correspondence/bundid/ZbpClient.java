// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.bundid;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the ZBP's REST interface for messages (version 6), after what the public
 * integration tests against its test environment show: {@code PUT /v6/mailbox/messages} as
 * multipart form data with a part {@code json} holding the message JSON as a string
 * ({@code content}) and its signature ({@code sha512sum}: RSA with SHA-512 over exactly those bytes,
 * Base64), and one part {@code files} per attachment, each listed in the message with its name,
 * SHA-512 (hex) and length. The request carries the procedure's client certificate (TLS) and a
 * bearer token the procedure signs itself (JWT, RS512, one hour, {@code signer} and role
 * {@code THIRD_PARTY}). Every call has a connect and a total timeout and follows no redirect.
 */
final class ZbpClient {

	static final String MESSAGES = "/v6/mailbox/messages";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** One message for a citizen's mailbox. */
	record Message(UUID mailbox, int trustLevel, String sender, String title, String content, String service, @Nullable String reference,
			@Nullable UUID application, @Nullable String replyAddress, List<Attachment> attachments) {
	}

	record Attachment(String filename, String mediaType, byte[] content) {
	}

	/** What the ZBP answered. */
	record Answer(int status, String body) {

		/**
		 * The message's identifier in the mailbox, for the delivery's carrier reference: the ZBP answers a send with
		 * {@code {"mailboxHandle": …, "messageId": <number>, "messageUuid": "…"}}; the UUID is the stable one, the number
		 * is taken where an older ZBP gives only that. Empty for an answer that is not such an object.
		 */
		Optional<String> messageReference() {
			try {
				JsonNode answer = JSON.readTree(body);
				for (String field : List.of("messageUuid", "messageId")) {
					JsonNode value = answer.path(field);
					if ((value.isString() || value.isIntegralNumber()) && !value.asString().isBlank() && value.asString().length() <= 80) {
						return Optional.of(value.asString());
					}
				}
				return Optional.empty();
			}
			catch (RuntimeException unreadable) {
				return Optional.empty();
			}
		}
	}

	private final BundIdMailboxSettings settings;
	private final HttpClient http;
	private final PrivateKey key;

	ZbpClient(BundIdMailboxSettings settings) {
		this.settings = settings;
		try {
			char[] password = settings.clientKeystorePassword() == null ? new char[0] : settings.clientKeystorePassword().toCharArray();
			KeyStore keystore = KeyStore.getInstance("PKCS12");
			try (InputStream in = Files.newInputStream(settings.clientKeystore())) {
				keystore.load(in, password);
			}
			String alias = java.util.Collections.list(keystore.aliases()).stream().filter(a -> isKey(keystore, a)).findFirst()
				.orElseThrow(() -> new IllegalStateException("no private key in " + settings.clientKeystore()));
			this.key = (PrivateKey) keystore.getKey(alias, password);
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(keystore, password);
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			if (settings.trustAnchors() == null) {
				trust.init((KeyStore) null);
			}
			else {
				KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
				anchors.load(null, null);
				int i = 0;
				try (InputStream in = Files.newInputStream(settings.trustAnchors())) {
					for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
						anchors.setCertificateEntry("zbp-" + i++, certificate);
					}
				}
				trust.init(anchors);
			}
			SSLContext tls = SSLContext.getInstance("TLS");
			tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
			this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(settings.connectTimeout())
				.followRedirects(HttpClient.Redirect.NEVER).build();
		}
		catch (Exception e) {
			throw new IllegalStateException("openrathaus.bundid-mailbox: cannot use the client keystore " + settings.clientKeystore()
					+ " or the trust anchors " + settings.trustAnchors() + " (" + e.getClass().getSimpleName() + ")", e);
		}
	}

	private static boolean isKey(KeyStore keystore, String alias) {
		try {
			return keystore.isKeyEntry(alias);
		}
		catch (Exception e) {
			return false;
		}
	}

	Answer send(Message message, Instant now) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("mailboxUuid", message.mailbox().toString());
		body.put("stork_qaa_level", message.trustLevel());
		body.put("sender", message.sender());
		body.put("title", message.title());
		body.put("content", message.content());
		body.put("service", message.service());
		body.put("reference", message.reference());
		body.put("applicationId", message.application() == null ? null : message.application().toString());
		body.put("replyAddress", message.replyAddress());
		List<Map<String, Object>> listed = new ArrayList<>();
		for (Attachment attachment : message.attachments()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("filename", attachment.filename());
			entry.put("sha512sum", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(attachment.content())));
			entry.put("contentLength", attachment.content().length);
			listed.add(entry);
		}
		body.put("attachments", listed);
		String content = JSON.writeValueAsString(body);
		String json = JSON.writeValueAsString(Map.of("content", content, "sha512sum",
				Base64.getEncoder().encodeToString(sign(content.getBytes(StandardCharsets.UTF_8)))));

		String boundary = "openrathaus-" + UUID.randomUUID();
		ByteArrayOutputStream form = new ByteArrayOutputStream();
		part(form, boundary, "json", null, "application/json", json.getBytes(StandardCharsets.UTF_8));
		for (Attachment attachment : message.attachments()) {
			part(form, boundary, "files", attachment.filename(), attachment.mediaType(), attachment.content());
		}
		form.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));

		HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl().replaceAll("/+$", "") + MESSAGES))
			.timeout(settings.readTimeout())
			.header("Authorization", "Bearer " + token(now))
			.header("Accept", "application/json")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray()))
			.build();
		HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream in = response.body()) {
			byte[] answer = in.readNBytes(64 * 1024);
			return new Answer(response.statusCode(), new String(answer, StandardCharsets.UTF_8));
		}
	}

	/** The bearer token: a JWT the procedure signs with its own key. */
	String token(Instant now) throws Exception {
		String header = base64Url("{\"typ\":\"JWT\",\"alg\":\"RS512\"}".getBytes(StandardCharsets.UTF_8));
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iat", now.getEpochSecond());
		claims.put("exp", now.plusSeconds(3600).getEpochSecond());
		claims.put("signer", settings.signer());
		claims.put("roles", List.of("THIRD_PARTY"));
		String payload = base64Url(JSON.writeValueAsBytes(claims));
		byte[] signature = sign((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
		return header + "." + payload + "." + base64Url(signature);
	}

	private byte[] sign(byte[] data) throws Exception {
		Signature rsa = Signature.getInstance("SHA512withRSA");
		rsa.initSign(key);
		rsa.update(data);
		return rsa.sign();
	}

	private static String base64Url(byte[] data) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
	}

	private static void part(ByteArrayOutputStream form, String boundary, String name, @Nullable String filename, String type, byte[] content) {
		StringBuilder head = new StringBuilder("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name).append('"');
		if (filename != null) {
			head.append("; filename=\"").append(filename.replaceAll("[\"\\\\\\r\\n]", "_")).append('"');
		}
		head.append("\r\nContent-Type: ").append(type).append("\r\n\r\n");
		form.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
		form.writeBytes(content);
		form.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
	}
}
