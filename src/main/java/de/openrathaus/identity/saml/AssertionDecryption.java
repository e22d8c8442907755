// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.saml;

import java.security.Key;
import java.security.PrivateKey;
import java.util.List;
import java.util.Set;

import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Decrypts an {@code EncryptedAssertion} with the service provider's private key: the content key is
 * transported with RSA-OAEP only (RSA PKCS#1 v1.5 invites padding-oracle attacks and is refused), the
 * content is AES-GCM or AES-CBC. The plaintext is parsed by {@link SamlXml} like any untrusted input
 * and must be exactly one Assertion.
 */
final class AssertionDecryption {

	static final Set<String> KEY_TRANSPORT = Set.of(XMLCipher.RSA_OAEP, XMLCipher.RSA_OAEP_11);
	static final Set<String> CONTENT = Set.of(XMLCipher.AES_128_GCM, XMLCipher.AES_192_GCM, XMLCipher.AES_256_GCM, XMLCipher.AES_128,
			XMLCipher.AES_192, XMLCipher.AES_256);

	private AssertionDecryption() {
	}

	/** The decrypted assertion, as the root of a document of its own. */
	static Element decrypt(Element encryptedAssertion, PrivateKey key) throws SamlRefusal {
		Element data = SamlXml.single(encryptedAssertion, SamlXml.XENC, "EncryptedData", SamlRefusal.Reason.NOT_DECRYPTABLE);
		Element method = SamlXml.single(data, SamlXml.XENC, "EncryptionMethod", SamlRefusal.Reason.NOT_DECRYPTABLE);
		String contentAlgorithm = method.getAttribute("Algorithm");
		if (!CONTENT.contains(contentAlgorithm)) {
			throw new SamlRefusal(SamlRefusal.Reason.NOT_DECRYPTABLE, "content encryption not accepted");
		}
		Element encryptedKey = encryptedKey(encryptedAssertion, data);
		Element keyMethod = SamlXml.single(encryptedKey, SamlXml.XENC, "EncryptionMethod", SamlRefusal.Reason.NOT_DECRYPTABLE);
		if (!KEY_TRANSPORT.contains(keyMethod.getAttribute("Algorithm"))) {
			throw new SamlRefusal(SamlRefusal.Reason.NOT_DECRYPTABLE, "key transport not accepted");
		}
		byte[] plaintext;
		try {
			XMLCipher unwrap = XMLCipher.getInstance();
			unwrap.init(XMLCipher.UNWRAP_MODE, key);
			EncryptedKey loaded = unwrap.loadEncryptedKey(encryptedAssertion.getOwnerDocument(), encryptedKey);
			Key contentKey = unwrap.decryptKey(loaded, contentAlgorithm);
			XMLCipher cipher = XMLCipher.getInstance();
			cipher.init(XMLCipher.DECRYPT_MODE, contentKey);
			plaintext = cipher.decryptToByteArray(data);
		}
		catch (XMLSecurityException | RuntimeException e) {
			throw new SamlRefusal(SamlRefusal.Reason.NOT_DECRYPTABLE, e);
		}
		Document assertion = SamlXml.parse(plaintext);
		Element root = assertion.getDocumentElement();
		if (!SamlXml.ASSERTION.equals(root.getNamespaceURI()) || !"Assertion".equals(root.getLocalName())
				|| SamlXml.count(assertion, SamlXml.ASSERTION, "Assertion") != 1) {
			throw new SamlRefusal(SamlRefusal.Reason.WRAPPED, "encrypted content is not one assertion");
		}
		SamlXml.registerIds(assertion);
		return root;
	}

	/** The EncryptedKey: inside the EncryptedData's KeyInfo, or beside it in the EncryptedAssertion. */
	private static Element encryptedKey(Element encryptedAssertion, Element data) throws SamlRefusal {
		List<Element> keyInfos = SamlXml.children(data, SamlXml.DSIG, "KeyInfo");
		for (Element keyInfo : keyInfos) {
			List<Element> keys = SamlXml.children(keyInfo, SamlXml.XENC, "EncryptedKey");
			if (keys.size() == 1) {
				return keys.get(0);
			}
		}
		List<Element> siblings = SamlXml.children(encryptedAssertion, SamlXml.XENC, "EncryptedKey");
		if (siblings.size() != 1) {
			throw new SamlRefusal(SamlRefusal.Reason.NOT_DECRYPTABLE, "no single EncryptedKey");
		}
		return siblings.get(0);
	}
}
