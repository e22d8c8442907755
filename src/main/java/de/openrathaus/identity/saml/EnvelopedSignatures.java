// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.saml;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.signature.XMLSignatureInput;
import org.apache.xml.security.transforms.Transform;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Verifies the enveloped signature of a SAML element (Response or Assertion) so that the element that
 * was signed is exactly the one whose content is then used: one reference only, whose URI is
 * {@code #} and this element's own ID (IDs are unique in the document, see {@link SamlXml#registerIds}),
 * resolved and compared by identity after verification; only the enveloped-signature and canonicalisation
 * transforms; SHA-256 or stronger; and only the identity provider's metadata certificates, never a key
 * the message brings along.
 */
final class EnvelopedSignatures {

	static final Set<String> SIGNATURE_METHODS = Set.of(XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA384,
			XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA512, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256_MGF1,
			XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA384_MGF1, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA512_MGF1,
			XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256, XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA384,
			XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA512);

	static final Set<String> DIGEST_METHODS = Set.of("http://www.w3.org/2001/04/xmlenc#sha256", "http://www.w3.org/2001/04/xmldsig-more#sha384",
			"http://www.w3.org/2001/04/xmlenc#sha512");

	static final Set<String> TRANSFORMS = Set.of(Transforms.TRANSFORM_ENVELOPED_SIGNATURE, Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS,
			Transforms.TRANSFORM_C14N_EXCL_WITH_COMMENTS, Transforms.TRANSFORM_C14N_OMIT_COMMENTS, Transforms.TRANSFORM_C14N11_OMIT_COMMENTS);

	private EnvelopedSignatures() {
	}

	/** The element's own signature (a direct child), if it carries one. */
	static Optional<Element> signatureOf(Element signed) throws SamlRefusal {
		List<Element> signatures = SamlXml.children(signed, SamlXml.DSIG, "Signature");
		if (signatures.size() > 1) {
			throw new SamlRefusal(SamlRefusal.Reason.WRAPPED, "two signatures on one element");
		}
		return signatures.stream().findFirst();
	}

	/** Verifies the signature of {@code signed}, or refuses. */
	static void verify(Element signed, Element signature, List<X509Certificate> trusted) throws SamlRefusal {
		String id = signed.getAttributeNS(null, "ID");
		if (id.isEmpty()) {
			throw new SamlRefusal(SamlRefusal.Reason.WRAPPED, "signed element without ID");
		}
		try {
			XMLSignature xml = new XMLSignature(signature, "", true);
			SignedInfo info = xml.getSignedInfo();
			if (!SIGNATURE_METHODS.contains(info.getSignatureMethodURI())) {
				throw new SamlRefusal(SamlRefusal.Reason.BAD_SIGNATURE, "signature method not accepted");
			}
			if (info.getLength() != 1) {
				throw new SamlRefusal(SamlRefusal.Reason.WRAPPED, "signature with " + info.getLength() + " references");
			}
			Reference reference = info.item(0);
			if (!("#" + id).equals(reference.getURI())) {
				throw new SamlRefusal(SamlRefusal.Reason.WRAPPED, "signature references another element");
			}
			if (!DIGEST_METHODS.contains(reference.getMessageDigestAlgorithm().getAlgorithmURI())) {
				throw new SamlRefusal(SamlRefusal.Reason.BAD_SIGNATURE, "digest method not accepted");
			}
			Transforms transforms = reference.getTransforms();
			for (int i = 0; transforms != null && i < transforms.getLength(); i++) {
				Transform transform = transforms.item(i);
				if (!TRANSFORMS.contains(transform.getURI())) {
					throw new SamlRefusal(SamlRefusal.Reason.BAD_SIGNATURE, "transform not accepted");
				}
			}
			boolean valid = false;
			for (X509Certificate certificate : trusted) {
				if (xml.checkSignatureValue(certificate.getPublicKey())) {
					valid = true;
					break;
				}
			}
			if (!valid) {
				throw new SamlRefusal(SamlRefusal.Reason.BAD_SIGNATURE, "signature does not verify with the metadata certificate");
			}
			// what the reference resolved to must be this very element, not a look-alike elsewhere
			XMLSignatureInput input = reference.getContentsBeforeTransformation();
			Node resolved = input == null ? null : input.getSubNode();
			if (resolved != signed) {
				throw new SamlRefusal(SamlRefusal.Reason.WRAPPED, "signed element is not the element read");
			}
		}
		catch (XMLSecurityException e) {
			throw new SamlRefusal(SamlRefusal.Reason.BAD_SIGNATURE, e);
		}
	}
}
