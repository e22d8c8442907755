// SPDX-License-Identifier: EUPL-1.2
/**
 * Sign-in through external identity providers: the SAML 2.0 service provider for BundID and for
 * organisation accounts (Mein Unternehmenskonto style), one per municipality. It starts a sign-in at
 * the identity provider, validates every response completely (signature with the provider's metadata
 * certificate only, decryption with the municipality's key, audience, recipient, times, single use)
 * and only then hands the identity to {@link de.openrathaus.account.FederatedSignIn}. It never creates
 * accounts or sessions itself, never trusts anything of a response it has not validated, and never logs
 * personal data of a response (only reason codes).
 */
@NullMarked
package de.openrathaus.identity;

import org.jspecify.annotations.NullMarked;
