// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.demail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Checks the attestation a De-Mail provider puts on every message it carries (BSI TR-01201 part
 * 3.4, section 3.1.21): the header {@code X-de-mail-integrity} holds a DKIM-style record (RFC 6376,
 * canonicalisation simple/simple) over the named header fields and the body, signed with the key of
 * the certificate in {@code X-de-mail-signature-certificate}, or, for messages the provider did not
 * sign, just the hash. The certificate comes from the message, never from DNS, and must chain to a
 * trust anchor the operator configured. Of headers that occur twice the first from the top counts.
 * Pure: no network, no clock of its own.
 */
public final class DeMailAttestation {

	/** The header fields every attestation must cover: without them it says nothing about who sent what. */
	static final List<String> REQUIRED_COVERAGE = List.of("from", "subject", "x-de-mail-sender", "x-de-mail-message-type",
			"x-de-mail-message-id");

	private static final Pattern SIGNATURE_VALUE = Pattern.compile("([:;][ \\t\\r\\n]*b[ \\t\\r\\n]*=)[^;]*");

	private DeMailAttestation() {
	}

	/** What the check found. */
	public sealed interface Result {
	}

	/** No De-Mail header at all: an ordinary mail. */
	public record Absent() implements Result {
	}

	/**
	 * De-Mail headers that do not hold up.
	 *
	 * @param reason the message key of the reason, for the triage list
	 * @param detail what the reason names (an algorithm, the fields left out), if anything
	 */
	public record Rejected(String reason, @Nullable String detail) implements Result {

		Rejected(String reason) {
			this(reason, null);
		}
	}

	/**
	 * A message whose attestation holds.
	 *
	 * @param signer the subject of the provider's signing certificate; null when the provider only hashed the message
	 * @param fields the first value of each header field, unfolded, by lower-case name
	 */
	public record Attested(@Nullable String signer, Map<String, String> fields) implements Result {

		public Optional<String> field(String name) {
			return Optional.ofNullable(fields.get(name.toLowerCase(Locale.ROOT)));
		}

		public String messageType() {
			return field("x-de-mail-message-type").orElse("normal");
		}

		public boolean authoritative() {
			return "yes".equals(field("x-de-mail-authoritative").orElse("no"));
		}

		public boolean signed() {
			return signer != null;
		}
	}

	public static Result check(byte[] message, List<X509Certificate> anchors, Instant now) {
		byte[] raw = crlf(message);
		int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		String head = new String(raw, 0, end < 0 ? raw.length : end, StandardCharsets.ISO_8859_1);
		byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
		Map<String, String> fieldsRaw = new LinkedHashMap<>();
		for (String field : fields(head)) {
			int colon = field.indexOf(':');
			if (colon > 0) {
				fieldsRaw.putIfAbsent(field.substring(0, colon).strip().toLowerCase(Locale.ROOT), field);
			}
		}
		if (fieldsRaw.keySet().stream().noneMatch(n -> n.startsWith("x-de-mail-"))) {
			return new Absent();
		}
		String integrity = fieldsRaw.get("x-de-mail-integrity");
		if (integrity == null) {
			return new Rejected("demail.check.noIntegrity");
		}
		Map<String, String> tags = tags(value(integrity));
		String canonicalisation = tags.getOrDefault("c", "simple/simple");
		if (!"simple/simple".equals(canonicalisation) && !"simple".equals(canonicalisation)) {
			return new Rejected("demail.check.canonicalisation", canonicalisation);
		}
		if (tags.containsKey("l")) {
			tags.remove("l"); // TR-01201: a body length is ignored, the whole body counts
		}
		String algorithm = tags.getOrDefault("a", "");
		String[] parts = algorithm.split("/", 2);
		String digest = switch (parts[0]) {
			case "sha256" -> "SHA-256";
			case "sha384" -> "SHA-384";
			case "sha512" -> "SHA-512";
			default -> null;
		};
		if (digest == null) {
			return new Rejected("demail.check.algorithm", algorithm);
		}
		List<String> covered = List.of(tags.getOrDefault("h", "").toLowerCase(Locale.ROOT).split(":")).stream().map(String::strip)
			.filter(s -> !s.isEmpty()).toList();
		List<String> missing = REQUIRED_COVERAGE.stream().filter(n -> !covered.contains(n)).toList();
		if (!missing.isEmpty()) {
			return new Rejected("demail.check.coverage", String.join(", ", missing));
		}
		if (covered.contains("x-de-mail-integrity")) {
			return new Rejected("demail.check.selfCovered");
		}
		try {
			byte[] bodyHash = MessageDigest.getInstance(digest).digest(simpleBody(body));
			if (!MessageDigest.isEqual(bodyHash, base64(tags.get("bh")))) {
				return new Rejected("demail.check.body");
			}
			ByteArrayOutputStream signed = new ByteArrayOutputStream();
			for (String name : covered) {
				String field = fieldsRaw.get(name);
				if (field != null) {
					signed.writeBytes((field + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
				}
			}
			signed.writeBytes(withoutSignatureValue(integrity).getBytes(StandardCharsets.ISO_8859_1));
			byte[] data = signed.toByteArray();
			byte[] value = base64(tags.get("b"));
			if (parts.length == 1) {
				if (!MessageDigest.isEqual(MessageDigest.getInstance(digest).digest(data), value)) {
					return new Rejected("demail.check.headers");
				}
				return new Attested(null, unfolded(fieldsRaw));
			}
			String certificateField = fieldsRaw.get("x-de-mail-signature-certificate");
			if (certificateField == null) {
				return new Rejected("demail.check.noCertificate");
			}
			X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(base64(value(certificateField))));
			Signature verifier = verifier(parts[0], parts[1]);
			if (verifier == null) {
				return new Rejected("demail.check.algorithm", algorithm);
			}
			verifier.initVerify(certificate.getPublicKey());
			verifier.update(data);
			if (!verifier.verify(value)) {
				return new Rejected("demail.check.signature");
			}
			Optional<String> trust = trusted(certificate, anchors, now);
			if (trust.isPresent()) {
				return new Rejected(trust.get(), null);
			}
			return new Attested(certificate.getSubjectX500Principal().getName(), unfolded(fieldsRaw));
		}
		catch (IllegalArgumentException e) {
			return new Rejected("demail.check.unreadable");
		}
		catch (Exception e) {
			return new Rejected("demail.check.failed", e.getClass().getSimpleName());
		}
	}

	/** Empty when the certificate is valid now and chains to one of the anchors; else the message key of why not. */
	private static Optional<String> trusted(X509Certificate certificate, List<X509Certificate> anchors, Instant now) {
		if (anchors.isEmpty()) {
			return Optional.of("demail.check.noAnchors");
		}
		try {
			certificate.checkValidity(Date.from(now));
		}
		catch (Exception e) {
			return Optional.of("demail.check.expired");
		}
		if (anchors.contains(certificate)) {
			return Optional.empty();
		}
		try {
			Set<TrustAnchor> trustAnchors = anchors.stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toSet());
			PKIXParameters parameters = new PKIXParameters(trustAnchors);
			parameters.setRevocationEnabled(false);
			parameters.setDate(Date.from(now));
			CertPathValidator.getInstance("PKIX")
				.validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate)), parameters);
			return Optional.empty();
		}
		catch (Exception e) {
			return Optional.of("demail.check.untrusted");
		}
	}

	private static @Nullable Signature verifier(String hash, String scheme) throws Exception {
		String name = hash.toUpperCase(Locale.ROOT);
		return switch (scheme) {
			case "rsa" -> Signature.getInstance(name + "withRSA");
			case "ec-dsa" -> Signature.getInstance(name + "withECDSA");
			case "rsassa-pss" -> {
				String digest = "SHA-" + name.substring(3);
				Signature pss = Signature.getInstance("RSASSA-PSS");
				pss.setParameter(new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(digest),
						MessageDigest.getInstance(digest).getDigestLength(), 1));
				yield pss;
			}
			default -> null;
		};
	}

	/** RFC 6376 3.4.3: trailing empty lines go, and the body ends with one CRLF (an empty body is one CRLF). */
	static byte[] simpleBody(byte[] body) {
		int length = body.length;
		while (length >= 2 && body[length - 2] == '\r' && body[length - 1] == '\n'
				&& (length == 2 || (length >= 4 && body[length - 4] == '\r' && body[length - 3] == '\n'))) {
			length -= 2;
		}
		if (length == 0) {
			return "\r\n".getBytes(StandardCharsets.US_ASCII);
		}
		boolean endsWithCrlf = length >= 2 && body[length - 2] == '\r' && body[length - 1] == '\n';
		ByteArrayOutputStream out = new ByteArrayOutputStream(length + 2);
		out.write(body, 0, length);
		if (!endsWithCrlf) {
			out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		return out.toByteArray();
	}

	/** The header field with the value of its {@code b=} tag emptied, as it went into the signature. */
	static String withoutSignatureValue(String field) {
		Matcher matcher = SIGNATURE_VALUE.matcher(field);
		return matcher.replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
	}

	/** The header fields in order, each as raw text with its folding and without the final CRLF. */
	static List<String> fields(String head) {
		List<String> fields = new ArrayList<>();
		StringBuilder current = null;
		for (String line : head.split("\r\n", -1)) {
			if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
				current.append("\r\n").append(line);
			}
			else {
				if (current != null) {
					fields.add(current.toString());
				}
				current = new StringBuilder(line);
			}
		}
		if (current != null && !current.isEmpty()) {
			fields.add(current.toString());
		}
		return fields;
	}

	static Map<String, String> tags(String value) {
		Map<String, String> tags = new LinkedHashMap<>();
		for (String tag : value.split(";")) {
			int equals = tag.indexOf('=');
			if (equals > 0) {
				tags.putIfAbsent(tag.substring(0, equals).strip(), tag.substring(equals + 1).replaceAll("[ \\t\\r\\n]+", " ").strip());
			}
		}
		return tags;
	}

	private static String value(String field) {
		return field.substring(field.indexOf(':') + 1);
	}

	private static Map<String, String> unfolded(Map<String, String> raw) {
		Map<String, String> fields = new LinkedHashMap<>();
		raw.forEach((name, field) -> fields.put(name, value(field).replaceAll("\r\n", "").strip()));
		return fields;
	}

	private static byte[] base64(@Nullable String value) {
		if (value == null) {
			throw new IllegalArgumentException("missing");
		}
		return Base64.getDecoder().decode(value.replaceAll("[ \\t\\r\\n]", ""));
	}

	/** Lines end in CRLF, as TR-01201 requires before hashing; a store that gave bare LF gets them back. */
	private static byte[] crlf(byte[] message) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 256);
		for (int i = 0; i < message.length; i++) {
			if (message[i] == '\n' && (i == 0 || message[i - 1] != '\r')) {
				out.write('\r');
			}
			out.write(message[i]);
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] data, byte[] pattern) {
		outer:
		for (int i = 0; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
