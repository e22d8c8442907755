// SPDX-License-Identifier: EUPL-1.2
/**
 * A BundID-like SAML 2.0 identity provider for demo mode and the tests: two identity providers
 * (citizens, and organisations in the style of "Mein Unternehmenskonto") that answer signed
 * authentication requests with signed and encrypted assertions about invented test persons at each
 * trust level. It exists only while {@code openrathaus.demo.enabled} is true and talks to service
 * providers only as SAML 2.0 prescribes, over HTTP (redirects, posted forms, published metadata);
 * it must never call the service provider's code nor vouch for anyone but its test persons.
 */
@NullMarked
package de.openrathaus.demoidp;

import org.jspecify.annotations.NullMarked;
