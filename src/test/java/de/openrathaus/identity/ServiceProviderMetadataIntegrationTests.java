// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import de.openrathaus.identity.config.ServiceProviderKeys;

import org.apache.xml.security.signature.XMLSignature;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The service provider's metadata, as an identity provider's operator reads it: valid against the
 * OASIS SAML 2.0 metadata schema (the schema files from the OASIS distribution, under
 * {@code src/test/resources/saml-schemas}), signed with the key it announces, naming our assertion
 * consumer service and logout endpoint; the generated key is readable by its owner only.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ServiceProviderMetadataIntegrationTests {

	static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";

	@Autowired
	MockMvc mvc;

	@Autowired
	ServiceProviderKeys keys;

	static {
		org.apache.xml.security.Init.init();
	}

	byte[] metadata() throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/saml/metadata")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("application/samlmetadata+xml");
		return response.getContentAsByteArray();
	}

	@Test
	void theMetadataValidatesAgainstTheSamlMetadataSchema() throws Exception {
		SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		// the W3C schema files declare a DOCTYPE of their own; nothing is fetched from the network
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
		URL schema = getClass().getResource("/saml-schemas/saml-schema-metadata-2.0.xsd");
		var validator = factory.newSchema(schema).newValidator();
		byte[] metadata = metadata();
		validator.validate(new StreamSource(new ByteArrayInputStream(metadata)));

		// the check is real: without its assertion consumer service the descriptor is invalid
		String broken = new String(metadata, java.nio.charset.StandardCharsets.UTF_8).replaceAll("<md:AssertionConsumerService[^>]*/>", "");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> validator.validate(new StreamSource(new java.io.StringReader(broken))))
			.isInstanceOf(org.xml.sax.SAXParseException.class);
	}

	@Test
	void theMetadataIsSignedWithTheKeyItAnnouncesAndNamesOurEndpoints() throws Exception {
		Document document = TestIdentityProvider.parse(new String(metadata(), java.nio.charset.StandardCharsets.UTF_8));
		Element entity = document.getDocumentElement();
		assertThat(entity.getAttribute("entityID")).isEqualTo("http://localhost/saml/metadata");
		entity.setIdAttribute("ID", true);
		Element signature = (Element) entity.getFirstChild();
		assertThat(signature.getLocalName()).isEqualTo("Signature");
		X509Certificate announced = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(
				Base64.getMimeDecoder().decode(entity.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "X509Certificate").item(1)
					.getTextContent())));
		assertThat(announced).isEqualTo(keys.of("musterstadt").certificate());
		XMLSignature xml = new XMLSignature(signature, "", true);
		assertThat(xml.getSignedInfo().item(0).getURI()).isEqualTo("#" + entity.getAttribute("ID"));
		assertThat(xml.checkSignatureValue(announced)).isTrue();
		Element acs = (Element) entity.getElementsByTagNameNS(MD, "AssertionConsumerService").item(0);
		assertThat(acs.getAttribute("Location")).isEqualTo("http://localhost/saml/acs");
		assertThat(acs.getAttribute("Binding")).isEqualTo("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
		assertThat(((Element) entity.getElementsByTagNameNS(MD, "SingleLogoutService").item(0)).getAttribute("Location"))
			.isEqualTo("http://localhost/saml/slo");
		assertThat(entity.getElementsByTagNameNS(MD, "KeyDescriptor").getLength()).as("signing and encryption").isEqualTo(2);

		// tampering breaks it
		acs.setAttribute("Location", "https://attacker.example/acs");
		assertThat(new XMLSignature(signature, "", true).checkSignatureValue(announced)).isFalse();
	}

	@Test
	void theGeneratedKeyIsKeptOwnerOnlyAndReused() throws Exception {
		keys.of("musterstadt");
		Path key = Path.of("target/identity/musterstadt-sp-key.pem");
		assertThat(Files.getPosixFilePermissions(key)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
		ServiceProviderKeys again = new ServiceProviderKeys(new de.openrathaus.identity.config.IdentitySettings("target/identity", null, null, null,
				null, null, null, null, null), java.time.Clock.systemUTC());
		assertThat(again.of("musterstadt").certificate()).isEqualTo(keys.of("musterstadt").certificate());
	}
}
