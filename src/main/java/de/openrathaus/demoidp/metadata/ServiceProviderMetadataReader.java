// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.metadata;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import de.openrathaus.demoidp.xml.SamlNames;
import de.openrathaus.demoidp.xml.SecureXml;
import de.openrathaus.demoidp.xml.SecureXml.Unacceptable;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads the service providers (SPSSODescriptor) of a SAML 2.0 metadata document (EntityDescriptor or EntitiesDescriptor). */
final class ServiceProviderMetadataReader {

	private ServiceProviderMetadataReader() {
	}

	static List<ServiceProvider> read(byte[] xml) throws Unacceptable {
		Document document = SecureXml.parse(xml, SecureXml.MAX_METADATA_BYTES);
		Element root = document.getDocumentElement();
		if (!SamlNames.METADATA.equals(root.getNamespaceURI())) {
			throw new Unacceptable("not SAML metadata");
		}
		List<ServiceProvider> providers = new ArrayList<>();
		NodeList entities = document.getElementsByTagNameNS(SamlNames.METADATA, "EntityDescriptor");
		for (int i = 0; i < entities.getLength(); i++) {
			Element entity = (Element) entities.item(i);
			Element descriptor = SecureXml.child(entity, SamlNames.METADATA, "SPSSODescriptor");
			String entityId = SecureXml.attribute(entity, "entityID");
			if (descriptor != null && entityId != null && !entityId.isBlank()) {
				providers.add(serviceProvider(entityId, descriptor));
			}
		}
		return providers;
	}

	private static ServiceProvider serviceProvider(String entityId, Element descriptor) throws Unacceptable {
		List<X509Certificate> signing = new ArrayList<>();
		List<X509Certificate> encryption = new ArrayList<>();
		for (Element key : SecureXml.children(descriptor, SamlNames.METADATA, "KeyDescriptor")) {
			String use = SecureXml.attribute(key, "use");
			List<X509Certificate> certificates = certificates(key);
			if (use == null || "signing".equals(use)) {
				signing.addAll(certificates);
			}
			if (use == null || "encryption".equals(use)) {
				encryption.addAll(certificates);
			}
		}
		return new ServiceProvider(entityId, signing, encryption, endpoints(descriptor, "AssertionConsumerService", true),
				endpoints(descriptor, "SingleLogoutService", false));
	}

	private static List<ServiceProvider.Endpoint> endpoints(Element descriptor, String name, boolean indexed) throws Unacceptable {
		List<ServiceProvider.Endpoint> endpoints = new ArrayList<>();
		for (Element endpoint : SecureXml.children(descriptor, SamlNames.METADATA, name)) {
			String binding = SecureXml.attribute(endpoint, "Binding");
			String location = SecureXml.attribute(endpoint, indexed ? "Location" : "ResponseLocation");
			if (location == null) {
				location = SecureXml.attribute(endpoint, "Location");
			}
			if (binding == null || location == null || !(location.startsWith("https://") || location.startsWith("http://"))) {
				continue;
			}
			Integer index = null;
			String indexValue = SecureXml.attribute(endpoint, "index");
			if (indexed && indexValue != null) {
				try {
					index = Integer.valueOf(indexValue.strip());
				}
				catch (NumberFormatException e) {
					throw new Unacceptable("endpoint index is not a number");
				}
			}
			endpoints.add(new ServiceProvider.Endpoint(binding, location, index, "true".equals(SecureXml.attribute(endpoint, "isDefault"))));
		}
		return endpoints;
	}

	private static List<X509Certificate> certificates(Element keyDescriptor) throws Unacceptable {
		List<X509Certificate> certificates = new ArrayList<>();
		NodeList values = keyDescriptor.getElementsByTagNameNS(SamlNames.DSIG, "X509Certificate");
		for (int i = 0; i < values.getLength(); i++) {
			certificates.add(certificate(values.item(i).getTextContent()));
		}
		return certificates;
	}

	static X509Certificate certificate(@Nullable String base64) throws Unacceptable {
		try {
			byte[] der = Base64.getMimeDecoder().decode(base64 == null ? "" : base64.strip());
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
		}
		catch (CertificateException | IllegalArgumentException e) {
			throw new Unacceptable("a certificate in the metadata cannot be read", e);
		}
	}
}
