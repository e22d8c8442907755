// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.xml;

/** Namespaces, bindings and formats of SAML 2.0 (core, bindings, metadata) and BundID's request extension. */
public final class SamlNames {

	public static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
	public static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
	public static final String METADATA = "urn:oasis:names:tc:SAML:2.0:metadata";
	public static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
	public static final String XMLNS = "http://www.w3.org/2000/xmlns/";

	/** BundID's (AKDB's) extension of the AuthnRequest and its per-attribute trust level. */
	public static final String AKDB = "https://www.akdb.de/request/2018/09";

	public static final String REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
	public static final String POST_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

	public static final String NAMEID_TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
	public static final String NAMEID_PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
	public static final String NAMEID_UNSPECIFIED = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";
	public static final String NAMEID_ENTITY = "urn:oasis:names:tc:SAML:2.0:nameid-format:entity";

	public static final String ATTRNAME_URI = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri";
	public static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

	public static final String STATUS_SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
	public static final String STATUS_REQUESTER = "urn:oasis:names:tc:SAML:2.0:status:Requester";
	public static final String STATUS_RESPONDER = "urn:oasis:names:tc:SAML:2.0:status:Responder";
	public static final String STATUS_AUTHN_FAILED = "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed";
	public static final String STATUS_NO_AUTHN_CONTEXT = "urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext";
	public static final String STATUS_NO_PASSIVE = "urn:oasis:names:tc:SAML:2.0:status:NoPassive";
	public static final String STATUS_INVALID_NAMEID_POLICY = "urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy";

	/** The redirect binding's signature algorithms this provider accepts (no SHA-1) and the one it uses. */
	public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
	public static final String RSA_SHA384 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384";
	public static final String RSA_SHA512 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512";

	private SamlNames() {
	}
}
