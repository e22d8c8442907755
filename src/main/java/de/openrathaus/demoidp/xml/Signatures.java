// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.xml;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Map;

import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.utils.Constants;
import org.apache.xml.security.utils.ElementProxy;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Signatures of SAML messages: enveloped XML signatures (RSA-SHA256, exclusive canonicalisation,
 * one reference to the signed element's ID) for what is posted, and the redirect binding's
 * signature over the query string for what travels in a URL.
 */
public final class Signatures {

	/** Redirect-binding SigAlg URIs this provider accepts, with their JCA names. SHA-1 is refused. */
	private static final Map<String, String> REDIRECT_ALGORITHMS = Map.of(SamlNames.RSA_SHA256, "SHA256withRSA",
			SamlNames.RSA_SHA384, "SHA384withRSA", SamlNames.RSA_SHA512, "SHA512withRSA");

	static {
		org.apache.xml.security.Init.init();
		try {
			ElementProxy.setDefaultPrefix(Constants.SignatureSpecNS, "ds");
		}
		catch (XMLSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private Signatures() {
	}

	/** Makes sure Santuario is initialised (its static set-up runs once). */
	public static void initialise() {
		// the static block above does the work
	}

	/**
	 * Signs {@code element} (which carries an {@code ID} attribute) with an enveloped signature
	 * placed right after {@code after} (the element's Issuer, as the SAML schema orders it), or as the
	 * first child when {@code after} is null (an EntityDescriptor).
	 */
	public static void signEnveloped(Element element, @Nullable Node after, PrivateKey key, X509Certificate certificate) {
		String id = element.getAttributeNS(null, "ID");
		if (id.isEmpty()) {
			throw new IllegalArgumentException("the signed element needs an ID");
		}
		element.setIdAttributeNS(null, "ID", true);
		try {
			XMLSignature signature = new XMLSignature(element.getOwnerDocument(), "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
					Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
			// after the Issuer in messages; as the first child where nothing precedes it (metadata)
			element.insertBefore(signature.getElement(), after == null ? element.getFirstChild() : after.getNextSibling());
			Transforms transforms = new Transforms(element.getOwnerDocument());
			transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
			transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
			signature.addDocument("#" + id, transforms, org.apache.xml.security.algorithms.MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
			signature.addKeyInfo(certificate);
			signature.sign(key);
		}
		catch (XMLSecurityException e) {
			throw new IllegalStateException("signing failed", e);
		}
	}

	/** The redirect binding's signature: {@code Signature} over the exact query string that precedes it. */
	public static String signRedirect(String signedQuery, PrivateKey key) {
		try {
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initSign(key);
			signature.update(signedQuery.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			return java.util.Base64.getEncoder().encodeToString(signature.sign());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("signing failed", e);
		}
	}

	/** Whether {@code signature} (Base64) over {@code signedQuery} verifies with one of the keys, for an accepted algorithm. */
	public static boolean verifyRedirect(String signedQuery, String sigAlg, String signature, Iterable<X509Certificate> certificates) {
		@Nullable String algorithm = REDIRECT_ALGORITHMS.get(sigAlg);
		if (algorithm == null) {
			return false;
		}
		byte[] value;
		try {
			value = java.util.Base64.getMimeDecoder().decode(signature);
		}
		catch (IllegalArgumentException e) {
			return false;
		}
		for (X509Certificate certificate : certificates) {
			if (verify(algorithm, certificate.getPublicKey(), signedQuery, value)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the redirect binding accepts this SigAlg. */
	public static boolean acceptedRedirectAlgorithm(String sigAlg) {
		return REDIRECT_ALGORITHMS.containsKey(sigAlg);
	}

	private static boolean verify(String algorithm, PublicKey key, String signedQuery, byte[] value) {
		try {
			Signature verifier = Signature.getInstance(algorithm);
			verifier.initVerify(key);
			verifier.update(signedQuery.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			return verifier.verify(value);
		}
		catch (GeneralSecurityException e) {
			return false;
		}
	}
}
