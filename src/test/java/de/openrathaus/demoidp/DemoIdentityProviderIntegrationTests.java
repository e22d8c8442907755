// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The demo identity provider driven as a service provider and a browser would drive it: over real
 * HTTP, with a hand-made service provider (its own keys, its metadata served by this test) that
 * signs its requests and checks every response cryptographically with nothing but the identity
 * provider's published metadata and its own decryption key.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DemoIdentityProviderIntegrationTests {

	static final TestServiceProvider sp = new TestServiceProvider();

	static final String BPK2 = "urn:oid:1.3.6.1.4.1.25484.494450.3";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void serviceProvider(DynamicPropertyRegistry registry) {
		registry.add("openrathaus.demoidp.service-providers[0]", sp::metadataUrl);
	}

	@AfterAll
	static void stop() {
		sp.close();
	}

	String base() {
		return "http://localhost:" + port;
	}

	String sso(String provider) {
		return base() + "/demo-idp/" + provider + "/sso";
	}

	@Test
	void aCitizenChoosesATestPersonAtTheRequestedLevelAndTheServiceProviderGetsAVerifiedEncryptedAssertion() throws Exception {
		Browser browser = new Browser();
		TestServiceProvider.Request request = TestServiceProvider.Request.to(sso("bundid"), Instant.now());
		HttpResponse<String> page = browser.get(sso("bundid") + "?" + TestServiceProvider.redirectQuery(sp.authnRequestXml(request), "/antrag/schritt-2", sp.signing.getPrivate()));
		assertThat(page.statusCode()).isEqualTo(200);
		org.jsoup.nodes.Document html = Jsoup.parse(page.body());
		assertThat(html.select("h1").text()).isEqualTo("Demo-BundID – Testperson wählen");
		assertThat(page.body()).as("every label has its text").doesNotContain("??");
		assertThat(html.text()).contains("Stadt Musterstadt (Test)").contains("mindestens das Vertrauensniveau substanziell");
		// the person with a username account (level 1) is shown, but cannot be chosen, and the page says why
		Element leonie = html.getElementById("person-leonie");
		assertThat(leonie.select("button[name=person]").hasAttr("disabled")).isTrue();
		assertThat(leonie.text()).contains("niedrigeren Vertrauensniveau");
		assertThat(html.getElementById("person-max").select("button[name=person]").hasAttr("disabled")).isFalse();

		Map<String, String> answer = browser.choose(page, "bundid", "max");
		assertThat(answer.get("action")).isEqualTo(sp.acs);
		assertThat(answer.get("RelayState")).isEqualTo("/antrag/schritt-2");

		Document response = TestServiceProvider.parse(Base64.getDecoder().decode(answer.get("SAMLResponse")));
		org.w3c.dom.Element root = response.getDocumentElement();
		X509Certificate idp = idpCertificate("bundid");
		assertThat(root.getLocalName()).isEqualTo("Response");
		assertThat(TestServiceProvider.signedBy(root, idp)).as("the response is signed with the metadata's key").isTrue();
		assertThat(root.getAttribute("Destination")).isEqualTo(sp.acs);
		assertThat(root.getAttribute("InResponseTo")).isEqualTo(request.id());
		assertThat(text(root, "Issuer")).isEqualTo(base() + "/demo-idp/bundid");
		assertThat(((org.w3c.dom.Element) root.getElementsByTagNameNS(TestServiceProvider.PROTOCOL, "StatusCode").item(0)).getAttribute("Value"))
			.isEqualTo("urn:oasis:names:tc:SAML:2.0:status:Success");
		assertThat(root.getElementsByTagNameNS(TestServiceProvider.ASSERTION, "Assertion").getLength()).as("no assertion in clear").isZero();
		List<org.w3c.dom.Element> encrypted = TestServiceProvider.children(root, TestServiceProvider.ASSERTION, "EncryptedAssertion");
		assertThat(encrypted).hasSize(1);
		assertThat(TestServiceProvider.encryptionAlgorithm(encrypted.getFirst())).isEqualTo("http://www.w3.org/2009/xmlenc11#aes256-gcm");
		assertThat(TestServiceProvider.keyTransportAlgorithm(encrypted.getFirst())).isEqualTo("http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p");
		assertThat(TestServiceProvider.keyTransportDigest(encrypted.getFirst())).isEqualTo("http://www.w3.org/2001/04/xmlenc#sha256");
		assertThat(root.getTextContent()).doesNotContain("Mustermann");

		org.w3c.dom.Element assertion = sp.decrypt(encrypted.getFirst());
		assertThat(TestServiceProvider.signedBy(assertion, idp)).as("the assertion is signed with the metadata's key").isTrue();
		assertThat(TestServiceProvider.signedBy(assertion, sp.signingCertificate)).as("and by no other").isFalse();
		org.w3c.dom.Element confirmation = first(assertion, "SubjectConfirmationData");
		assertThat(confirmation.getAttribute("Recipient")).isEqualTo(sp.acs);
		assertThat(confirmation.getAttribute("InResponseTo")).isEqualTo(request.id());
		assertThat(Instant.parse(confirmation.getAttribute("NotOnOrAfter"))).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofMinutes(6)));
		org.w3c.dom.Element conditions = first(assertion, "Conditions");
		assertThat(Instant.parse(conditions.getAttribute("NotBefore"))).isBeforeOrEqualTo(Instant.now());
		assertThat(text(assertion, "Audience")).isEqualTo(sp.entityId);
		assertThat(text(assertion, "AuthnContextClassRef")).isEqualTo("STORK-QAA-Level-3");
		assertThat(first(assertion, "AuthnStatement").getAttribute("SessionIndex")).isNotBlank();
		assertThat(first(assertion, "NameID").getAttribute("Format")).isEqualTo("urn:oasis:names:tc:SAML:2.0:nameid-format:transient");

		Map<String, String> attributes = attributes(assertion);
		assertThat(attributes).containsEntry("urn:oid:2.5.4.42", "Max").containsEntry("urn:oid:2.5.4.4", "Mustermann")
			.containsEntry("urn:oid:1.2.40.0.10.2.1.1.55", "1978-03-21").containsEntry("urn:oid:1.2.40.0.10.2.1.1.261.94", "STORK-QAA-Level-3")
			.containsKey(BPK2);
		assertThat(attributes).as("only what was requested, plus how the person signed in").doesNotContainKey("urn:oid:0.9.2342.19200300.100.1.3")
			.doesNotContainKey("urn:oid:2.5.4.16");
		org.w3c.dom.Element givenName = attribute(assertion, "urn:oid:2.5.4.42");
		assertThat(givenName.getAttributeNS(TestServiceProvider.AKDB, "TrustLevel")).isEqualTo("SUBSTANTIELL");
		assertThat(givenName.getAttribute("NameFormat")).isEqualTo("urn:oasis:names:tc:SAML:2.0:attrname-format:uri");

		// a second sign-in as the same person: the same bPK2 (the account links), a new transient NameID
		Browser again = new Browser();
		TestServiceProvider.Request second = TestServiceProvider.Request.to(sso("bundid"), Instant.now());
		Map<String, String> secondAnswer = again.choose(again.get(sso("bundid") + "?"
				+ TestServiceProvider.redirectQuery(sp.authnRequestXml(second), null, sp.signing.getPrivate())), "bundid", "max");
		org.w3c.dom.Element secondAssertion = decryptedAssertion(secondAnswer);
		assertThat(attributes(secondAssertion).get(BPK2)).isEqualTo(attributes.get(BPK2));
		assertThat(text(secondAssertion, "NameID")).isNotEqualTo(text(assertion, "NameID"));
		assertThat(secondAnswer).doesNotContainKey("RelayState");
	}

	@Test
	void aPersonBelowTheRequestedLevelCannotBeChosenEvenWithAChangedForm() throws Exception {
		Browser browser = new Browser();
		TestServiceProvider.Request request = TestServiceProvider.Request.to(sso("bundid"), Instant.now()).level("STORK-QAA-Level-4");
		HttpResponse<String> page = browser.get(sso("bundid") + "?" + TestServiceProvider.redirectQuery(sp.authnRequestXml(request), null, sp.signing.getPrivate()));
		org.jsoup.nodes.Document html = Jsoup.parse(page.body());
		assertThat(html.getElementById("person-max").select("button[name=person]").hasAttr("disabled")).isTrue();
		assertThat(html.getElementById("person-erika").select("button[name=person]").hasAttr("disabled")).isFalse();

		// the disabled button's value posted anyway
		HttpResponse<String> refused = browser.post(sso("bundid"), Map.of("anfrage", html.select("input[name=anfrage]").val(), "person", "max",
				"_csrf", html.select("input[name=_csrf]").val()));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("Max Mustermann meldet sich mit einem niedrigeren Vertrauensniveau an").doesNotContain("SAMLResponse");

		// the level of the request cannot be changed in the form either: the request is checked again with its signature
		String changed = html.select("input[name=anfrage]").val().replace("SAMLRequest=", "SAMLRequest=" + TestServiceProvider.encode(
				TestServiceProvider.deflate(sp.authnRequestXml(request.level("STORK-QAA-Level-1")))) + "&x=");
		HttpResponse<String> forged = browser.post(sso("bundid"), Map.of("anfrage", changed, "person", "max", "_csrf", html.select("input[name=_csrf]").val()));
		assertThat(forged.statusCode()).isEqualTo(400);
		assertThat(forged.body()).doesNotContain("SAMLResponse");

		Map<String, String> erika = browser.choose(page, "bundid", "erika");
		assertThat(text(decryptedAssertion(erika), "AuthnContextClassRef")).isEqualTo("STORK-QAA-Level-4");
	}

	@Test
	void unsignedBadlySignedTamperedAndHostileRequestsAreRefusedWithAClearPage() throws Exception {
		Browser browser = new Browser();
		String xml = sp.authnRequestXml(TestServiceProvider.Request.to(sso("bundid"), Instant.now()));

		HttpResponse<String> unsigned = browser.get(sso("bundid") + "?" + TestServiceProvider.redirectQuery(xml, null, null));
		assertThat(unsigned.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(unsigned.body()).getElementById("reason").text()).contains("nicht signiert");

		HttpResponse<String> otherKey = browser.get(sso("bundid") + "?" + TestServiceProvider.redirectQuery(xml, null, TestServiceProvider.keyPair().getPrivate()));
		assertThat(otherKey.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(otherKey.body()).getElementById("reason").text()).contains("Signatur der SAML-Anfrage passt nicht");

		String signed = TestServiceProvider.redirectQuery(xml, "/start", sp.signing.getPrivate());
		HttpResponse<String> tampered = browser.get(sso("bundid") + "?" + signed.replace("RelayState=%2Fstart", "RelayState=%2Fanderswo"));
		assertThat(tampered.statusCode()).isEqualTo(400);

		String stranger = xml.replace(sp.entityId, "https://fremder-dienst.example/saml");
		HttpResponse<String> unknown = browser.get(sso("bundid") + "?" + TestServiceProvider.redirectQuery(stranger, null, sp.signing.getPrivate()));
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(unknown.body()).getElementById("reason").text()).contains("nicht bekannt");

		String elsewhere = sp.authnRequestXml(TestServiceProvider.Request.to(sso("unternehmenskonto"), Instant.now()));
		HttpResponse<String> misdirected = browser.get(sso("bundid") + "?" + TestServiceProvider.redirectQuery(elsewhere, null, sp.signing.getPrivate()));
		assertThat(Jsoup.parse(misdirected.body()).getElementById("reason").text()).contains("Destination");

		String old = sp.authnRequestXml(TestServiceProvider.Request.to(sso("bundid"), Instant.now().minus(Duration.ofHours(2))));
		HttpResponse<String> expired = browser.get(sso("bundid") + "?" + TestServiceProvider.redirectQuery(old, null, sp.signing.getPrivate()));
		assertThat(Jsoup.parse(expired.body()).getElementById("reason").text()).contains("abgelaufen");

		// an external entity, signed by the real key: the DTD alone refuses it, nothing is fetched or read
		String xxe = sp.authnRequestXml(TestServiceProvider.Request.to(sso("bundid"), Instant.now())
			.withDoctype("<!DOCTYPE samlp:AuthnRequest [<!ENTITY geheim SYSTEM \"file:///etc/passwd\">]>")).replace("Stadt Musterstadt (Test)", "&geheim;");
		HttpResponse<String> hostile = browser.get(sso("bundid") + "?" + TestServiceProvider.redirectQuery(xxe, null, sp.signing.getPrivate()));
		assertThat(hostile.statusCode()).isEqualTo(400);
		assertThat(hostile.body()).doesNotContain("root:");
		assertThat(Jsoup.parse(hostile.body()).getElementById("reason").text()).contains("nicht lesbar");
	}

	@Test
	void anOrganisationAccountSignsInOneOfTwoActingPersonsWithTheOrganisationsAttributes() throws Exception {
		List<Map<String, String>> signIns = new ArrayList<>();
		List<String> nameIds = new ArrayList<>();
		for (String person : List.of("petra", "ali", "petra")) {
			Browser browser = new Browser();
			TestServiceProvider.Request request = TestServiceProvider.Request.to(sso("unternehmenskonto"), Instant.now()).attributes(List.of());
			HttpResponse<String> page = browser.get(sso("unternehmenskonto") + "?"
					+ TestServiceProvider.redirectQuery(sp.authnRequestXml(request), null, sp.signing.getPrivate()));
			assertThat(Jsoup.parse(page.body()).select("h1").text()).isEqualTo("Demo-Unternehmenskonto – handelnde Person wählen");
			assertThat(page.body()).contains("Musterbau GmbH");
			Map<String, String> answer = browser.choose(page, "unternehmenskonto", person);
			Document response = TestServiceProvider.parse(Base64.getDecoder().decode(answer.get("SAMLResponse")));
			assertThat(TestServiceProvider.signedBy(response.getDocumentElement(), idpCertificate("unternehmenskonto"))).isTrue();
			org.w3c.dom.Element assertion = sp.decrypt(TestServiceProvider.children(response.getDocumentElement(), TestServiceProvider.ASSERTION,
					"EncryptedAssertion").getFirst());
			assertThat(TestServiceProvider.signedBy(assertion, idpCertificate("unternehmenskonto"))).isTrue();
			assertThat(first(assertion, "NameID").getAttribute("Format")).isEqualTo("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
			nameIds.add(text(assertion, "NameID"));
			signIns.add(attributes(assertion));
		}
		assertThat(signIns).allSatisfy(attributes -> assertThat(attributes).containsEntry("urn:oid:2.5.4.10", "Musterbau GmbH")
			.containsEntry("urn:oid:2.5.4.97", "DEMO-ORG-4711-0815").doesNotContainKey(BPK2));
		assertThat(signIns.get(0)).containsEntry("urn:oid:2.5.4.42", "Petra");
		assertThat(signIns.get(1)).containsEntry("urn:oid:2.5.4.42", "Ali");
		assertThat(nameIds.get(0)).as("each acting person has their own stable identifier").isEqualTo(nameIds.get(2)).isNotEqualTo(nameIds.get(1));
	}

	@Test
	void cancellingAnswersTheServiceProviderWithASignedFailureAndNoAssertion() throws Exception {
		Browser browser = new Browser();
		TestServiceProvider.Request request = TestServiceProvider.Request.to(sso("bundid"), Instant.now());
		HttpResponse<String> page = browser.get(sso("bundid") + "?" + TestServiceProvider.redirectQuery(sp.authnRequestXml(request), null, sp.signing.getPrivate()));
		org.jsoup.nodes.Document html = Jsoup.parse(page.body());
		HttpResponse<String> cancelled = browser.post(sso("bundid"), Map.of("anfrage", html.select("input[name=anfrage]").val(), "abbrechen", "1",
				"_csrf", html.select("input[name=_csrf]").val()));
		Document response = TestServiceProvider.parse(Base64.getDecoder().decode(Jsoup.parse(cancelled.body()).select("input[name=SAMLResponse]").val()));
		assertThat(TestServiceProvider.signedBy(response.getDocumentElement(), idpCertificate("bundid"))).isTrue();
		NodeList codes = response.getElementsByTagNameNS(TestServiceProvider.PROTOCOL, "StatusCode");
		assertThat(((org.w3c.dom.Element) codes.item(0)).getAttribute("Value")).isEqualTo("urn:oasis:names:tc:SAML:2.0:status:Responder");
		assertThat(((org.w3c.dom.Element) codes.item(1)).getAttribute("Value")).isEqualTo("urn:oasis:names:tc:SAML:2.0:status:AuthnFailed");
		assertThat(response.getDocumentElement().getAttribute("InResponseTo")).isEqualTo(request.id());
		assertThat(response.getElementsByTagNameNS(TestServiceProvider.ASSERTION, "EncryptedAssertion").getLength()).isZero();

		// and a choice without the form's CSRF token is not accepted at all
		HttpResponse<String> noToken = browser.post(sso("bundid"), Map.of("anfrage", html.select("input[name=anfrage]").val(), "person", "max"));
		assertThat(noToken.statusCode()).isEqualTo(403);
		assertThat(noToken.body()).doesNotContain("SAMLResponse");
	}

	@Test
	void aPassiveRequestAndAnUnsupportedNameIdFormatAreAnsweredWithTheirStatusAndNoAssertion() throws Exception {
		String passive = sp.authnRequestXml(TestServiceProvider.Request.to(sso("bundid"), Instant.now()))
			.replace("ProtocolBinding=", "IsPassive=\"true\" ProtocolBinding=");
		assertThat(secondLevelStatus(passive)).isEqualTo("urn:oasis:names:tc:SAML:2.0:status:NoPassive");
		TestServiceProvider.Request email = TestServiceProvider.Request.to(sso("bundid"), Instant.now());
		email = new TestServiceProvider.Request(email.id(), email.destination(), email.issued(), email.comparison(), email.classRefs(),
				email.requestedAttributes(), "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress", null);
		assertThat(secondLevelStatus(sp.authnRequestXml(email))).isEqualTo("urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy");
	}

	/** Sends the request and returns the second-level status of the response the page posts at once (no choice offered). */
	String secondLevelStatus(String xml) throws Exception {
		HttpResponse<String> page = new Browser().get(sso("bundid") + "?" + TestServiceProvider.redirectQuery(xml, null, sp.signing.getPrivate()));
		org.jsoup.nodes.Document html = Jsoup.parse(page.body());
		assertThat(html.select("button[name=person]")).as("no test person is offered").isEmpty();
		Document response = TestServiceProvider.parse(Base64.getDecoder().decode(html.select("form#saml-post input[name=SAMLResponse]").val()));
		assertThat(TestServiceProvider.signedBy(response.getDocumentElement(), idpCertificate("bundid"))).isTrue();
		assertThat(response.getElementsByTagNameNS(TestServiceProvider.ASSERTION, "EncryptedAssertion").getLength()).isZero();
		return ((org.w3c.dom.Element) response.getElementsByTagNameNS(TestServiceProvider.PROTOCOL, "StatusCode").item(1)).getAttribute("Value");
	}

	@Test
	void theResponsePageWorksUnderTheContentSecurityPolicyWithoutInlineScript() throws Exception {
		Browser browser = new Browser();
		TestServiceProvider.Request request = TestServiceProvider.Request.to(sso("bundid"), Instant.now());
		HttpResponse<String> page = browser.get(sso("bundid") + "?" + TestServiceProvider.redirectQuery(sp.authnRequestXml(request), null, sp.signing.getPrivate()));
		HttpResponse<String> post = browser.post(sso("bundid"), Map.of("anfrage", Jsoup.parse(page.body()).select("input[name=anfrage]").val(),
				"person", "erika", "_csrf", Jsoup.parse(page.body()).select("input[name=_csrf]").val()));
		org.jsoup.nodes.Document html = Jsoup.parse(post.body());
		assertThat(html.select("script:not([src])")).as("no inline script").isEmpty();
		assertThat(html.select("form#saml-post button[type=submit]").text()).isEqualTo("Weiter");
		String script = html.select("script[src]").attr("src");
		assertThat(browser.get(base() + script).body()).contains("saml-post").contains(".submit()");
		assertThat(post.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'")
			.contains("form-action 'self' " + sp.acs.replace("/saml/acs", ""));
		assertThat(post.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
	}

	@Test
	void singleLogoutAnswersASignedLogoutRequestWithASignedLogoutResponseAtTheServiceProvidersLogoutService() throws Exception {
		String slo = base() + "/demo-idp/bundid/slo";
		String xml = sp.logoutRequestXml(slo, Instant.now(), "_abc");
		String id = xml.replaceAll("(?s).*ID=\"(_[^\"]+)\".*", "$1");
		HttpResponse<String> answer = new Browser().get(slo + "?" + TestServiceProvider.redirectQuery(xml, "zurueck", sp.signing.getPrivate()));
		assertThat(answer.statusCode()).isEqualTo(302);
		String location = answer.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(sp.slo + "?SAMLResponse=");
		String query = location.substring(location.indexOf('?') + 1);
		String signedPart = query.substring(0, query.indexOf("&Signature="));
		String signature = URLDecoder.decode(query.substring(query.indexOf("&Signature=") + 11), StandardCharsets.UTF_8);
		java.security.Signature verifier = java.security.Signature.getInstance("SHA256withRSA");
		verifier.initVerify(idpCertificate("bundid").getPublicKey());
		verifier.update(signedPart.getBytes(StandardCharsets.US_ASCII));
		assertThat(verifier.verify(Base64.getDecoder().decode(signature))).as("the query is signed with the metadata's key").isTrue();
		Map<String, String> parameters = parameters(query);
		assertThat(parameters.get("RelayState")).isEqualTo("zurueck");
		Document response = TestServiceProvider.parse(TestServiceProvider.inflate(parameters.get("SAMLResponse")).getBytes(StandardCharsets.UTF_8));
		assertThat(response.getDocumentElement().getLocalName()).isEqualTo("LogoutResponse");
		assertThat(response.getDocumentElement().getAttribute("InResponseTo")).isEqualTo(id);
		assertThat(response.getDocumentElement().getAttribute("Destination")).isEqualTo(sp.slo);

		HttpResponse<String> unsigned = new Browser().get(slo + "?" + TestServiceProvider.redirectQuery(xml, null, null));
		assertThat(unsigned.statusCode()).isEqualTo(400);
	}

	@Test
	void theMetadataNamesTheEndpointsAndTheKeyWhichIsKeptOwnerOnlyInTheKeyDirectory() throws Exception {
		Document metadata = metadata("bundid");
		org.w3c.dom.Element root = metadata.getDocumentElement();
		assertThat(root.getAttribute("entityID")).isEqualTo(base() + "/demo-idp/bundid");
		org.w3c.dom.Element descriptor = (org.w3c.dom.Element) root.getElementsByTagNameNS(TestServiceProvider.METADATA, "IDPSSODescriptor").item(0);
		assertThat(descriptor.getAttribute("WantAuthnRequestsSigned")).isEqualTo("true");
		assertThat(((org.w3c.dom.Element) descriptor.getElementsByTagNameNS(TestServiceProvider.METADATA, "SingleSignOnService").item(0))
			.getAttribute("Location")).isEqualTo(sso("bundid"));
		assertThat(((org.w3c.dom.Element) descriptor.getElementsByTagNameNS(TestServiceProvider.METADATA, "SingleLogoutService").item(0))
			.getAttribute("Location")).isEqualTo(base() + "/demo-idp/bundid/slo");
		assertThat(idpCertificate("bundid")).isNotEqualTo(idpCertificate("unternehmenskonto"));
		Path key = Path.of("target/demo-idp/bundid.pem");
		assertThat(Files.getPosixFilePermissions(key)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
		assertThat(Files.readString(key)).contains(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(idpCertificate("bundid").getEncoded())
			.lines().findFirst().orElseThrow());
		assertThat(new Browser().get(base() + "/demo-idp/keiner/metadata").statusCode()).isEqualTo(404);

		// signed with the key whose certificate is published beside it: the trust anchor a service provider configures
		X509Certificate published = TestServiceProvider.certificate(Files.readString(Path.of("target/demo-idp/bundid.crt"))
			.replaceAll("-----[A-Z ]+-----", ""));
		assertThat(published).isEqualTo(idpCertificate("bundid"));
		assertThat(TestServiceProvider.signedBy(root, published)).as("the metadata is signed by the provider").isTrue();
		assertThat(Instant.parse(root.getAttribute("validUntil"))).isAfter(Instant.now().plus(Duration.ofDays(6)));
	}

	// helpers

	Document metadata(String provider) throws Exception {
		HttpResponse<String> response = new Browser().get(base() + "/demo-idp/" + provider + "/metadata");
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/samlmetadata+xml");
		return TestServiceProvider.parse(response.body().getBytes(StandardCharsets.UTF_8));
	}

	X509Certificate idpCertificate(String provider) throws Exception {
		return TestServiceProvider.certificate(metadata(provider).getElementsByTagNameNS(TestServiceProvider.DSIG, "X509Certificate").item(0).getTextContent());
	}

	org.w3c.dom.Element decryptedAssertion(Map<String, String> answer) throws Exception {
		Document response = TestServiceProvider.parse(Base64.getDecoder().decode(answer.get("SAMLResponse")));
		assertThat(TestServiceProvider.signedBy(response.getDocumentElement(), idpCertificate("bundid"))).isTrue();
		org.w3c.dom.Element assertion = sp.decrypt(TestServiceProvider.children(response.getDocumentElement(), TestServiceProvider.ASSERTION,
				"EncryptedAssertion").getFirst());
		assertThat(TestServiceProvider.signedBy(assertion, idpCertificate("bundid"))).isTrue();
		return assertion;
	}

	static org.w3c.dom.Element first(org.w3c.dom.Element element, String name) {
		return (org.w3c.dom.Element) element.getElementsByTagNameNS(TestServiceProvider.ASSERTION, name).item(0);
	}

	static String text(org.w3c.dom.Element element, String name) {
		return first(element, name).getTextContent().strip();
	}

	static Map<String, String> attributes(org.w3c.dom.Element assertion) {
		Map<String, String> values = new LinkedHashMap<>();
		NodeList attributes = assertion.getElementsByTagNameNS(TestServiceProvider.ASSERTION, "Attribute");
		for (int i = 0; i < attributes.getLength(); i++) {
			org.w3c.dom.Element attribute = (org.w3c.dom.Element) attributes.item(i);
			values.put(attribute.getAttribute("Name"), attribute.getTextContent().strip());
		}
		return values;
	}

	static org.w3c.dom.Element attribute(org.w3c.dom.Element assertion, String name) {
		NodeList attributes = assertion.getElementsByTagNameNS(TestServiceProvider.ASSERTION, "Attribute");
		for (int i = 0; i < attributes.getLength(); i++) {
			if (((org.w3c.dom.Element) attributes.item(i)).getAttribute("Name").equals(name)) {
				return (org.w3c.dom.Element) attributes.item(i);
			}
		}
		throw new AssertionError("no attribute " + name);
	}

	static Map<String, String> parameters(String query) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			values.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return values;
	}

	/** A browser: cookies (the CSRF cookie), no automatic redirects. */
	static final class Browser {

		final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10)).build();

		HttpResponse<String> get(String url) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
			StringBuilder body = new StringBuilder();
			form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
				.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
			return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		/** Clicks the test person's button on the choice page and returns the fields of the form that goes to the service provider. */
		Map<String, String> choose(HttpResponse<String> page, String provider, String person) throws Exception {
			org.jsoup.nodes.Document html = Jsoup.parse(page.body());
			org.jsoup.nodes.Element form = html.select("form").first();
			Map<String, String> fields = new LinkedHashMap<>();
			form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.val()));
			fields.put("person", person);
			URI action = URI.create(page.uri().toString()).resolve(form.attr("action"));
			HttpResponse<String> answer = post(action.toString(), fields);
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
			org.jsoup.nodes.Element post = Jsoup.parse(answer.body()).getElementById("saml-post");
			Map<String, String> result = new LinkedHashMap<>();
			result.put("action", post.attr("action"));
			post.select("input[type=hidden]").forEach(input -> result.put(input.attr("name"), input.val()));
			assertThat(Set.of("SAMLResponse", "RelayState")).as("nothing else goes to the service provider, no CSRF token of this site")
				.containsAll(result.keySet().stream().filter(k -> !k.equals("action")).toList());
			return result;
		}
	}
}
