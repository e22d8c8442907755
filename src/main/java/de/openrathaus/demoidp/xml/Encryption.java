// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.xml;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.keys.KeyInfo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * XML encryption of an assertion for one recipient: the content with a fresh AES-256-GCM key, that
 * key transported with RSA-OAEP (SHA-256 digest) to the recipient's encryption certificate, the
 * EncryptedKey inside the EncryptedData's KeyInfo.
 */
public final class Encryption {

	private Encryption() {
	}

	/** Replaces {@code element} (in place, in its parent) by its xenc:EncryptedData. */
	public static void encryptInPlace(Element element, X509Certificate recipient) {
		Signatures.initialise();
		Document document = element.getOwnerDocument();
		try {
			KeyGenerator generator = KeyGenerator.getInstance("AES");
			generator.init(256);
			SecretKey contentKey = generator.generateKey();

			XMLCipher keyCipher = XMLCipher.getInstance(XMLCipher.RSA_OAEP, null, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
			keyCipher.init(XMLCipher.WRAP_MODE, recipient.getPublicKey());
			EncryptedKey encryptedKey = keyCipher.encryptKey(document, contentKey);

			XMLCipher contentCipher = XMLCipher.getInstance(XMLCipher.AES_256_GCM);
			contentCipher.init(XMLCipher.ENCRYPT_MODE, contentKey);
			EncryptedData data = contentCipher.getEncryptedData();
			KeyInfo keyInfo = new KeyInfo(document);
			keyInfo.add(encryptedKey);
			data.setKeyInfo(keyInfo);
			contentCipher.doFinal(document, element, false);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("no AES-256 key", e);
		}
		catch (Exception e) {
			throw new IllegalStateException("encryption failed", e);
		}
	}
}
