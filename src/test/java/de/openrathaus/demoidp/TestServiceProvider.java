// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import com.sun.net.httpserver.HttpServer;

import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.signature.XMLSignature;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A service provider as the tests need it, written only with the JDK, Santuario and Bouncy Castle
 * (never with the identity provider's code beyond plain XML helpers): its own keys, its metadata
 * served over real HTTP, hand-made signed AuthnRequests and LogoutRequests, and the checks a
 * service provider makes on a response (signatures with the identity provider's metadata
 * certificate, decryption with its own key).
 */
public final class TestServiceProvider implements AutoCloseable {

	static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
	static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
	static final String METADATA = "urn:oasis:names:tc:SAML:2.0:metadata";
	static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
	static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
	static final String AKDB = "https://www.akdb.de/request/2018/09";
	static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

	public final KeyPair signing = keyPair();
	final X509Certificate signingCertificate = certificate(signing, "test sp signing");
	final KeyPair encryption = keyPair();
	final X509Certificate encryptionCertificate = certificate(encryption, "test sp encryption");
	final String entityId;
	final String acs;
	final String slo = "https://sp.example/saml/slo";
	private final HttpServer server;
	/** The bodies of the forms posted to the assertion consumer service (by a real browser). */
	public final java.util.concurrent.BlockingQueue<String> received = new java.util.concurrent.LinkedBlockingQueue<>();

	public TestServiceProvider() {
		org.apache.xml.security.Init.init();
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		entityId = "http://127.0.0.1:" + server.getAddress().getPort() + "/saml/metadata";
		acs = "http://127.0.0.1:" + server.getAddress().getPort() + "/saml/acs";
		server.createContext("/saml/acs", exchange -> {
			received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			byte[] body = "<!DOCTYPE html><html lang=\"de\"><title>SP</title><h1>Antwort angekommen</h1></html>".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.createContext("/saml/metadata", exchange -> {
			byte[] body = metadata().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/samlmetadata+xml");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
	}

	public String metadataUrl() {
		return entityId;
	}

	@Override
	public void close() {
		server.stop(0);
	}

	String metadata() {
		return """
				<md:EntityDescriptor xmlns:md="%s" xmlns:ds="%s" entityID="%s">
				  <md:SPSSODescriptor protocolSupportEnumeration="%s" AuthnRequestsSigned="true" WantAssertionsSigned="true">
				    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
				    <md:KeyDescriptor use="encryption"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
				    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="%s"/>
				    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="%s" index="0" isDefault="true"/>
				  </md:SPSSODescriptor>
				</md:EntityDescriptor>
				""".formatted(METADATA, DSIG, entityId, PROTOCOL, base64(signingCertificate), base64(encryptionCertificate), slo, acs);
	}

	/** What a hand-made AuthnRequest says; each test changes what it needs. */
	public record Request(String id, String destination, Instant issued, @Nullable String comparison, List<String> classRefs,
			List<String> requestedAttributes, @Nullable String nameIdFormat, @Nullable String doctype) {

		public static Request to(String destination, Instant now) {
			return new Request("_" + UUID.randomUUID(), destination, now, "minimum", List.of("STORK-QAA-Level-3"),
					List.of("urn:oid:1.3.6.1.4.1.25484.494450.3", "urn:oid:2.5.4.42", "urn:oid:2.5.4.4", "urn:oid:1.2.40.0.10.2.1.1.55"), null,
					null);
		}

		Request level(String classRef) {
			return new Request(id, destination, issued, comparison, List.of(classRef), requestedAttributes, nameIdFormat, doctype);
		}

		Request attributes(List<String> names) {
			return new Request(id, destination, issued, comparison, classRefs, names, nameIdFormat, doctype);
		}

		Request withDoctype(String declaration) {
			return new Request(id, destination, issued, comparison, classRefs, requestedAttributes, nameIdFormat, declaration);
		}
	}

	public String authnRequestXml(Request request) {
		StringBuilder attributes = new StringBuilder();
		for (String name : request.requestedAttributes()) {
			attributes.append("<akdb:RequestedAttribute Name=\"").append(name).append("\" RequiredAttribute=\"true\"/>");
		}
		String context = request.classRefs().isEmpty() ? "" : "<samlp:RequestedAuthnContext Comparison=\"" + request.comparison() + "\">"
				+ String.join("", request.classRefs().stream().map(c -> "<saml:AuthnContextClassRef>" + c + "</saml:AuthnContextClassRef>").toList())
				+ "</samlp:RequestedAuthnContext>";
		return (request.doctype() == null ? "" : request.doctype()) + """
				<samlp:AuthnRequest xmlns:samlp="%s" xmlns:saml="%s" ID="%s" Version="2.0" IssueInstant="%s" Destination="%s"
				    AssertionConsumerServiceURL="%s" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST">
				  <saml:Issuer>%s</saml:Issuer>
				  <samlp:Extensions>
				    <akdb:AuthenticationRequest xmlns:akdb="%s" Version="2">
				      <akdb:RequestedAttributes>%s</akdb:RequestedAttributes>
				      <akdb:DisplayInformation>
				        <classic-ui:Version xmlns:classic-ui="https://www.akdb.de/request/2018/09/classic-ui/v1">
				          <classic-ui:OrganizationDisplayName>Stadt Musterstadt (Test)</classic-ui:OrganizationDisplayName>
				        </classic-ui:Version>
				      </akdb:DisplayInformation>
				    </akdb:AuthenticationRequest>
				  </samlp:Extensions>
				  %s
				  %s
				</samlp:AuthnRequest>
				""".formatted(PROTOCOL, ASSERTION, request.id(), request.issued(), request.destination(), acs, entityId, AKDB, attributes,
				request.nameIdFormat() == null ? "" : "<samlp:NameIDPolicy Format=\"" + request.nameIdFormat() + "\" AllowCreate=\"true\"/>",
				context);
	}

	String logoutRequestXml(String destination, Instant now, String nameId) {
		return """
				<samlp:LogoutRequest xmlns:samlp="%s" xmlns:saml="%s" ID="_%s" Version="2.0" IssueInstant="%s" Destination="%s">
				  <saml:Issuer>%s</saml:Issuer>
				  <saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient">%s</saml:NameID>
				</samlp:LogoutRequest>
				""".formatted(PROTOCOL, ASSERTION, UUID.randomUUID(), now, destination, entityId, nameId);
	}

	/** The query string of the redirect binding, signed with {@code key} (null: unsigned). */
	public static String redirectQuery(String xml, @Nullable String relayState, @Nullable PrivateKey key) {
		String query = "SAMLRequest=" + encode(deflate(xml))
				+ (relayState == null ? "" : "&RelayState=" + encode(relayState));
		if (key == null) {
			return query;
		}
		query += "&SigAlg=" + encode(RSA_SHA256);
		return query + "&Signature=" + encode(sign(query, key));
	}

	static String deflate(String xml) {
		java.util.zip.Deflater deflater = new java.util.zip.Deflater(9, true);
		deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
		deflater.finish();
		byte[] buffer = new byte[65536];
		int length = deflater.deflate(buffer);
		deflater.end();
		return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer, length));
	}

	static String sign(String signedPart, PrivateKey key) {
		try {
			java.security.Signature signature = java.security.Signature.getInstance("SHA256withRSA");
			signature.initSign(key);
			signature.update(signedPart.getBytes(StandardCharsets.US_ASCII));
			return Base64.getEncoder().encodeToString(signature.sign());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	static String inflate(String base64) throws Exception {
		java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
		inflater.setInput(Base64.getDecoder().decode(base64));
		byte[] buffer = new byte[1 << 20];
		int length = inflater.inflate(buffer);
		inflater.end();
		return new String(buffer, 0, length, StandardCharsets.UTF_8);
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	// checks on what the identity provider answers

	/** Parses a received document the way a careful service provider does (no DTD). */
	static Document parse(byte[] xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
	}

	/**
	 * Verifies the enveloped signature that is a direct child of {@code element} with {@code certificate}
	 * only, and that it references exactly this element by its ID.
	 */
	static boolean signedBy(Element element, X509Certificate certificate) throws Exception {
		element.setIdAttributeNS(null, "ID", true);
		List<Element> signatures = children(element, DSIG, "Signature");
		if (signatures.size() != 1) {
			return false;
		}
		XMLSignature signature = new XMLSignature(signatures.getFirst(), "");
		if (signature.getSignedInfo().getLength() != 1
				|| !signature.getSignedInfo().item(0).getURI().equals("#" + element.getAttributeNS(null, "ID"))
				|| !XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256.equals(signature.getSignedInfo().getSignatureMethodURI())) {
			return false;
		}
		try {
			return signature.checkSignatureValue(certificate);
		}
		catch (org.apache.xml.security.signature.XMLSignatureException e) {
			return false; // e.g. a key of another size
		}
	}

	/** Decrypts the one EncryptedAssertion of a response with this service provider's key and returns the assertion. */
	Element decrypt(Element encryptedAssertion) throws Exception {
		Element data = children(encryptedAssertion, "http://www.w3.org/2001/04/xmlenc#", "EncryptedData").getFirst();
		XMLCipher cipher = XMLCipher.getInstance();
		cipher.init(XMLCipher.DECRYPT_MODE, null);
		cipher.setKEK(encryption.getPrivate());
		// the EncryptedKey inside the EncryptedData's KeyInfo is found and unwrapped with the KEK
		Document document = cipher.doFinal(encryptedAssertion.getOwnerDocument(), data);
		return children((Element) document.getElementsByTagNameNS(ASSERTION, "EncryptedAssertion").item(0), ASSERTION, "Assertion").getFirst();
	}

	static String encryptionAlgorithm(Element encryptedAssertion) {
		Element data = children(encryptedAssertion, XENC, "EncryptedData").getFirst();
		return children(data, XENC, "EncryptionMethod").getFirst().getAttribute("Algorithm");
	}

	static String keyTransportDigest(Element encryptedAssertion) {
		Element key = (Element) encryptedAssertion.getElementsByTagNameNS(XENC, "EncryptedKey").item(0);
		Element method = children(key, XENC, "EncryptionMethod").getFirst();
		return children(method, DSIG, "DigestMethod").getFirst().getAttribute("Algorithm");
	}

	static String keyTransportAlgorithm(Element encryptedAssertion) {
		NodeList methods = encryptedAssertion.getElementsByTagNameNS(XENC, "EncryptedKey");
		return children((Element) methods.item(0), XENC, "EncryptionMethod").getFirst().getAttribute("Algorithm");
	}

	static List<Element> children(Element parent, String namespace, String name) {
		List<Element> found = new java.util.ArrayList<>();
		for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && namespace.equals(element.getNamespaceURI()) && name.equals(element.getLocalName())) {
				found.add(element);
			}
		}
		return found;
	}

	static X509Certificate certificate(String base64) throws Exception {
		return (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64.strip())));
	}

	static KeyPair keyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	static X509Certificate certificate(KeyPair pair, String name) {
		try {
			X500Name subject = new X500Name("CN=" + name);
			Instant now = Instant.now();
			return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
					Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86400)), subject, pair.getPublic())
				.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	static String base64(X509Certificate certificate) {
		try {
			return Base64.getEncoder().encodeToString(certificate.getEncoded());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
