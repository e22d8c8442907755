// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.saml;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.apache.xml.security.signature.XMLSignature;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP-Redirect binding (SAML bindings 3.4): the message DEFLATE-compressed, base64- and
 * URL-encoded into the query; the signature over {@code SAMLRequest=…&RelayState=…&SigAlg=…} exactly as
 * sent (RSA-SHA256), in the {@code Signature} parameter. Incoming messages are verified over the query
 * as it arrived, with the identity provider's metadata certificates only.
 */
final class RedirectBinding {

	static final String SIGNATURE_ALGORITHM = XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256;
	private static final int MAX_INFLATED = 256 * 1024;

	private RedirectBinding() {
	}

	/** The URL that carries {@code xml} as {@code parameter} (SAMLRequest or SAMLResponse) to {@code endpoint}, signed. */
	static String signedUrl(String endpoint, String parameter, byte[] xml, @Nullable String relayState, PrivateKey key) {
		StringBuilder query = new StringBuilder(parameter).append('=').append(encode(deflate(xml)));
		if (relayState != null) {
			query.append("&RelayState=").append(encode(relayState));
		}
		query.append("&SigAlg=").append(encode(SIGNATURE_ALGORITHM));
		try {
			Signature signer = Signature.getInstance("SHA256withRSA");
			signer.initSign(key);
			signer.update(query.toString().getBytes(StandardCharsets.US_ASCII));
			query.append("&Signature=").append(encode(Base64.getEncoder().encodeToString(signer.sign())));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot sign with the service provider key", e);
		}
		return endpoint + (endpoint.contains("?") ? "&" : "?") + query;
	}

	/**
	 * The message of an incoming redirect ({@code parameter} = SAMLRequest or SAMLResponse), once its
	 * signature over the raw query verified with one of the certificates.
	 */
	static byte[] verifiedMessage(String rawQuery, String parameter, List<X509Certificate> trusted) throws SamlRefusal {
		Map<String, String> raw = new LinkedHashMap<>();
		for (String pair : rawQuery.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0 && raw.putIfAbsent(pair.substring(0, equals), pair.substring(equals + 1)) != null) {
				throw new SamlRefusal(SamlRefusal.Reason.MALFORMED, "parameter twice");
			}
		}
		String message = raw.get(parameter);
		String sigAlg = raw.get("SigAlg");
		String signature = raw.get("Signature");
		if (message == null || sigAlg == null || signature == null) {
			throw new SamlRefusal(SamlRefusal.Reason.UNSIGNED, "redirect without signature");
		}
		if (!SIGNATURE_ALGORITHM.equals(decode(sigAlg))) {
			throw new SamlRefusal(SamlRefusal.Reason.BAD_SIGNATURE, "SigAlg not accepted");
		}
		StringBuilder signed = new StringBuilder(parameter).append('=').append(message);
		if (raw.containsKey("RelayState")) {
			signed.append("&RelayState=").append(raw.get("RelayState"));
		}
		signed.append("&SigAlg=").append(sigAlg);
		byte[] value;
		try {
			value = Base64.getMimeDecoder().decode(decode(signature));
		}
		catch (IllegalArgumentException e) {
			throw new SamlRefusal(SamlRefusal.Reason.BAD_SIGNATURE, e);
		}
		boolean valid = false;
		for (X509Certificate certificate : trusted) {
			try {
				Signature verifier = Signature.getInstance("SHA256withRSA");
				verifier.initVerify(certificate.getPublicKey());
				verifier.update(signed.toString().getBytes(StandardCharsets.US_ASCII));
				valid |= verifier.verify(value);
			}
			catch (GeneralSecurityException e) {
				// not this certificate
			}
		}
		if (!valid) {
			throw new SamlRefusal(SamlRefusal.Reason.BAD_SIGNATURE, "redirect signature does not verify");
		}
		try {
			return inflate(Base64.getMimeDecoder().decode(decode(message)));
		}
		catch (IllegalArgumentException e) {
			throw new SamlRefusal(SamlRefusal.Reason.MALFORMED, e);
		}
	}

	static byte[] deflate(byte[] data) {
		Deflater deflater = new Deflater(Deflater.DEFLATED, true);
		try {
			deflater.setInput(data);
			deflater.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[4096];
			while (!deflater.finished()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	static byte[] inflate(byte[] data) throws SamlRefusal {
		Inflater inflater = new Inflater(true);
		try {
			inflater.setInput(data);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[4096];
			while (!inflater.finished()) {
				int n = inflater.inflate(buffer);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					break;
				}
				out.write(buffer, 0, n);
				if (out.size() > MAX_INFLATED) {
					throw new SamlRefusal(SamlRefusal.Reason.MALFORMED, "message inflates too far");
				}
			}
			return out.toByteArray();
		}
		catch (DataFormatException e) {
			throw new SamlRefusal(SamlRefusal.Reason.MALFORMED, e);
		}
		finally {
			inflater.end();
		}
	}

	private static String encode(byte[] bytes) {
		return encode(Base64.getEncoder().encodeToString(bytes));
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}
}
