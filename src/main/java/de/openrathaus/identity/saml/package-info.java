// SPDX-License-Identifier: EUPL-1.2
/**
 * The SAML 2.0 protocol of the service provider: hardened XML parsing, the signed AuthnRequest
 * (HTTP-Redirect binding), the validation of responses (HTTP-POST binding) against signature wrapping,
 * replay and every condition, the identity providers' metadata and our own signed metadata.
 * Package-private except the few entry points the web layer calls.
 */
@NullMarked
package de.openrathaus.identity.saml;

import org.jspecify.annotations.NullMarked;
