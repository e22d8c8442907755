// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import de.openrathaus.identity.config.ServiceProviderKeys;

import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A hand-made identity provider for the tests: its own key and certificate (generated here), its
 * metadata as a file, and responses built field by field, so each test can make exactly one thing
 * wrong. Signing and encryption use Santuario directly, as a real identity provider would.
 */
final class TestIdentityProvider {

	static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
	static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";

	final String entityId;
	final KeyPair keys;
	final X509Certificate certificate;
	final String ssoUrl;

	static {
		org.apache.xml.security.Init.init();
	}

	TestIdentityProvider(String entityId) {
		try {
			this.entityId = entityId;
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			this.keys = generator.generateKeyPair();
			this.certificate = ServiceProviderKeys.selfSigned(keys, "CN=Test IdP", Instant.now());
			this.ssoUrl = entityId + "/sso";
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** Writes the metadata and returns its path. */
	Path metadataFile(Path directory) throws Exception {
		String certificate = Base64.getEncoder().encodeToString(this.certificate.getEncoded());
		String xml = """
				<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="%s">
				  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" WantAuthnRequestsSigned="true">
				    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
				    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="%s/slo"/>
				    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="%s"/>
				  </md:IDPSSODescriptor>
				</md:EntityDescriptor>
				""".formatted(entityId, certificate, entityId, ssoUrl);
		Files.createDirectories(directory);
		Path file = directory.resolve(UUID.randomUUID() + "-idp-metadata.xml");
		Files.writeString(file, xml);
		return file;
	}

	/**
	 * Writes the metadata signed with this provider's key (enveloped, first child, by the descriptor's ID), as
	 * an operator publishes it, and returns its path; {@code signer} signs instead when a test wants a forgery.
	 */
	Path signedMetadataFile(Path directory, PrivateKey signer) throws Exception {
		return signedMetadataFile(directory, signer, null);
	}

	Path signedMetadataFile(Path directory, PrivateKey signer, @org.jspecify.annotations.Nullable Instant validUntil) throws Exception {
		Document metadata = parse(Files.readString(metadataFile(directory)));
		Element root = metadata.getDocumentElement();
		String id = "_m" + UUID.randomUUID().toString().replace("-", "");
		root.setAttribute("ID", id);
		root.setIdAttribute("ID", true);
		if (validUntil != null) {
			root.setAttribute("validUntil", validUntil.truncatedTo(ChronoUnit.SECONDS).toString());
		}
		sign(root, id, signer, root.getFirstChild());
		Path file = directory.resolve(UUID.randomUUID() + "-idp-metadata-signed.xml");
		Files.write(file, xml(metadata));
		return file;
	}

	/** Writes this provider's certificate as PEM (the trust anchor of its metadata) and returns its path. */
	Path certificateFile(Path directory) throws Exception {
		Files.createDirectories(directory);
		Path file = directory.resolve(UUID.randomUUID() + "-idp.crt");
		Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(certificate.getEncoded())
				+ "\n-----END CERTIFICATE-----\n");
		return file;
	}

	/** One response, with every field a test may spoil. */
	static final class Response {

		String requestId;
		String destination = "http://localhost/saml/acs";
		String recipient = "http://localhost/saml/acs";
		String audience = "http://localhost/saml/metadata";
		String issuer;
		String assertionId = "_a" + UUID.randomUUID().toString().replace("-", "");
		String responseId = "_r" + UUID.randomUUID().toString().replace("-", "");
		Instant notBefore = Instant.now().minusSeconds(30);
		Instant notOnOrAfter = Instant.now().plus(5, ChronoUnit.MINUTES);
		String status = "urn:oasis:names:tc:SAML:2.0:status:Success";
		String classRef = "STORK-QAA-Level-3";
		Map<String, String> attributes = new LinkedHashMap<>();
		/** BundID's akdb:TrustLevel per attribute; SUBSTANTIELL where not named */
		Map<String, String> trustLevels = new LinkedHashMap<>(Map.of("urn:oid:0.9.2342.19200300.100.1.3", "NORMAL"));
		boolean signAssertion = true;
		boolean signResponse = false;
		boolean encrypt = true;
		String nameId = "t-123";
		PrivateKey signingKey;

		Response(String requestId, TestIdentityProvider idp) {
			this.requestId = requestId;
			this.issuer = idp.entityId;
			this.signingKey = idp.keys.getPrivate();
			attributes.put("urn:oid:1.3.6.1.4.1.25484.494450.3", "bPK2-Erika-4711");
			attributes.put("urn:oid:2.5.4.42", "Erika");
			attributes.put("urn:oid:2.5.4.4", "Mustermann");
			attributes.put("urn:oid:1.2.40.0.10.2.1.1.55", "1964-08-12");
			attributes.put("urn:oid:2.5.4.16", "Heidestraße 17");
			attributes.put("urn:oid:2.5.4.17", "51147");
			attributes.put("urn:oid:2.5.4.7", "Köln");
			attributes.put("urn:oid:1.2.40.0.10.2.1.1.225599", "DE");
			attributes.put("urn:oid:0.9.2342.19200300.100.1.3", "erika@example.org");
			attributes.put("urn:oid:2.5.4.18", "6f1d2c3b-4a59-4e7d-9c8b-0a1b2c3d4e5f");
		}

		String assertionXml() {
			StringBuilder attributeXml = new StringBuilder();
			attributes.forEach((name, value) -> attributeXml.append("""
					<saml:Attribute Name="%s" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri" xmlns:akdb="https://www.akdb.de/request/2018/09" akdb:TrustLevel="%s"><saml:AttributeValue>%s</saml:AttributeValue></saml:Attribute>"""
				.formatted(name, trustLevels.getOrDefault(name, "SUBSTANTIELL"), value)));
			return """
					<saml:Assertion xmlns:saml="%s" ID="%s" Version="2.0" IssueInstant="%s">
					<saml:Issuer>%s</saml:Issuer>
					<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient">%s</saml:NameID>
					<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="%s" Recipient="%s" InResponseTo="%s"/></saml:SubjectConfirmation></saml:Subject>
					<saml:Conditions NotBefore="%s" NotOnOrAfter="%s"><saml:AudienceRestriction><saml:Audience>%s</saml:Audience></saml:AudienceRestriction></saml:Conditions>
					<saml:AuthnStatement AuthnInstant="%s" SessionIndex="s-1"><saml:AuthnContext><saml:AuthnContextClassRef>%s</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>
					<saml:AttributeStatement>%s</saml:AttributeStatement>
					</saml:Assertion>""".formatted(SAML, assertionId, notBefore, issuer, nameId, notOnOrAfter, recipient, requestId, notBefore, notOnOrAfter,
					audience, notBefore, classRef, attributeXml);
		}
	}

	/** The response as the browser would post it (base64), signed and encrypted as the spec says. */
	String post(Response spec, X509Certificate spCertificate) throws Exception {
		return Base64.getEncoder().encodeToString(xml(build(spec, spCertificate)));
	}

	Document build(Response spec, X509Certificate spCertificate) throws Exception {
		Document assertionDocument = parse(spec.assertionXml());
		Element assertion = assertionDocument.getDocumentElement();
		assertion.setIdAttribute("ID", true);
		if (spec.signAssertion) {
			sign(assertion, spec.assertionId, spec.signingKey, assertion.getElementsByTagNameNS(SAML, "Subject").item(0));
		}
		Document response = parse("""
				<samlp:Response xmlns:samlp="%s" xmlns:saml="%s" ID="%s" Version="2.0" IssueInstant="%s" Destination="%s" InResponseTo="%s">
				<saml:Issuer>%s</saml:Issuer><samlp:Status><samlp:StatusCode Value="%s"/></samlp:Status></samlp:Response>"""
			.formatted(SAMLP, SAML, spec.responseId, Instant.now().truncatedTo(ChronoUnit.SECONDS), spec.destination, spec.requestId, spec.issuer,
					spec.status));
		Element root = response.getDocumentElement();
		root.setIdAttribute("ID", true);
		if (spec.encrypt) {
			root.appendChild(encrypted(response, xml(assertionDocument), spCertificate));
		}
		else {
			root.appendChild(response.importNode(assertion, true));
		}
		if (spec.signResponse) {
			sign(root, spec.responseId, spec.signingKey, root.getElementsByTagNameNS(SAMLP, "Status").item(0));
		}
		return response;
	}

	/** {@code <saml:EncryptedAssertion>} of the assertion's bytes: AES-256-GCM content, RSA-OAEP key transport. */
	static Element encrypted(Document owner, byte[] assertion, X509Certificate spCertificate) throws Exception {
		KeyGenerator generator = KeyGenerator.getInstance("AES");
		generator.init(256);
		SecretKey contentKey = generator.generateKey();
		Document scratch = parse("<x xmlns:saml=\"" + SAML + "\"/>");
		XMLCipher keyCipher = XMLCipher.getInstance(XMLCipher.RSA_OAEP);
		keyCipher.init(XMLCipher.WRAP_MODE, spCertificate.getPublicKey());
		EncryptedKey encryptedKey = keyCipher.encryptKey(scratch, contentKey);
		Element placeholder = scratch.getDocumentElement();
		Document content = parse(new String(assertion, StandardCharsets.UTF_8));
		placeholder.appendChild(scratch.importNode(content.getDocumentElement(), true));
		XMLCipher cipher = XMLCipher.getInstance(XMLCipher.AES_256_GCM);
		cipher.init(XMLCipher.ENCRYPT_MODE, contentKey);
		EncryptedData data = cipher.getEncryptedData();
		KeyInfo keyInfo = new KeyInfo(scratch);
		keyInfo.add(encryptedKey);
		data.setKeyInfo(keyInfo);
		cipher.doFinal(scratch, (Element) placeholder.getFirstChild(), false);
		Element encryptedData = (Element) placeholder.getFirstChild();
		Element wrapper = owner.createElementNS(SAML, "saml:EncryptedAssertion");
		wrapper.appendChild(owner.importNode(encryptedData, true));
		return wrapper;
	}

	static void sign(Element element, String id, PrivateKey key, org.w3c.dom.Node before) throws Exception {
		Document document = element.getOwnerDocument();
		XMLSignature signature = new XMLSignature(document, "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
		element.insertBefore(signature.getElement(), before);
		Transforms transforms = new Transforms(document);
		transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
		transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
		signature.addDocument("#" + id, transforms, "http://www.w3.org/2001/04/xmlenc#sha256");
		signature.sign(key);
	}

	static Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	static byte[] xml(org.w3c.dom.Node node) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		var transformer = TransformerFactory.newInstance().newTransformer();
		transformer.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
		transformer.transform(new DOMSource(node), new StreamResult(out));
		return out.toByteArray();
	}
}
