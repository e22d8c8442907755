// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.Inflater;

import de.openrathaus.TestAccounts;
import de.openrathaus.account.AccountId;
import de.openrathaus.account.FederatedIdentity;
import de.openrathaus.account.FederatedSignIn;
import de.openrathaus.account.TrustLevel;
import de.openrathaus.account.WebAccess;
import de.openrathaus.identity.config.ServiceProviderKeys;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The SAML service provider against a hand-made identity provider (keys made here): a sign-in is
 * started with a signed AuthnRequest, a valid signed and encrypted response signs the citizen in with
 * the asserted level and attributes, and every forged or spoilt response an attacker could post to the
 * assertion consumer service is refused with a clear page, while account's federated sign-in is never
 * called.
 */
@SpringBootTest(properties = "openrathaus.identity.max-pending-per-client=" + SamlServiceProviderIntegrationTests.PER_CLIENT)
@AutoConfigureMockMvc
class SamlServiceProviderIntegrationTests {

	/** Above the sign-ins the other tests start from MockMvc's one address, low enough for a quick flood. */
	static final int PER_CLIENT = 60;

	static final TestIdentityProvider BUNDID = new TestIdentityProvider("https://bundid.test/idp");
	static final TestIdentityProvider COMPANIES = new TestIdentityProvider("https://unternehmenskonto.test/idp");

	@DynamicPropertySource
	static void identityProviders(DynamicPropertyRegistry registry) throws Exception {
		Path directory = Path.of("target", "identity-test");
		// BundID's metadata signed and checked against its certificate; the organisation provider's unsigned, without trust anchor
		Path bundId = BUNDID.signedMetadataFile(directory, BUNDID.keys.getPrivate());
		Path bundIdCertificate = BUNDID.certificateFile(directory);
		Path companies = COMPANIES.metadataFile(directory);
		registry.add("openrathaus.identity.tenants.musterstadt.identity-providers.bundid.metadata-file", bundId::toString);
		registry.add("openrathaus.identity.tenants.musterstadt.identity-providers.bundid.metadata-signing-certificate", bundIdCertificate::toString);
		registry.add("openrathaus.identity.tenants.musterstadt.identity-providers.unternehmenskonto.metadata-file", companies::toString);
		registry.add("openrathaus.identity.tenants.musterstadt.identity-providers.unternehmenskonto.metadata-signing-certificate", () -> "");
	}

	/** What account was asked to do: the test's stand-in for the federated sign-in account implements. */
	record Call(FederatedIdentity identity, @Nullable AccountId requestedBy, String target) {
	}

	static final class RecordingSignIn implements FederatedSignIn {

		final List<Call> calls = new CopyOnWriteArrayList<>();

		@Override
		public String signIn(FederatedIdentity identity, @Nullable AccountId requestedBy, String target, HttpServletRequest request,
				HttpServletResponse response) {
			calls.add(new Call(identity, requestedBy, target));
			request.getSession(); // as account does: the sign-in gets a session
			return target;
		}
	}

	@TestConfiguration
	static class RecordingConfiguration {

		/** Primary: once account's own implementation is in the application, the test's stand-in still takes the calls. */
		@Bean
		@org.springframework.context.annotation.Primary
		RecordingSignIn recordingSignIn() {
			return new RecordingSignIn();
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	RecordingSignIn account;

	@Autowired
	ServiceProviderKeys keys;

	@Autowired
	TestAccounts accounts;

	@Autowired
	List<WebAccess> access;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@BeforeEach
	void forget() {
		account.calls.clear();
	}

	X509Certificate sp() {
		return keys.of("musterstadt").certificate();
	}

	/** Starts a sign-in and returns the AuthnRequest the browser carries to the identity provider. */
	Document start(String path, MockHttpSession session) throws Exception {
		MockHttpServletRequestBuilder request = get(path);
		if (session != null) {
			request.session(session);
		}
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(302);
		String location = response.getRedirectedUrl();
		Map<String, String> query = query(location.substring(location.indexOf('?') + 1));
		byte[] deflated = Base64.getDecoder().decode(query.get("SAMLRequest"));
		Inflater inflater = new Inflater(true);
		inflater.setInput(deflated);
		byte[] xml = new byte[64 * 1024];
		int length = inflater.inflate(xml);
		return TestIdentityProvider.parse(new String(xml, 0, length, StandardCharsets.UTF_8));
	}

	String startBundId(TrustLevel level) throws Exception {
		return start("/anmelden/bundid?niveau=" + level + "&ziel=/portal/antraege/123/schritt/2", null).getDocumentElement().getAttribute("ID");
	}

	static Map<String, String> query(String raw) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String pair : raw.split("&")) {
			int equals = pair.indexOf('=');
			parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return parameters;
	}

	MockHttpServletResponse consume(String samlResponse) throws Exception {
		// cross-site: no session cookie, no CSRF token
		return mvc.perform(post("/saml/acs").param("SAMLResponse", samlResponse)).andReturn().getResponse();
	}

	void refused(String samlResponse, String reason) throws Exception {
		MockHttpServletResponse answer = consume(samlResponse);
		assertThat(answer.getStatus()).as("refused, not redirected").isNotEqualTo(302);
		assertThat(answer.getContentAsString()).contains("Anmeldung nicht möglich").contains(">" + reason + "<");
		assertThat(account.calls).as("account never hears of a refused response").isEmpty();
	}

	/** Validates a message we send against the OASIS SAML 2.0 protocol schema (files under src/test/resources/saml-schemas). */
	static void validProtocolMessage(String xml) throws Exception {
		javax.xml.validation.SchemaFactory factory = javax.xml.validation.SchemaFactory.newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI);
		factory.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
		factory.newSchema(SamlServiceProviderIntegrationTests.class.getResource("/saml-schemas/saml-schema-protocol-2.0.xsd")).newValidator()
			.validate(new javax.xml.transform.stream.StreamSource(new java.io.StringReader(xml)));
	}

	static String inflate(String base64) throws Exception {
		Inflater inflater = new Inflater(true);
		inflater.setInput(Base64.getDecoder().decode(base64));
		byte[] xml = new byte[64 * 1024];
		int length = inflater.inflate(xml);
		return new String(xml, 0, length, StandardCharsets.UTF_8);
	}

	TestIdentityProvider.Response response(String requestId) {
		return new TestIdentityProvider.Response(requestId, BUNDID);
	}

	// the way in

	@Test
	void theAuthnRequestIsSignedAsksForTheMinimumLevelAndBundIdsAttributes() throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/anmelden/bundid?niveau=HIGH")).andReturn().getResponse();
		String location = response.getRedirectedUrl();
		assertThat(location).startsWith(BUNDID.ssoUrl + "?SAMLRequest=");
		String raw = location.substring(location.indexOf('?') + 1);
		Map<String, String> query = query(raw);
		assertThat(query.get("SigAlg")).isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
		String signed = raw.substring(0, raw.indexOf("&Signature="));
		Signature verifier = Signature.getInstance("SHA256withRSA");
		verifier.initVerify(sp().getPublicKey());
		verifier.update(signed.getBytes(StandardCharsets.US_ASCII));
		assertThat(verifier.verify(Base64.getDecoder().decode(query.get("Signature")))).as("redirect binding signature").isTrue();
		validProtocolMessage(inflate(query.get("SAMLRequest")));

		Element request = start("/anmelden/bundid?niveau=HIGH", null).getDocumentElement();
		assertThat(request.getLocalName()).isEqualTo("AuthnRequest");
		assertThat(request.getAttribute("Destination")).isEqualTo(BUNDID.ssoUrl);
		assertThat(request.getAttribute("AssertionConsumerServiceURL")).isEqualTo("http://localhost/saml/acs");
		Element context = (Element) request.getElementsByTagNameNS(TestIdentityProvider.SAMLP, "RequestedAuthnContext").item(0);
		assertThat(context.getAttribute("Comparison")).isEqualTo("minimum");
		assertThat(context.getTextContent().trim()).isEqualTo("STORK-QAA-Level-4");
		var requested = request.getElementsByTagNameNS("https://www.akdb.de/request/2018/09", "RequestedAttribute");
		List<String> names = new java.util.ArrayList<>();
		for (int i = 0; i < requested.getLength(); i++) {
			names.add(((Element) requested.item(i)).getAttribute("Name"));
		}
		assertThat(names).contains("urn:oid:1.3.6.1.4.1.25484.494450.3", "urn:oid:2.5.4.42", "urn:oid:2.5.4.4", "urn:oid:1.2.40.0.10.2.1.1.55",
				"urn:oid:2.5.4.16", "urn:oid:2.5.4.17", "urn:oid:2.5.4.7", "urn:oid:0.9.2342.19200300.100.1.3");
	}

	@Test
	void aForeignTargetNeverBecomesTheLandingPage() throws Exception {
		for (String target : List.of("https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "portal")) {
			String id = start("/anmelden/bundid?ziel=" + java.net.URLEncoder.encode(target, StandardCharsets.UTF_8), null).getDocumentElement()
				.getAttribute("ID");
			TestIdentityProvider.Response spec = response(id);
			spec.classRef = "STORK-QAA-Level-1";
			assertThat(consume(BUNDID.post(spec, sp())).getRedirectedUrl()).as(target).isEqualTo("/portal");
		}
	}

	// the valid response

	@Test
	void aSignedAndEncryptedResponseSignsTheCitizenInWithTheAssertedLevelAndAttributes() throws Exception {
		String citizen = accounts.citizen("Stufenwechsel");
		MockHttpSession signedInAtLow = TestAccounts.signIn(mvc, citizen);
		String id = start("/anmelden/bundid?niveau=SUBSTANTIAL&ziel=/portal/antraege/123/schritt/2", signedInAtLow).getDocumentElement()
			.getAttribute("ID");

		MockHttpServletResponse answer = consume(BUNDID.post(response(id), sp()));

		assertThat(answer.getRedirectedUrl()).isEqualTo("/portal/antraege/123/schritt/2");
		assertThat(account.calls).hasSize(1);
		Call call = account.calls.get(0);
		assertThat(call.requestedBy()).as("the citizen who stepped up, remembered server-side").isEqualTo(new AccountId(accounts.idOf(citizen)));
		FederatedIdentity identity = call.identity();
		assertThat(identity.issuer()).isEqualTo(BUNDID.entityId);
		assertThat(identity.subject()).isEqualTo("bPK2-Erika-4711");
		assertThat(identity.trustLevel()).isEqualTo(TrustLevel.SUBSTANTIAL);
		assertThat(identity.organisation()).isNull();
		assertThat(identity.mailbox()).as("the BundID mailbox handle (postOfficeBox)")
			.isEqualTo(java.util.UUID.fromString("6f1d2c3b-4a59-4e7d-9c8b-0a1b2c3d4e5f"));
		// each attribute with the level BundID marked it with (akdb:TrustLevel): the e-mail address was entered, not proven
		assertThat(identity.person()).isEqualTo(new FederatedIdentity.Person("Erika", "Mustermann", LocalDate.of(1964, 8, 12), "Heidestraße 17",
				"51147", "Köln", "DE", "erika@example.org", Map.of("givenName", TrustLevel.SUBSTANTIAL, "familyName", TrustLevel.SUBSTANTIAL,
						"birthDate", TrustLevel.SUBSTANTIAL, "street", TrustLevel.SUBSTANTIAL, "postalCode", TrustLevel.SUBSTANTIAL, "locality",
						TrustLevel.SUBSTANTIAL, "country", TrustLevel.SUBSTANTIAL, "email", TrustLevel.LOW)));
	}

	@Test
	void anAttributeIsNeverProvenAboveTheSignInAndAnUnknownAttributeLevelProvesNothing() throws Exception {
		TestIdentityProvider.Response spec = response(startBundId(TrustLevel.LOW));
		spec.classRef = "STORK-QAA-Level-3";
		spec.trustLevels.put("urn:oid:2.5.4.42", "HOCH");
		spec.trustLevels.put("urn:oid:2.5.4.4", "IRGENDWAS");
		assertThat(consume(BUNDID.post(spec, sp())).getStatus()).isEqualTo(302);
		FederatedIdentity.Person person = account.calls.get(0).identity().person();
		assertThat(person.levelOf("givenName")).contains(TrustLevel.SUBSTANTIAL);
		assertThat(person.levelOf("familyName")).contains(TrustLevel.LOW);
	}

	@Test
	void aResponseSignedOnlyAsAWholeIsAcceptedToo() throws Exception {
		TestIdentityProvider.Response spec = response(startBundId(TrustLevel.LOW));
		spec.signAssertion = false;
		spec.signResponse = true;
		spec.classRef = "http://eidas.europa.eu/LoA/high";
		assertThat(consume(BUNDID.post(spec, sp())).getRedirectedUrl()).isEqualTo("/portal/antraege/123/schritt/2");
		assertThat(account.calls.get(0).identity().trustLevel()).isEqualTo(TrustLevel.HIGH);
	}

	@Test
	void anOrganisationAccountNamesTheOrganisationAndTheActingPerson() throws Exception {
		String id = start("/anmelden/unternehmenskonto?ziel=/portal", null).getDocumentElement().getAttribute("ID");
		TestIdentityProvider.Response spec = new TestIdentityProvider.Response(id, COMPANIES);
		spec.attributes.put("urn:oid:2.5.4.10", "Muster Bau GmbH");
		spec.attributes.put("urn:oid:2.5.4.97", "HRB 4711 Köln");
		spec.attributes.put("urn:oid:1.3.6.1.4.1.25484.494450.3", "person-of-muster-bau-1");
		assertThat(consume(COMPANIES.post(spec, sp())).getRedirectedUrl()).isEqualTo("/portal");
		FederatedIdentity identity = account.calls.get(0).identity();
		assertThat(identity.issuer()).isEqualTo(COMPANIES.entityId);
		assertThat(identity.subject()).isEqualTo("person-of-muster-bau-1");
		assertThat(identity.organisation()).isEqualTo(new FederatedIdentity.Organisation("HRB 4711 Köln", "Muster Bau GmbH"));
	}

	// hostile and spoilt responses

	@Test
	void anUnsignedResponseIsRefused() throws Exception {
		TestIdentityProvider.Response spec = response(startBundId(TrustLevel.LOW));
		spec.signAssertion = false;
		refused(BUNDID.post(spec, sp()), "unsigned");
	}

	@Test
	void aResponseSignedByAnotherKeyIsRefused() throws Exception {
		TestIdentityProvider.Response spec = response(startBundId(TrustLevel.LOW));
		spec.signingKey = new TestIdentityProvider("https://attacker.test").keys.getPrivate();
		refused(BUNDID.post(spec, sp()), "bad-signature");
		TestIdentityProvider.Response whole = response(startBundId(TrustLevel.LOW));
		whole.signAssertion = false;
		whole.signResponse = true;
		whole.signingKey = new TestIdentityProvider("https://attacker.test").keys.getPrivate();
		refused(BUNDID.post(whole, sp()), "bad-signature");
	}

	@Test
	void aSignatureMovedOntoAnotherAssertionIsRefused() throws Exception {
		String id = startBundId(TrustLevel.LOW);
		// the attacker holds a genuinely signed assertion (their own sign-in) and forges one for the victim
		TestIdentityProvider.Response genuine = response(id);
		Document signed = TestIdentityProvider.parse(genuine.assertionXml());
		signed.getDocumentElement().setIdAttribute("ID", true);
		TestIdentityProvider.sign(signed.getDocumentElement(), genuine.assertionId, BUNDID.keys.getPrivate(),
				signed.getElementsByTagNameNS(TestIdentityProvider.SAML, "Subject").item(0));
		TestIdentityProvider.Response forged = response(id);
		forged.attributes.put("urn:oid:1.3.6.1.4.1.25484.494450.3", "bPK2-of-the-victim");
		forged.signAssertion = false;
		Document forgedAssertion = TestIdentityProvider.parse(forged.assertionXml());
		Element moved = (Element) forgedAssertion.importNode(signed.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").item(0),
				true);
		forgedAssertion.getDocumentElement().insertBefore(moved,
				forgedAssertion.getElementsByTagNameNS(TestIdentityProvider.SAML, "Subject").item(0));
		// the genuine assertion rides along inside the forged one, so its ID still resolves
		forgedAssertion.getDocumentElement().appendChild(forgedAssertion.importNode(signed.getDocumentElement(), true));
		refused(wrap(forgedAssertion, id), "wrapped");

		// and without the genuine one inside: the reference names an element that is not the one read
		Document alone = TestIdentityProvider.parse(forged.assertionXml());
		alone.getDocumentElement().insertBefore(alone.importNode(moved, true),
				alone.getElementsByTagNameNS(TestIdentityProvider.SAML, "Subject").item(0));
		refused(wrap(alone, id), "wrapped");
	}

	/** An encrypted, unsigned response around this assertion document (the signatures inside are the test's). */
	String wrap(Document assertion, String requestId) throws Exception {
		Document response = TestIdentityProvider.parse("""
				<samlp:Response xmlns:samlp="%s" xmlns:saml="%s" ID="_wrap%s" Version="2.0" IssueInstant="%s" Destination="http://localhost/saml/acs" InResponseTo="%s">
				<saml:Issuer>%s</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:Response>"""
			.formatted(TestIdentityProvider.SAMLP, TestIdentityProvider.SAML, System.nanoTime(), Instant.now().truncatedTo(ChronoUnit.SECONDS),
					requestId, BUNDID.entityId));
		response.getDocumentElement().appendChild(TestIdentityProvider.encrypted(response, TestIdentityProvider.xml(assertion), sp()));
		return Base64.getEncoder().encodeToString(TestIdentityProvider.xml(response));
	}

	@Test
	void aSecondAssertionIsRefused() throws Exception {
		String id = startBundId(TrustLevel.LOW);
		Document response = BUNDID.build(response(id), sp());
		TestIdentityProvider.Response other = response(id);
		other.attributes.put("urn:oid:1.3.6.1.4.1.25484.494450.3", "bPK2-of-the-victim");
		Document second = BUNDID.build(other, sp());
		Element encrypted = (Element) second.getElementsByTagNameNS(TestIdentityProvider.SAML, "EncryptedAssertion").item(0);
		response.getDocumentElement().appendChild(response.importNode(encrypted, true));
		refused(Base64.getEncoder().encodeToString(TestIdentityProvider.xml(response)), "wrapped");
	}

	@Test
	void aSignedResponseWrappedInAForgedOneIsRefused() throws Exception {
		String id = startBundId(TrustLevel.LOW);
		TestIdentityProvider.Response genuine = response(id);
		genuine.signAssertion = false;
		genuine.signResponse = true;
		Document original = BUNDID.build(genuine, sp());
		// a forged response with the same ID, the genuine one hidden inside its Extensions: duplicate IDs
		TestIdentityProvider.Response forged = response(id);
		forged.signAssertion = false;
		forged.signResponse = false;
		forged.responseId = genuine.responseId;
		forged.attributes.put("urn:oid:1.3.6.1.4.1.25484.494450.3", "bPK2-of-the-victim");
		Document outer = BUNDID.build(forged, sp());
		Element signature = (Element) original.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").item(0);
		Element root = outer.getDocumentElement();
		Element status = (Element) root.getElementsByTagNameNS(TestIdentityProvider.SAMLP, "Status").item(0);
		root.insertBefore(outer.importNode(signature, true), status);
		Element extensions = outer.createElementNS(TestIdentityProvider.SAMLP, "samlp:Extensions");
		extensions.appendChild(outer.importNode(original.getDocumentElement(), true));
		root.insertBefore(extensions, status);
		refused(Base64.getEncoder().encodeToString(TestIdentityProvider.xml(outer)), "wrapped");
	}

	@Test
	void anExpiredResponseIsRefusedAndTheToleranceIsAtMostTwoMinutes() throws Exception {
		TestIdentityProvider.Response late = response(startBundId(TrustLevel.LOW));
		late.notBefore = Instant.now().minus(10, ChronoUnit.MINUTES);
		late.notOnOrAfter = Instant.now().minus(3, ChronoUnit.MINUTES);
		refused(BUNDID.post(late, sp()), "expired");
		TestIdentityProvider.Response justLate = response(startBundId(TrustLevel.LOW));
		justLate.notBefore = Instant.now().minus(10, ChronoUnit.MINUTES);
		justLate.notOnOrAfter = Instant.now().minus(1, ChronoUnit.MINUTES);
		assertThat(consume(BUNDID.post(justLate, sp())).getRedirectedUrl()).as("within the skew").isNotNull();
	}

	@Test
	void aResponseNotYetValidIsRefused() throws Exception {
		TestIdentityProvider.Response early = response(startBundId(TrustLevel.LOW));
		early.notBefore = Instant.now().plus(5, ChronoUnit.MINUTES);
		early.notOnOrAfter = Instant.now().plus(10, ChronoUnit.MINUTES);
		refused(BUNDID.post(early, sp()), "not-yet-valid");
	}

	@Test
	void aResponseForAnotherServiceIsRefused() throws Exception {
		TestIdentityProvider.Response audience = response(startBundId(TrustLevel.LOW));
		audience.audience = "https://other-city.example/saml/metadata";
		refused(BUNDID.post(audience, sp()), "wrong-audience");
		TestIdentityProvider.Response recipient = response(startBundId(TrustLevel.LOW));
		recipient.recipient = "https://other-city.example/saml/acs";
		refused(BUNDID.post(recipient, sp()), "wrong-destination");
		TestIdentityProvider.Response destination = response(startBundId(TrustLevel.LOW));
		destination.destination = "https://other-city.example/saml/acs";
		refused(BUNDID.post(destination, sp()), "wrong-destination");
		TestIdentityProvider.Response issuer = response(startBundId(TrustLevel.LOW));
		issuer.issuer = COMPANIES.entityId;
		refused(BUNDID.post(issuer, sp()), "wrong-issuer");
	}

	@Test
	void aReplayedResponseIsRefused() throws Exception {
		String response = BUNDID.post(response(startBundId(TrustLevel.LOW)), sp());
		assertThat(consume(response).getRedirectedUrl()).isEqualTo("/portal/antraege/123/schritt/2");
		account.calls.clear();
		refused(response, "replayed");
	}

	@Test
	void aResponseToNoRequestOfOursIsRefused() throws Exception {
		refused(BUNDID.post(response("_never-started-here"), sp()), "unknown-request");
		TestIdentityProvider.Response other = response(startBundId(TrustLevel.LOW));
		String first = startBundId(TrustLevel.LOW);
		other.requestId = first;
		// InResponseTo of the response and of the confirmation name the same, but another sign-in: accepted only once
		assertThat(consume(BUNDID.post(other, sp())).getRedirectedUrl()).isNotNull();
		account.calls.clear();
		TestIdentityProvider.Response again = response(first);
		refused(BUNDID.post(again, sp()), "unknown-request");
	}

	@Test
	void aDoctypeIsRefusedBeforeAnyEntityIsRead() throws Exception {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
				<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_x" Version="2.0" InResponseTo="_y">&x;</samlp:Response>""";
		refused(Base64.getEncoder().encodeToString(xxe.getBytes(StandardCharsets.UTF_8)), "doctype");
		refused("not base64 at all %%%", "malformed");
	}

	@Test
	void aResponseThatSaysNoIsRefusedKindly() throws Exception {
		TestIdentityProvider.Response cancelled = response(startBundId(TrustLevel.LOW));
		cancelled.status = "urn:oasis:names:tc:SAML:2.0:status:Responder";
		refused(BUNDID.post(cancelled, sp()), "not-successful");
	}

	@Test
	void aLevelBelowTheRequestedMinimumIsRefused() throws Exception {
		TestIdentityProvider.Response low = response(startBundId(TrustLevel.SUBSTANTIAL));
		low.classRef = "STORK-QAA-Level-1";
		MockHttpServletResponse answer = consume(BUNDID.post(low, sp()));
		assertThat(answer.getStatus()).isEqualTo(403);
		assertThat(answer.getContentAsString()).contains("Ihr Anmeldeniveau reicht nicht aus");
		TestIdentityProvider.Response unknown = response(startBundId(TrustLevel.LOW));
		unknown.classRef = "urn:oasis:names:tc:SAML:2.0:ac:classes:Password";
		refused(BUNDID.post(unknown, sp()), "level-too-low");
		assertThat(account.calls).isEmpty();
	}

	@Test
	void anUnencryptedAssertionAndAMissingBpk2AreRefused() throws Exception {
		TestIdentityProvider.Response plain = response(startBundId(TrustLevel.LOW));
		plain.encrypt = false;
		refused(BUNDID.post(plain, sp()), "not-decryptable");
		TestIdentityProvider.Response anonymous = response(startBundId(TrustLevel.LOW));
		anonymous.attributes.remove("urn:oid:1.3.6.1.4.1.25484.494450.3");
		refused(BUNDID.post(anonymous, sp()), "incomplete");
	}

	// single logout

	static String signedQuery(String logoutRequest, java.security.PrivateKey key) throws Exception {
		java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.DEFLATED, true);
		deflater.setInput(logoutRequest.getBytes(StandardCharsets.UTF_8));
		deflater.finish();
		byte[] buffer = new byte[16 * 1024];
		int length = deflater.deflate(buffer);
		String query = "SAMLRequest=" + java.net.URLEncoder.encode(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer, length)),
				StandardCharsets.UTF_8) + "&SigAlg=" + java.net.URLEncoder.encode("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", StandardCharsets.UTF_8);
		Signature signer = Signature.getInstance("SHA256withRSA");
		signer.initSign(key);
		signer.update(query.getBytes(StandardCharsets.US_ASCII));
		return query + "&Signature=" + java.net.URLEncoder.encode(Base64.getEncoder().encodeToString(signer.sign()), StandardCharsets.UTF_8);
	}

	/** A federated session signed in through the assertion consumer service, with this NameID and session index "s-1". */
	MockHttpSession federatedSession(String nameId) throws Exception {
		TestIdentityProvider.Response spec = response(startBundId(TrustLevel.LOW));
		spec.nameId = nameId;
		var result = mvc.perform(post("/saml/acs").param("SAMLResponse", BUNDID.post(spec, sp()))).andReturn();
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
		assertThat(session).isNotNull();
		return session;
	}

	static String logoutRequest(String id, String nameId, @Nullable String sessionIndex) {
		return """
				<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="%s" Version="2.0" IssueInstant="%s" Destination="http://localhost/saml/slo"><saml:Issuer>%s</saml:Issuer><saml:NameID>%s</saml:NameID>%s</samlp:LogoutRequest>"""
			.formatted(id, Instant.now().truncatedTo(ChronoUnit.SECONDS), BUNDID.entityId, nameId,
					sessionIndex == null ? "" : "<samlp:SessionIndex>" + sessionIndex + "</samlp:SessionIndex>");
	}

	@Test
	void theIdentityProviderEndsTheSessionWithASignedLogoutRequestOnly() throws Exception {
		MockHttpSession session = federatedSession("t-123");
		String logout = logoutRequest("_logout1", "t-123", "s-1");
		java.net.URI forged = java.net.URI.create("/saml/slo?" + signedQuery(logout, new TestIdentityProvider("https://attacker.test").keys.getPrivate()));
		MockHttpServletResponse refused = mvc.perform(get(forged).session(session)).andReturn().getResponse();
		assertThat(refused.getContentAsString()).contains(">bad-signature<");
		assertThat(session.isInvalid()).as("a forged logout ends nothing").isFalse();

		java.net.URI genuine = java.net.URI.create("/saml/slo?" + signedQuery(logout, BUNDID.keys.getPrivate()));
		MockHttpServletResponse answer = mvc.perform(get(genuine).session(session)).andReturn().getResponse();
		assertThat(session.isInvalid()).isTrue();
		String location = answer.getRedirectedUrl();
		assertThat(location).startsWith(BUNDID.entityId + "/slo?SAMLResponse=");
		String raw = location.substring(location.indexOf('?') + 1);
		Signature verifier = Signature.getInstance("SHA256withRSA");
		verifier.initVerify(sp().getPublicKey());
		verifier.update(raw.substring(0, raw.indexOf("&Signature=")).getBytes(StandardCharsets.US_ASCII));
		assertThat(verifier.verify(Base64.getDecoder().decode(query(raw).get("Signature")))).as("our LogoutResponse is signed").isTrue();
		String logoutResponse = inflate(query(raw).get("SAMLResponse"));
		validProtocolMessage(logoutResponse);
		assertThat(logoutResponse).contains("InResponseTo=\"_logout1\"").contains("urn:oasis:names:tc:SAML:2.0:status:Success");

		// the RelayState the identity provider sent comes back with the answer (redirect binding 3.4.3)
		MockHttpSession another = federatedSession("t-123");
		String plain = signedQuery(logoutRequest("_logout2", "t-123", "s-1"), BUNDID.keys.getPrivate());
		String withRelayState = resign(plain.replace("&SigAlg=", "&RelayState=idp-state-42&SigAlg="), BUNDID.keys.getPrivate());
		String relayed = mvc.perform(get(java.net.URI.create("/saml/slo?" + withRelayState)).session(another)).andReturn().getResponse()
			.getRedirectedUrl();
		assertThat(another.isInvalid()).isTrue();
		assertThat(query(relayed.substring(relayed.indexOf('?') + 1))).containsEntry("RelayState", "idp-state-42");
	}

	@Test
	void aLogoutRequestForAnotherNameIdOrSessionEndsNothing() throws Exception {
		MockHttpSession erika = federatedSession("t-erika");
		MockHttpSession local = TestAccounts.signIn(mvc, accounts.citizen("Lokal-SLO"));
		for (String logout : List.of(logoutRequest("_other1", "t-someone-else", null), logoutRequest("_other2", "t-erika", "s-other"))) {
			java.net.URI uri = java.net.URI.create("/saml/slo?" + signedQuery(logout, BUNDID.keys.getPrivate()));
			for (MockHttpSession session : List.of(erika, local)) {
				MockHttpServletResponse answer = mvc.perform(get(uri).session(session)).andReturn().getResponse();
				assertThat(session.isInvalid()).as("a logout for someone else ends nothing").isFalse();
				String raw = answer.getRedirectedUrl().substring(answer.getRedirectedUrl().indexOf('?') + 1);
				String logoutResponse = inflate(query(raw).get("SAMLResponse"));
				validProtocolMessage(logoutResponse);
				assertThat(logoutResponse).contains("urn:oasis:names:tc:SAML:2.0:status:Requester")
					.contains("urn:oasis:names:tc:SAML:2.0:status:UnknownPrincipal");
			}
		}
		assertThat(erika.getAttribute(de.openrathaus.identity.saml.SamlSession.ATTRIBUTE)).as("still the federated session").isNotNull();

		// without a session index the NameID alone decides
		java.net.URI byName = java.net.URI.create("/saml/slo?" + signedQuery(logoutRequest("_erika", "t-erika", null), BUNDID.keys.getPrivate()));
		mvc.perform(get(byName).session(erika));
		assertThat(erika.isInvalid()).isTrue();
		assertThat(local.isInvalid()).isFalse();
	}

	@Test
	void theIdentityProvidersLogoutResponseIsCheckedBeforeTheCitizenLandsOnTheStartPage() throws Exception {
		String answer = """
				<samlp:LogoutResponse xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_lr1" Version="2.0" IssueInstant="%s" Destination="http://localhost/saml/slo" InResponseTo="_ours"><saml:Issuer>%s</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:LogoutResponse>"""
			.formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS), BUNDID.entityId);
		String genuine = signedQuery(answer, BUNDID.keys.getPrivate()).replaceFirst("^SAMLRequest=", "SAMLResponse=");
		// signedQuery signs "SAMLRequest=…": sign again over the SAMLResponse form
		genuine = resign(genuine, BUNDID.keys.getPrivate());
		assertThat(mvc.perform(get(java.net.URI.create("/saml/slo?" + genuine))).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/?abgemeldet");

		String forged = resign(genuine, new TestIdentityProvider("https://attacker.test").keys.getPrivate());
		MockHttpServletResponse refused = mvc.perform(get(java.net.URI.create("/saml/slo?" + forged))).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains(">bad-signature<");
		String unsigned = genuine.substring(0, genuine.indexOf("&SigAlg="));
		assertThat(mvc.perform(get(java.net.URI.create("/saml/slo?" + unsigned))).andReturn().getResponse().getContentAsString())
			.contains(">unsigned<");
		assertThat(mvc.perform(get("/saml/slo?SAMLResponse=x")).andReturn().getResponse().getStatus()).isEqualTo(400);
	}

	/** The query signed anew (everything before {@code &Signature=}) with this key. */
	static String resign(String query, java.security.PrivateKey key) throws Exception {
		String signed = query.substring(0, query.indexOf("&Signature="));
		Signature signer = Signature.getInstance("SHA256withRSA");
		signer.initSign(key);
		signer.update(signed.getBytes(StandardCharsets.US_ASCII));
		return signed + "&Signature=" + java.net.URLEncoder.encode(Base64.getEncoder().encodeToString(signer.sign()), StandardCharsets.UTF_8);
	}

	@Test
	void signingOutOfAFederatedSessionEndsItAtTheIdentityProviderToo() throws Exception {
		String id = startBundId(TrustLevel.LOW);
		var result = mvc.perform(post("/saml/acs").param("SAMLResponse", BUNDID.post(response(id), sp()))).andReturn();
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
		assertThat(session).isNotNull();

		MockHttpServletResponse signedOut = mvc.perform(post("/abmelden").session(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())).andReturn().getResponse();

		assertThat(session.isInvalid()).as("signed out here").isTrue();
		String location = signedOut.getRedirectedUrl();
		assertThat(location).startsWith(BUNDID.entityId + "/slo?SAMLRequest=");
		String raw = location.substring(location.indexOf('?') + 1);
		Signature verifier = Signature.getInstance("SHA256withRSA");
		verifier.initVerify(sp().getPublicKey());
		verifier.update(raw.substring(0, raw.indexOf("&Signature=")).getBytes(StandardCharsets.US_ASCII));
		assertThat(verifier.verify(Base64.getDecoder().decode(query(raw).get("Signature")))).isTrue();
		String logoutRequest = inflate(query(raw).get("SAMLRequest"));
		validProtocolMessage(logoutRequest);
		assertThat(logoutRequest).contains(">t-123</saml:NameID>").contains(">s-1</samlp:SessionIndex>")
			.contains("Destination=\"" + BUNDID.entityId + "/slo\"");

		// a password session signs out as before
		MockHttpSession local = TestAccounts.signIn(mvc, accounts.citizen("Lokal"));
		assertThat(mvc.perform(post("/abmelden").session(local)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())).andReturn().getResponse()
			.getRedirectedUrl()).isEqualTo("/?abgemeldet");
	}

	// started sign-ins per client

	@Test
	void aFloodOfStartedSignInsFromOneClientIsRefusedWhileAnotherClientStillGetsIn() throws Exception {
		java.util.function.Function<String, org.springframework.test.web.servlet.request.RequestPostProcessor> from = address -> request -> {
			request.setRemoteAddr(address);
			return request;
		};
		for (int i = 0; i < PER_CLIENT; i++) {
			assertThat(mvc.perform(get("/anmelden/bundid").with(from.apply("203.0.113.7"))).andReturn().getResponse().getStatus()).isEqualTo(302);
		}
		MockHttpServletResponse refused = mvc.perform(get("/anmelden/bundid").with(from.apply("203.0.113.7"))).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
		assertThat(refused.getContentAsString()).contains("zu viele Anmeldungen begonnen").contains(">too-many-started<");
		assertThat(mvc.perform(get("/anmelden/unternehmenskonto").with(from.apply("203.0.113.7"))).andReturn().getResponse().getStatus())
			.as("the limit is the client's, whichever provider").isEqualTo(429);

		// another client is not affected, and signs in
		MockHttpServletResponse other = mvc.perform(get("/anmelden/bundid").with(from.apply("198.51.100.23"))).andReturn().getResponse();
		assertThat(other.getStatus()).isEqualTo(302);
		String location = other.getRedirectedUrl();
		String id = TestIdentityProvider.parse(inflate(query(location.substring(location.indexOf('?') + 1)).get("SAMLRequest")))
			.getDocumentElement().getAttribute("ID");
		assertThat(consume(BUNDID.post(response(id), sp())).getStatus()).isEqualTo(302);
		assertThat(account.calls).hasSize(1);

		// once the flood's sign-ins have expired (15 minutes later) they no longer count
		de.openrathaus.tenancy.TenantContext.runAs(accounts.tenant(), () -> jdbc.sql(
				"update identity.authn_request set expires_at = now() - interval '1 second' where client = '203.0.113.7'").update());
		assertThat(mvc.perform(get("/anmelden/bundid").with(from.apply("203.0.113.7"))).andReturn().getResponse().getStatus()).isEqualTo(302);
	}

	// the exemption from CSRF

	@Test
	void onlyTheAssertionConsumerServiceTakesPostsWithoutCsrfToken() throws Exception {
		assertThat(access.stream().flatMap(rules -> rules.csrfExemptForCrossSitePosts().stream()).toList()).containsExactly("/saml/acs");
		assertThat(mvc.perform(post("/anmelden").param("email", "x@example.org").param("password", "x")).andReturn().getResponse().getStatus())
			.as("any other form post without token").isEqualTo(403);
		assertThat(consume("").getStatus()).as("the assertion consumer service answers without token").isEqualTo(400);
	}
}
