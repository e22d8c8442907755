// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.bundid;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the ZBP's message interface on loopback and enforces its protocol as the public
 * integration tests show it: TLS with a client certificate it knows, a bearer token (RS512) signed
 * by that certificate's key, not expired, with the registered signer and the role THIRD_PARTY;
 * {@code PUT /v6/mailbox/messages} as multipart with the message JSON and its SHA-512 RSA
 * signature, the mailbox known, the fields within their lengths, and each listed attachment present
 * with its SHA-512 and length. Written apart from the platform's client (its own multipart and JWT
 * parsing).
 */
final class ZbpStandIn implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record Received(UUID mailbox, int level, String sender, String title, String content, String service, String reference,
			List<String> files, Map<String, byte[]> contents, UUID messageUuid) {
	}

	final List<Received> received = new CopyOnWriteArrayList<>();
	final Set<UUID> mailboxes = ConcurrentHashMap.newKeySet();
	final AtomicInteger refusals = new AtomicInteger();
	volatile boolean down;

	private final HttpsServer server;
	private final X509Certificate client;
	private final String signer;

	ZbpStandIn(KeyStore serverKeys, char[] password, X509Certificate clientCa, X509Certificate client, String signer) throws Exception {
		this.client = client;
		this.signer = signer;
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(serverKeys, password);
		KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
		trusted.load(null, null);
		trusted.setCertificateEntry("bpki", clientCa);
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext tls = SSLContext.getInstance("TLS");
		tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
		server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setHttpsConfigurator(new HttpsConfigurator(tls) {
			@Override
			public void configure(HttpsParameters parameters) {
				SSLParameters ssl = tls.getDefaultSSLParameters();
				ssl.setNeedClientAuth(true);
				parameters.setSSLParameters(ssl);
			}
		});
		server.createContext("/v6/mailbox/messages", this::messages);
		server.start();
	}

	String url() {
		return "https://127.0.0.1:" + server.getAddress().getPort();
	}

	private void messages(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (down) {
				answer(exchange, 503, "{\"error\":\"maintenance\"}");
				return;
			}
			if (!"PUT".equals(exchange.getRequestMethod())) {
				answer(exchange, 405, "{\"error\":\"method\"}");
				return;
			}
			SSLSession session = ((HttpsExchange) exchange).getSSLSession();
			Certificate[] peer = session.getPeerCertificates();
			if (peer.length == 0 || !peer[0].equals(client)) {
				answer(exchange, 403, "{\"error\":\"client certificate\"}");
				return;
			}
			if (!tokenValid(exchange.getRequestHeaders().getFirst("Authorization"))) {
				answer(exchange, 401, "{\"error\":\"token\"}");
				return;
			}
			String type = exchange.getRequestHeaders().getFirst("Content-Type");
			if (type == null || !type.startsWith("multipart/form-data; boundary=")) {
				answer(exchange, 415, "{\"error\":\"multipart expected\"}");
				return;
			}
			byte[] body = exchange.getRequestBody().readNBytes(20 * 1024 * 1024);
			List<Part> parts = parts(body, type.substring(type.indexOf("boundary=") + 9));
			Part jsonPart = parts.stream().filter(p -> p.name().equals("json")).findFirst().orElse(null);
			if (jsonPart == null) {
				refuse(exchange, "json part missing");
				return;
			}
			JsonNode envelope = JSON.readTree(jsonPart.content());
			String content = envelope.path("content").asString();
			byte[] signature = Base64.getDecoder().decode(envelope.path("sha512sum").asString());
			Signature rsa = Signature.getInstance("SHA512withRSA");
			rsa.initVerify(client.getPublicKey());
			rsa.update(content.getBytes(StandardCharsets.UTF_8));
			if (!rsa.verify(signature)) {
				refuse(exchange, "message signature invalid");
				return;
			}
			JsonNode message = JSON.readTree(content);
			UUID mailbox = UUID.fromString(message.path("mailboxUuid").asString());
			if (!mailboxes.contains(mailbox)) {
				refusals.incrementAndGet();
				answer(exchange, 404, "{\"error\":\"mailbox unknown\"}");
				return;
			}
			int level = message.path("stork_qaa_level").asInt();
			String sender = message.path("sender").asString();
			String title = message.path("title").asString();
			String text = message.path("content").asString();
			String service = message.path("service").asString();
			if (level < 1 || level > 4 || sender.isEmpty() || sender.length() > 255 || title.isEmpty() || title.length() > 1024
					|| service.isEmpty() || service.length() > 255 || text.length() > 1024 * 1024) {
				refuse(exchange, "field out of range");
				return;
			}
			List<String> files = new ArrayList<>();
			Map<String, byte[]> contents = new ConcurrentHashMap<>();
			for (JsonNode listed : message.path("attachments")) {
				String name = listed.path("filename").asString();
				Part file = parts.stream().filter(p -> p.name().equals("files") && name.equals(p.filename())).findFirst().orElse(null);
				if (file == null || file.content().length != listed.path("contentLength").asInt() || !HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-512").digest(file.content())).equals(listed.path("sha512sum").asString())) {
					refuse(exchange, "attachment does not match its listing: " + name);
					return;
				}
				files.add(name);
				contents.put(name, file.content());
			}
			UUID messageUuid = UUID.randomUUID();
			received.add(new Received(mailbox, level, sender, title, text, service, message.path("reference").asString(), files, contents, messageUuid));
			answer(exchange, 200, "{\"mailboxHandle\":\"" + mailbox + "\",\"messageId\":" + received.size() + ",\"messageUuid\":\"" + messageUuid + "\"}");
		}
		catch (Exception e) {
			answer(exchange, 400, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
		}
	}

	private boolean tokenValid(String authorization) throws Exception {
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			return false;
		}
		String[] jwt = authorization.substring(7).split("\\.");
		if (jwt.length != 3) {
			return false;
		}
		JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
		JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
		Signature rsa = Signature.getInstance("SHA512withRSA");
		rsa.initVerify(client.getPublicKey());
		rsa.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
		long now = Instant.now().getEpochSecond();
		boolean thirdParty = false;
		for (JsonNode role : claims.path("roles")) {
			thirdParty |= "THIRD_PARTY".equals(role.asString());
		}
		return "RS512".equals(header.path("alg").asString()) && rsa.verify(Base64.getUrlDecoder().decode(jwt[2]))
				&& claims.path("exp").asLong() > now && claims.path("iat").asLong() <= now + 60 && signer.equals(claims.path("signer").asString())
				&& thirdParty;
	}

	private void refuse(HttpExchange exchange, String why) throws IOException {
		refusals.incrementAndGet();
		answer(exchange, 400, "{\"error\":\"" + why + "\"}");
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	record Part(String name, String filename, byte[] content) {
	}

	/** A plain multipart/form-data reader: parts between boundary lines, headers until the empty line. */
	static List<Part> parts(byte[] body, String boundary) {
		byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
		List<Part> parts = new ArrayList<>();
		int at = indexOf(body, delimiter, 0);
		while (at >= 0) {
			int start = at + delimiter.length;
			if (start + 2 <= body.length && body[start] == '-' && body[start + 1] == '-') {
				break;
			}
			start += 2; // CRLF after the boundary
			int next = indexOf(body, delimiter, start);
			if (next < 0) {
				break;
			}
			int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), start);
			String headers = new String(body, start, headerEnd - start, StandardCharsets.UTF_8);
			byte[] content = java.util.Arrays.copyOfRange(body, headerEnd + 4, next - 2);
			String name = attribute(headers, "name");
			String filename = attribute(headers, "filename");
			parts.add(new Part(name == null ? "" : name, filename, content));
			at = next;
		}
		return parts;
	}

	private static String attribute(String headers, String attribute) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("[; ]" + attribute + "=\"([^\"]*)\"").matcher(headers);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static int indexOf(byte[] data, byte[] pattern, int from) {
		outer:
		for (int i = from; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
