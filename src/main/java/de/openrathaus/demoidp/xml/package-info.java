// SPDX-License-Identifier: EUPL-1.2
/**
 * Hardened XML for SAML messages: parsing without DTDs or external entities, bounded inflation of the redirect binding, enveloped XML signatures and XML encryption with Apache Santuario. It must never parse a document that declares a DTD.
 */
@NullMarked
package de.openrathaus.demoidp.xml;

import org.jspecify.annotations.NullMarked;
