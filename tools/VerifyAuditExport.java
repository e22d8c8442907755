// SPDX-License-Identifier: EUPL-1.2
//
// Checks an export of OpenRathaus' audit trail (JSON, "openrathaus-audit-export/1") outside the platform,
// with nothing but a JDK (21 or newer) and the audit key file:
//
//     java tools/VerifyAuditExport.java Protokoll-2026-12-05.json /var/lib/openrathaus/audit.key
//
// For every entry it recomputes the chain value from the entry's fields and the previous entry's value
// (scheme 2: HMAC-SHA256 with a key derived from the key file, each field length-prefixed; scheme 1, the
// old unkeyed entries: SHA-256 over the fields joined by U+001F), so a changed entry shows; and unless
// the export came from a narrowed search (who/what/record), which leaves entries out, that each entry
// names the one before it in the export as its previous one, so a removed or inserted entry shows. Exit code 0: every entry is authentic and every link holds; 1: an entry was changed or
// a link is broken; 2: the files cannot be read.
//
// This program reads no database and needs no part of OpenRathaus; it is short so that an auditor can
// read what it checks.

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class VerifyAuditExport {

	public static void main(String[] args) throws Exception {
		if (args.length != 2) {
			System.err.println("usage: java VerifyAuditExport.java <export.json> <audit key file>");
			System.exit(2);
		}
		Map<String, Object> export;
		byte[] secret;
		try {
			export = asObject(new Json(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8)).value());
			secret = Base64.getDecoder().decode(Files.readString(Path.of(args[1]), StandardCharsets.US_ASCII).strip());
		}
		catch (Exception e) {
			System.err.println("Cannot read the export or the key file: " + e.getMessage());
			System.exit(2);
			return;
		}
		if (!"openrathaus-audit-export/1".equals(export.get("format"))) {
			System.err.println("Not an OpenRathaus audit export (format " + export.get("format") + ").");
			System.exit(2);
		}
		byte[] chainKey = mac(secret, "openrathaus audit chain");
		String keyId = HexFormat.of().formatHex(mac(secret, "openrathaus audit key id"), 0, 8);
		if (!keyId.equals(export.get("keyId"))) {
			System.out.println("Note: the export was made with key " + export.get("keyId") + ", the key file is " + keyId + ".");
		}
		String municipality = (String) export.get("municipality");
		// an export of everything in a range holds the trail without gaps; a narrowed search leaves entries out
		boolean contiguous = !Boolean.TRUE.equals(export.get("narrowed"));
		int entries = 0;
		int links = 0;
		int problems = 0;
		Map<String, Object> before = null;
		for (Object item : (List<?>) export.get("entries")) {
			Map<String, Object> entry = asObject(item);
			entries++;
			String previous = (String) entry.get("previousHash");
			String[] fields = { municipality, (String) entry.get("at"), (String) entry.get("actor"), (String) entry.get("action"),
					(String) entry.get("object"), (String) entry.get("origin") };
			String expected = ((Number) entry.get("scheme")).intValue() == 2 ? keyed(chainKey, previous, fields) : unkeyed(previous, fields);
			if (!expected.equals(entry.get("hash"))) {
				System.out.println("CHANGED: entry " + entry.get("seq") + " does not match its chain value");
				problems++;
			}
			if (before != null && contiguous) {
				links++;
				if (!previous.equals(before.get("hash"))) {
					System.out.println("BROKEN: entry " + entry.get("seq") + " does not follow entry " + before.get("seq"));
					problems++;
				}
			}
			before = entry;
		}
		if (problems > 0) {
			System.out.println("Audit export NOT intact: " + problems + " finding(s) in " + entries + " entries.");
			System.exit(1);
		}
		System.out.println("Audit export intact: " + entries + " entries authentic, " + links + " links checked"
				+ (Boolean.TRUE.equals(export.get("narrowed")) ? " (a narrowed search: entries in between were not exported)." : "."));
	}

	private static String keyed(byte[] chainKey, String previous, String[] fields) throws Exception {
		String[] all = new String[fields.length + 1];
		all[0] = previous;
		System.arraycopy(fields, 0, all, 1, fields.length);
		return HexFormat.of().formatHex(mac(chainKey, all));
	}

	private static String unkeyed(String previous, String[] fields) throws Exception {
		String line = previous + "\u001f" + String.join("\u001f", fields);
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8)));
	}

	/** HMAC-SHA256 over the fields, each preceded by its length in UTF-8 bytes as a 4-byte big-endian number. */
	private static byte[] mac(byte[] key, String... fields) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		for (String field : fields) {
			byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
			mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
			mac.update(bytes);
		}
		return mac.doFinal();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asObject(Object value) {
		if (!(value instanceof Map)) {
			throw new IllegalArgumentException("expected a JSON object");
		}
		return (Map<String, Object>) value;
	}

	/** Just enough JSON (RFC 8259) for the export: objects, arrays, strings, numbers, true, false, null. */
	static final class Json {

		private final String text;
		private int at;

		Json(String text) {
			this.text = text;
		}

		Object value() {
			space();
			if (at >= text.length()) {
				throw new IllegalArgumentException("unexpected end of JSON");
			}
			char c = text.charAt(at);
			switch (c) {
				case '{' -> {
					at++;
					Map<String, Object> object = new LinkedHashMap<>();
					space();
					if (text.charAt(at) == '}') {
						at++;
						return object;
					}
					do {
						space();
						String key = string();
						space();
						expect(':');
						object.put(key, value());
						space();
					} while (text.charAt(at++) == ',');
					if (text.charAt(at - 1) != '}') {
						throw new IllegalArgumentException("expected } at " + (at - 1));
					}
					return object;
				}
				case '[' -> {
					at++;
					List<Object> array = new ArrayList<>();
					space();
					if (text.charAt(at) == ']') {
						at++;
						return array;
					}
					do {
						array.add(value());
						space();
					} while (text.charAt(at++) == ',');
					if (text.charAt(at - 1) != ']') {
						throw new IllegalArgumentException("expected ] at " + (at - 1));
					}
					return array;
				}
				case '"' -> {
					return string();
				}
				default -> {
					int start = at;
					while (at < text.length() && "{}[],: \t\r\n".indexOf(text.charAt(at)) < 0) {
						at++;
					}
					String word = text.substring(start, at);
					return switch (word) {
						case "true" -> Boolean.TRUE;
						case "false" -> Boolean.FALSE;
						case "null" -> null;
						default -> word.contains(".") || word.contains("e") || word.contains("E") ? (Object) Double.valueOf(word)
								: (Object) Long.valueOf(word);
					};
				}
			}
		}

		private String string() {
			expect('"');
			StringBuilder out = new StringBuilder();
			while (true) {
				char c = text.charAt(at++);
				if (c == '"') {
					return out.toString();
				}
				if (c != '\\') {
					out.append(c);
					continue;
				}
				char escaped = text.charAt(at++);
				switch (escaped) {
					case 'b' -> out.append('\b');
					case 'f' -> out.append('\f');
					case 'n' -> out.append('\n');
					case 'r' -> out.append('\r');
					case 't' -> out.append('\t');
					case 'u' -> {
						out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
						at += 4;
					}
					default -> out.append(escaped); // " \ /
				}
			}
		}

		private void expect(char c) {
			if (text.charAt(at) != c) {
				throw new IllegalArgumentException("expected " + c + " at " + at);
			}
			at++;
		}

		private void space() {
			while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
				at++;
			}
		}
	}
}
